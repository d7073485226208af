#ifndef BIANMIN_CSVENC_H
#define BIANMIN_CSVENC_H
/* The character encodings of CSV files.  Inside the program text is UTF-8;
 * a file is UTF-8 (with or without a BOM) or GB18030, the superset of GBK
 * that programs on Chinese Windows write.  Both directions stream: memory
 * stays flat for any file size. */

#include <stdbool.h>
#include <stdio.h>

/* Opens `path` ("-" = standard input) for reading as UTF-8, rewound: a file
 * of strict UTF-8 (no overlongs, no surrogates, nothing past U+10FFFF) as
 * it is, anything else converted from GB18030; *converted says which.
 * Standard input and other streams that cannot be read twice are first
 * copied to a temporary file.  Bytes that are neither encoding are
 * reported with their line ("第N行: ...").  Close with fclose(), unless the
 * result is stdin. */
FILE *csvenc_open_utf8(const char *path, bool *converted, char **err);

/* A stream that takes UTF-8 and writes it to `out` as GB18030 (no BOM).
 * `out` stays open. */
struct csvenc_writer;
struct csvenc_writer *csvenc_gb18030_writer(FILE *out, char **err);
FILE *csvenc_writer_file(struct csvenc_writer *w);
/* Flushes and frees w; false (with a message) if some text could not be
 * converted or a write failed.  Flushes `out` too. */
bool csvenc_writer_close(struct csvenc_writer *w, char **err);

#endif
