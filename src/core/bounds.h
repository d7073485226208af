#ifndef BIANMIN_BOUNDS_H
#define BIANMIN_BOUNDS_H
/* Limits more than one module must agree on: a check in core, a field in
 * a form and an option in the CLI take theirs from here. */

/* A login is an OS account name; clerk put refuses longer ones, so a
 * longer account (or an import's longer 经办人) can never be a clerk. */
#define LOGIN_MAX 32

/* Households, persons or quantity of one entry: far above any real entry
 * (a whole village is a few thousand people), low enough that a slipped
 * finger is caught before it skews a year's report.  Digits a form takes
 * for such a count. */
#define LEDGER_COUNT_MAX 100000
#define LEDGER_COUNT_DIGITS 6

/* Longest catalog names, in characters (字): a longer one is refused when
 * the catalog loads, never cut.  Screens and the report's cells (128
 * bytes: 4 bytes a character at most, and "  其中 " before a category)
 * hold these whole. */
#define CATALOG_WINDOW_NAME_MAX 16
#define CATALOG_MATTER_NAME_MAX 30
#define CATALOG_CATEGORY_MAX 16
#define CATALOG_VILLAGE_NAME_MAX 20

#endif
