/* csvrow on arbitrary bytes: the in-memory and the streaming reader agree;
 * a file that reads writes back out and reads back as the same records;
 * record lines rise and stay within the file; a refusal says why. */
#include <stdbool.h>

#include "csvrow.h"
#include "fuzz.h"
#include "text.h"

struct records {
	char **cells;   /* every field of every record, in order */
	size_t *counts; /* fields per record */
	size_t *lines;
	size_t ncells, nrecords;
	size_t max_line;
};

static bool collect(char **fields, size_t n, size_t line, void *arg, char **err)
{
	(void)err;
	struct records *r = arg;
	FUZZ_CHECK(n >= 1, "a record of no fields at line %zu", line);
	FUZZ_CHECK(fields[n] == NULL, "fields not NULL-terminated at line %zu", line);
	FUZZ_CHECK(line >= 1 && line <= r->max_line, "record at line %zu of %zu", line,
		   r->max_line);
	FUZZ_CHECK(r->nrecords == 0 || line > r->lines[r->nrecords - 1],
		   "record at line %zu after one at line %zu", line, r->lines[r->nrecords - 1]);
	r->cells = realloc(r->cells, (r->ncells + n) * sizeof *r->cells);
	r->counts = realloc(r->counts, (r->nrecords + 1) * sizeof *r->counts);
	r->lines = realloc(r->lines, (r->nrecords + 1) * sizeof *r->lines);
	for (size_t i = 0; i < n; i++) {
		FUZZ_CHECK(fields[i], "field %zu of line %zu is NULL", i, line);
		r->cells[r->ncells++] = strdup(fields[i]);
	}
	r->counts[r->nrecords] = n;
	r->lines[r->nrecords++] = line;
	return true;
}

static void records_free(struct records *r)
{
	for (size_t i = 0; i < r->ncells; i++)
		free(r->cells[i]);
	free(r->cells);
	free(r->counts);
	free(r->lines);
}

static bool same_records(const struct records *a, const struct records *b)
{
	if (a->nrecords != b->nrecords || a->ncells != b->ncells)
		return false;
	for (size_t i = 0; i < a->nrecords; i++)
		if (a->counts[i] != b->counts[i])
			return false;
	for (size_t i = 0; i < a->ncells; i++)
		if (strcmp(a->cells[i], b->cells[i]) != 0)
			return false;
	return true;
}

/* Physical lines as the reader counts them: CR, LF and CRLF each end one. */
static size_t count_lines(const uint8_t *data, size_t size)
{
	size_t lines = 1;
	for (size_t i = 0; i < size; i++)
		if (data[i] == '\r' || (data[i] == '\n' && (i == 0 || data[i - 1] != '\r')))
			lines++;
	return lines;
}

static void check_message(bool ok, char *err)
{
	if (ok) {
		FUZZ_CHECK(err == NULL, "read yet said: %s", err);
		return;
	}
	FUZZ_CHECK(err && *err, "refused without a message");
	FUZZ_CHECK(text_valid_utf8(err, strlen(err)), "message is not UTF-8");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct records mem = { .max_line = count_lines(data, size) };
	char *err = NULL;
	bool ok = csvrow_read((const char *)data, size, collect, &mem, &err);
	check_message(ok, err);

	struct records streamed = { .max_line = mem.max_line };
	char *err2 = NULL;
	FILE *f = fmemopen((void *)data, size ? size : 1, "rb");
	FUZZ_CHECK(f, "fmemopen");
	if (size == 0)
		fgetc(f); /* fmemopen needs a byte; an empty file is read as at its end */
	bool ok2 = csvrow_read_file(f, collect, &streamed, &err2);
	fclose(f);
	check_message(ok2, err2);
	FUZZ_CHECK(ok == ok2, "in memory %d, streamed %d", (int)ok, (int)ok2);
	FUZZ_CHECK(!ok || same_records(&mem, &streamed), "streamed records differ");
	FUZZ_CHECK(ok || strcmp(err, err2) == 0, "messages differ: '%s' / '%s'", err, err2);
	free(err);
	free(err2);
	records_free(&streamed);

	/* Written (every cell guarded) and read back, the records are the
	 * same once the guard comes off. */
	if (ok) {
		char *buf = NULL;
		size_t len = 0;
		FILE *out = open_memstream(&buf, &len);
		struct csvrow_writer *w = csvrow_writer_create(out, size % 2);
		for (size_t r = 0, c = 0; r < mem.nrecords; r++) {
			for (size_t i = 0; i < mem.counts[r]; i++)
				csvrow_put(w, mem.cells[c++]);
			csvrow_end(w);
		}
		err = NULL;
		FUZZ_CHECK(csvrow_writer_finish(w, &err), "writing: %s", err);
		fclose(out);
		struct records again = { .max_line = count_lines((uint8_t *)buf, len) };
		FUZZ_CHECK(csvrow_read(buf, len, collect, &again, &err), "rereading: %s", err);
		for (size_t i = 0; i < again.ncells; i++) {
			char *plain = strdup(csvrow_unguard(again.cells[i]));
			free(again.cells[i]);
			again.cells[i] = plain;
		}
		FUZZ_CHECK(same_records(&mem, &again), "written and reread, the records differ");
		records_free(&again);
		free(buf);
	}
	records_free(&mem);
	return 0;
}
