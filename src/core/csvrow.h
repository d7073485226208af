#ifndef BIANMIN_CSVROW_H
#define BIANMIN_CSVROW_H
/* CSV rows through libcsv, with the rules every CSV file of bianmin shares:
 * a leading UTF-8 BOM is skipped, parsing is strict (RFC 4180), spaces are
 * kept, a row with a parse error is rejected whole.  Writing quotes every
 * cell, ends rows with CRLF, and guards cells that Excel would run as a
 * formula (= + - @ TAB CR) with a leading '. */

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Called once per record; fields are NUL-terminated, empty fields are "".
 * `line` is the 1-based physical line where the record starts.  Return
 * false to stop reading (the reader then returns false without a message of
 * its own unless the callback set one). */
typedef bool (*csvrow_fn)(char **fields, size_t nfields, size_t line, void *ctx, char **err);

/* Reads a whole in-memory file.  Blank lines are skipped. */
bool csvrow_read(const char *text, size_t len, csvrow_fn fn, void *ctx, char **err);
/* Reads a stream in chunks (memory stays flat for any file size). */
bool csvrow_read_file(FILE *in, csvrow_fn fn, void *ctx, char **err);

/* Undoes the formula guard: drops the one leading ' that export put before
 * = + - @ TAB or CR.  Returns a pointer into s. */
const char *csvrow_unguard(const char *s);

struct csvrow_writer;
/* `bom` writes the UTF-8 BOM first. */
struct csvrow_writer *csvrow_writer_create(FILE *out, bool bom);
/* Cells are written through text_escape_hidden (line breaks kept). */
void csvrow_put(struct csvrow_writer *w, const char *cell);  /* guarded */
void csvrow_put_int(struct csvrow_writer *w, long long v);
void csvrow_end(struct csvrow_writer *w); /* CRLF */
/* Flushes; false (with message) if any write failed.  Frees w. */
bool csvrow_writer_finish(struct csvrow_writer *w, char **err);

/* Reads a whole file into memory (NUL-terminated); "-" is stdin. */
char *csvrow_slurp(const char *path, size_t *len, char **err);

#endif
