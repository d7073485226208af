#ifndef BIANMIN_DEMO_H
#define BIANMIN_DEMO_H
/* Made-up but realistic entries, for trying the program (bianmin --demo)
 * and for benchmarks: Chinese names (now and then a rare character such as
 * 䶮), valid 身份证 numbers of 行唐县 (130125), market entities with valid
 * 统一社会信用代码, villages from the catalog, working days (Monday to
 * Friday, without 元旦, 劳动节 and 国庆节) and office hours 08:30-17:30.
 * Everything goes through ledger_insert(), so every check runs.  The same
 * seed gives the same entries, and a year's entries do not depend on which
 * other years are filled with it. */

#include <stdbool.h>
#include <stdint.h>

struct db;
struct catalog;

/* Records generated entries for every year first_year..last_year, one
 * write transaction per year (or per 50,000 entries), each with one audit
 * line.  entries_per_year <= 0: per matter, the live entries of a year give
 * the reference report's 2021 figures (设立业务 234 项 ... 独生子女和双女户新农合
 * 补贴 143 户 433 人 ... 退役军人优待证 400 多个), and about 1% more entries
 * are recorded voided.  Above 0: exactly that many entries a year in the
 * same proportions, about 1% of them voided.  Nothing is dated after today:
 * the current year stops at today (its volumes in proportion), later years
 * are refused.  Matters missing from the reference (added by an
 * administrator) get a dozen entries a year; inactive ones none. */
bool demo_fill(struct db *db, const struct catalog *cat, int first_year, int last_year,
	       int64_t entries_per_year, uint32_t seed, const char *login, char **err);

#endif
