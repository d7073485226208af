#ifndef BIANMIN_RECEIPT_H
#define BIANMIN_RECEIPT_H
/* 受理回执: the slip a citizen takes home for a 承诺件 — center, window,
 * serial, matter, applicant, masked ID number, the day accepted and the
 * day due, the clerk and the center's phone.  Plain UTF-8 text, no line
 * wider than 40 columns (a receipt printer's paper), which reads right on
 * A4 too. */

#include <stdbool.h>

#include "catalog.h"

struct db;

#define RECEIPT_COLS 40

/* The slip of the entry `serial`: malloc'd text, or NULL with *err for a
 * 即办件, a voided entry or an unknown serial.  `phone` is the center's
 * (`phone =` in the configuration; NULL or "" leaves the line out).
 * *note (may be NULL) receives the calendar's remark when the due day was
 * counted in a year without holiday data (malloc'd, or NULL). */
char *receipt_text(struct db *db, const struct catalog *cat, const char *serial,
		   const char *phone, char **note, char **err);
/* Hands `text` to `command` (`print =`, such as "lp -d counter1") on its
 * standard input, run by /bin/sh without the program's group and with its
 * standard output and error sent to /dev/null (a curses screen must not be
 * written over).  False with a message when it cannot be run or fails. */
bool receipt_print(const char *text, const char *command, char **err);
/* The file a slip is written to when no command prints it:
 * "回执-MSBZ-2021-000001.txt" (malloc'd). */
char *receipt_file_name(const char *serial);

#endif
