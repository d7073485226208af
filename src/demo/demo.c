#include "demo.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "db_sql.h"
#include "idcheck.h"
#include "ledger.h"
#include "period.h"
#include "util.h"

#define ROWS_PER_COMMIT 50000
#define VOID_PER_MILLE 10

/* splitmix64: tiny, fast, and the same numbers on every platform. */
struct rng {
	uint64_t state;
};

static uint64_t rng_next(struct rng *r)
{
	uint64_t z = (r->state += 0x9E3779B97F4A7C15u);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
	return z ^ (z >> 31);
}

static uint32_t rng_below(struct rng *r, uint32_t n)
{
	return n ? (uint32_t)(((rng_next(r) >> 32) * n) >> 32) : 0;
}

static int rng_range(struct rng *r, int lo, int hi)
{
	return lo + (int)rng_below(r, (uint32_t)(hi - lo + 1));
}

/* A pick that favours the front of a list (common surnames first). */
static uint32_t rng_front(struct rng *r, uint32_t n)
{
	uint32_t a = rng_below(r, n), b = rng_below(r, n);
	return a < b ? a : b;
}

#define PICK(r, list) (list)[rng_below((r), sizeof(list) / sizeof *(list))]

/* A matter's year in the reference report (上碑镇 2021).  Totals of 0 mean
 * one per entry; per-entry ranges bound the spread of the totals. */
struct volume {
	const char *window, *matter;
	int entries;
	int households, min_households, max_households;
	int persons, min_persons, max_persons;
	int quantity, min_quantity, max_quantity;
	int min_age, max_age; /* of the applicant */
};

static const struct volume reference[] = {
	{ "sczr", "sl", 234, 0, 1, 1, 0, 1, 1, 0, 1, 1, 20, 60 },
	{ "sczr", "bg", 43, 0, 1, 1, 0, 1, 1, 0, 1, 1, 22, 65 },
	{ "sczr", "zx", 122, 0, 1, 1, 0, 1, 1, 0, 1, 1, 25, 70 },
	{ "sczr", "bz", 11, 0, 1, 1, 0, 1, 1, 0, 1, 1, 22, 65 },
	{ "wsjk", "yt", 45, 0, 1, 1, 45, 1, 1, 0, 1, 1, 21, 36 },
	{ "wsjk", "et", 51, 0, 1, 1, 0, 1, 1, 51, 1, 1, 24, 40 },
	{ "wsjk", "gk", 6, 0, 1, 1, 6, 1, 1, 0, 1, 1, 17, 19 },
	{ "wsjk", "ds", 9, 0, 1, 1, 0, 1, 1, 9, 1, 1, 22, 40 },
	{ "wsjk", "sd", 1, 1, 1, 1, 1, 1, 2, 0, 1, 1, 60, 85 },
	{ "wsjk", "xnh", 143, 143, 1, 1, 433, 2, 4, 0, 1, 1, 40, 75 },
	{ "wsjk", "wszx", 55, 0, 1, 1, 0, 1, 1, 0, 1, 1, 18, 80 },
	{ "wsjk", "syzx", 33, 0, 1, 1, 0, 1, 1, 0, 1, 1, 20, 40 },
	{ "msbz", "lr", 13, 13, 1, 1, 0, 1, 1, 0, 1, 1, 70, 95 },
	{ "msbz", "db", 37, 37, 1, 1, 0, 1, 1, 0, 1, 1, 30, 85 },
	{ "msbz", "tk", 13, 0, 1, 1, 0, 1, 1, 0, 1, 1, 55, 90 },
	{ "msbz", "cjr", 19, 0, 1, 1, 19, 1, 1, 0, 1, 1, 18, 80 },
	{ "msbz", "gybt", 296, 0, 1, 1, 296, 1, 1, 0, 1, 1, 40, 60 },
	{ "msbz", "gyfw", 296, 0, 1, 1, 0, 1, 1, 0, 1, 1, 40, 60 },
	{ "msbz", "cjz", 52, 0, 1, 1, 0, 1, 1, 0, 1, 1, 10, 85 },
	{ "sjfw", "ydz", 206, 0, 1, 1, 0, 1, 1, 412, 1, 3, 25, 90 },
	{ "sjfw", "zx", 150, 0, 1, 1, 0, 1, 1, 0, 1, 1, 25, 90 },
	{ "cxjs", "jf", 4, 0, 1, 1, 0, 1, 1, 0, 1, 1, 25, 60 },
	{ "cxjs", "zx", 9, 0, 1, 1, 0, 1, 1, 0, 1, 1, 25, 70 },
};

/* For a matter an administrator added: a dozen entries a year. */
static const struct volume unknown_matter = { "", "", 12, 0, 1, 1, 0, 1, 1, 0, 1, 1, 20, 70 };

static const struct volume *volume_of(const struct catalog *cat, const struct catalog_matter *m)
{
	const char *window = cat->windows[m->window].code;
	for (size_t i = 0; i < sizeof reference / sizeof *reference; i++)
		if (strcmp(reference[i].window, window) == 0 &&
		    strcmp(reference[i].matter, m->code) == 0)
			return &reference[i];
	return &unknown_matter;
}

/* One entry to be: decided for the whole year first, then sorted into
 * time order so that serial numbers rise with the clock. */
struct planned {
	int64_t day;
	int minute;
	size_t seq;
	size_t matter;
	int64_t households, persons, quantity;
	int category; /* -1: none */
	bool voided;
};

static int planned_cmp(const void *a, const void *b)
{
	const struct planned *x = a, *y = b;
	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	if (x->minute != y->minute)
		return x->minute < y->minute ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Mondays to Fridays of `year` up to `last_day`, without the fixed
 * holidays (元旦, 劳动节 1-3 May, 国庆节 1-7 October). */
static int64_t *working_days(int year, int64_t last_day, size_t *n, size_t *full_year)
{
	char from[DATE_LEN], to[DATE_LEN], date[DATE_LEN];
	period_year_bounds(year, from, to);
	int64_t first = period_day_number(from), last = period_day_number(to);
	int64_t *days = xmalloc((size_t)(last - first + 1) * sizeof *days);
	*n = *full_year = 0;
	for (int64_t d = first; d <= last; d++) {
		period_from_day_number(d, date);
		int wd = period_weekday(date), month = atoi(date + 5), mday = atoi(date + 8);
		if (wd == 0 || wd == 6 || (month == 1 && mday == 1) ||
		    (month == 5 && mday <= 3) || (month == 10 && mday <= 7))
			continue;
		(*full_year)++;
		if (d <= last_day)
			days[(*n)++] = d;
	}
	return days;
}

/* Spreads `total` over n values within [lo, hi] at random. */
static void spread(struct rng *r, int64_t *vals, size_t n, int64_t total, int lo, int hi)
{
	for (size_t i = 0; i < n; i++)
		vals[i] = lo;
	if (n == 0 || hi <= lo)
		return;
	int64_t left = total - (int64_t)n * lo;
	if (left > (int64_t)n * (hi - lo))
		left = (int64_t)n * (hi - lo);
	while (left > 0) {
		size_t i = rng_below(r, (uint32_t)n);
		if (vals[i] < hi) {
			vals[i]++;
			left--;
		}
	}
}

/* Categories: the first option the most common (发放 before 审验, 申请
 * before 终止), weights (k - i)^2. */
static int pick_category(struct rng *r, const struct catalog_matter *m)
{
	if (m->ncategories == 0)
		return -1;
	uint32_t k = (uint32_t)m->ncategories, total = 0;
	for (uint32_t i = 0; i < k; i++)
		total += (k - i) * (k - i);
	uint32_t x = rng_below(r, total);
	for (uint32_t i = 0; i < k; i++) {
		uint32_t w = (k - i) * (k - i);
		if (x < w)
			return (int)i;
		x -= w;
	}
	return 0;
}

/* Office hours 08:30-12:00 and 13:30-17:30, as minutes after midnight. */
static int pick_minute(struct rng *r)
{
	int m = rng_range(r, 0, 210 + 240 - 1);
	return m < 210 ? 8 * 60 + 30 + m : 13 * 60 + 30 + (m - 210);
}

struct plan {
	struct planned *rows;
	size_t n, cap;
};

static struct planned *plan_add(struct plan *p)
{
	p->rows = xgrow(p->rows, &p->cap, p->n + 1, sizeof *p->rows);
	struct planned *row = &p->rows[p->n];
	memset(row, 0, sizeof *row);
	row->seq = p->n++;
	row->households = row->persons = row->quantity = -1;
	row->category = -1;
	return row;
}

/* `n` live entries of matter mi whose counts add up to the totals of v,
 * scaled by n / v->entries. */
static void plan_matter(struct rng *r, struct plan *p, const struct catalog *cat, size_t mi,
			const struct volume *v, size_t n, const int64_t *days, size_t ndays)
{
	const struct catalog_matter *m = &cat->matters[mi];
	size_t cap = n ? n : 1;
	int64_t *h = xmalloc(cap * sizeof *h), *pe = xmalloc(cap * sizeof *pe);
	int64_t *q = xmalloc(cap * sizeof *q);
	double share = v->entries ? (double)n / v->entries : 0;
	spread(r, h, n, v->households ? (int64_t)(v->households * share + 0.5) : (int64_t)n,
	       v->min_households, v->max_households);
	spread(r, pe, n, v->persons ? (int64_t)(v->persons * share + 0.5) : (int64_t)n,
	       v->min_persons, v->max_persons);
	spread(r, q, n, v->quantity ? (int64_t)(v->quantity * share + 0.5) : (int64_t)n,
	       v->min_quantity, v->max_quantity);
	for (size_t i = 0; i < n; i++) {
		struct planned *row = plan_add(p);
		row->day = days[rng_below(r, (uint32_t)ndays)];
		row->minute = pick_minute(r);
		row->matter = mi;
		if (unit_wants_households(m->unit))
			row->households = h[i];
		if (unit_wants_persons(m->unit))
			row->persons = pe[i];
		if (unit_wants_quantity(m->unit))
			row->quantity = q[i];
		row->category = pick_category(r, m);
	}
	free(h);
	free(pe);
	free(q);
}

/* A voided entry: a mistake of the day, like the live entries of its
 * matter but outside every total. */
static void plan_voided(struct rng *r, struct plan *p, const struct catalog *cat,
			const struct volume *v, size_t mi, const int64_t *days, size_t ndays)
{
	const struct catalog_matter *m = &cat->matters[mi];
	struct planned *row = plan_add(p);
	row->day = days[rng_below(r, (uint32_t)ndays)];
	row->minute = pick_minute(r);
	row->matter = mi;
	if (unit_wants_households(m->unit))
		row->households = rng_range(r, v->min_households, v->max_households);
	if (unit_wants_persons(m->unit))
		row->persons = rng_range(r, v->min_persons, v->max_persons);
	if (unit_wants_quantity(m->unit))
		row->quantity = rng_range(r, v->min_quantity, v->max_quantity);
	row->category = pick_category(r, m);
	row->voided = true;
}

/* Frequent surnames first: rng_front() makes 王 李 张 刘 the most common,
 * as in Hebei. */
static const char *const surnames[] = {
	"王", "李", "张", "刘", "赵", "杨", "陈", "高", "郭", "马", "孙", "吴", "周", "徐",
	"黄", "朱", "胡", "韩", "田", "董", "贾", "冯", "许", "曹", "崔", "郝", "宋", "魏",
	"邢", "白", "史", "霍", "安", "石", "程", "孟", "于", "谷", "范", "苏", "侯", "梁",
	"尹", "薛", "贺", "常", "路", "武", "牛", "乔", "任", "齐", "袁", "闫", "康", "耿",
	"秦", "段", "卢", "阎", "司马", "欧阳",
};
static const char *const male_chars[] = {
	"建", "国", "军", "伟", "强", "磊", "勇", "涛", "明", "超", "刚", "平", "辉", "鹏",
	"华", "飞", "鑫", "波", "斌", "宇", "浩", "凯", "健", "俊", "帅", "旭", "宁", "龙",
	"林", "阳", "志", "永", "立", "海", "文", "金", "振", "春", "新", "峰", "亮", "东",
	"堃", "喆", "昇",
};
static const char *const female_chars[] = {
	"丽", "芳", "娜", "敏", "静", "秀", "娟", "英", "华", "慧", "巧", "美", "霞", "红",
	"玲", "桂", "兰", "萍", "燕", "艳", "雪", "琳", "晶", "妍", "茹", "颖", "洁", "佳",
	"欣", "悦", "梦", "思", "雨", "涵", "月", "凤", "翠", "荣", "玥", "珺",
};
/* 䶮 (U+4DAE, CJK Extension A) is a real given-name character missing from
 * many fonts and older tables: names must survive it end to end. */
static const char rare_char[] = "䶮";

/* GB/T 2260: 行唐县, and neighbouring counties people marry in from. */
static const char *const neighbour_regions[] = {
	"130123", "130126", "130127", "130129", "130130", "130131", "130183", "130184",
};

static const char *const brands[] = {
	"鑫源", "福顺", "永兴", "红旗", "金穗", "兴旺", "惠民", "富民", "顺发", "宏达",
	"德润", "聚源", "丰收", "康泰", "瑞丰", "万家", "利民", "恒通", "嘉和", "隆盛",
	"老宋", "小王", "二姐", "大刚", "华峰", "建军", "玉兰", "春生", "满仓", "金凤",
};
static const char *const shop_kinds[] = {
	"商店", "面馆", "五金店", "养殖场", "农资店", "超市", "小吃部", "理发店", "服装店",
	"建材部", "修理部", "饭店", "百货店", "粮油店", "蔬菜店", "烟酒店", "早点铺", "肉铺",
	"电动车行", "家电维修部", "香油坊", "兔子养殖场", "肉牛养殖场", "农机修理部",
};
static const char *const company_kinds[] = {
	"商贸有限公司", "农业科技有限公司", "建筑工程有限公司", "物流有限公司",
	"食品有限公司", "光伏科技有限公司", "农产品有限公司",
};
static const char *const coop_kinds[] = {
	"种植专业合作社", "养殖专业合作社", "农机专业合作社", "林果种植专业合作社",
};
static const char *const notes[] = {
	"材料齐全", "代办", "网上预约", "电话预约", "村代办员送件", "补交材料后办结", "老人行动不便，家属代办",
};
static const char *const void_reasons[] = {
	"录入错误", "重复录入", "事项选错", "申请人撤回申请", "村名选错", "户数人数录错",
};

struct person {
	char name[32];
	char id[19];
};

static void make_person(struct rng *r, int64_t on_day, int min_age, int max_age,
			struct person *out)
{
	bool male = rng_below(r, 2);
	const char *given1 = male ? PICK(r, male_chars) : PICK(r, female_chars);
	const char *given2 = "";
	if (rng_below(r, 5) > 0) /* most given names have two characters */
		given2 = male ? PICK(r, male_chars) : PICK(r, female_chars);
	if (rng_below(r, 150) == 0)
		given1 = rare_char;
	snprintf(out->name, sizeof out->name, "%s%s%s",
		 surnames[rng_front(r, sizeof surnames / sizeof *surnames)], given1, given2);

	int age = rng_range(r, min_age, max_age);
	int64_t birth = on_day - (int64_t)(age * 365.2425) - rng_below(r, 365);
	char date[DATE_LEN];
	period_from_day_number(birth, date);
	const char *region = rng_below(r, 30) ? "130125" : PICK(r, neighbour_regions);
	/* The sequence's last digit is odd for men, even for women. */
	unsigned seq = rng_below(r, 500) * 2 + (male ? 1 : 0);
	char first17[18];
	snprintf(first17, sizeof first17, "%.6s%.4s%.2s%.2s%03u", region, date, date + 5,
		 date + 8, seq % 1000);
	memcpy(out->id, first17, 17);
	out->id[17] = idcheck_resident_check_char(first17);
	out->id[18] = '\0';
}

/* A market entity of 行唐县 and its 统一社会信用代码: 9 (市场监管),
 * 2 个体工商户 / 1 企业 / 3 农民专业合作社, region 130125. */
static void make_entity(struct rng *r, const struct person *owner, char name[96], char code[19])
{
	static const char alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
	uint32_t kind = rng_below(r, 100);
	char type;
	const char *brand = rng_below(r, 4) ? PICK(r, brands) : owner->name;
	if (kind < 80) {
		type = '2';
		snprintf(name, 96, "行唐县上碑镇%s%s", brand, PICK(r, shop_kinds));
	} else if (kind < 92) {
		type = '1';
		snprintf(name, 96, "行唐县%s%s", brand, PICK(r, company_kinds));
	} else {
		type = '3';
		snprintf(name, 96, "行唐县上碑镇%s%s", brand, PICK(r, coop_kinds));
	}
	snprintf(code, 19, "9%c130125MA", type);
	for (int i = 10; i < 17; i++)
		code[i] = alphabet[rng_below(r, 31)];
	code[17] = '\0';
	code[17] = idcheck_credit_check_char(code);
	code[18] = '\0';
}

/* How many live entries each matter gets this year (0 for inactive ones). */
static size_t *yearly_counts(const struct catalog *cat, int64_t per_year, double fraction,
			     size_t *voids)
{
	size_t *counts = xcalloc(cat->nmatters, sizeof *counts);
	int64_t base = 0;
	for (size_t i = 0; i < cat->nmatters; i++)
		if (cat->matters[i].active)
			base += volume_of(cat, &cat->matters[i])->entries;
	if (base == 0) {
		*voids = 0;
		return counts;
	}
	if (per_year <= 0) {
		size_t live = 0;
		for (size_t i = 0; i < cat->nmatters; i++) {
			if (!cat->matters[i].active)
				continue;
			counts[i] = (size_t)(volume_of(cat, &cat->matters[i])->entries * fraction + 0.5);
			live += counts[i];
		}
		*voids = (live * VOID_PER_MILLE + 500) / 1000;
		return counts;
	}
	/* Exactly the asked total: largest remainders decide the last few. */
	int64_t total = (int64_t)(per_year * fraction + 0.5);
	int64_t void_n = (total * VOID_PER_MILLE + 500) / 1000, live = total - void_n;
	int64_t *rem = xcalloc(cat->nmatters, sizeof *rem);
	int64_t given = 0;
	for (size_t i = 0; i < cat->nmatters; i++) {
		if (!cat->matters[i].active) {
			rem[i] = -1;
			continue;
		}
		int64_t share = volume_of(cat, &cat->matters[i])->entries * live;
		counts[i] = (size_t)(share / base);
		rem[i] = share % base;
		given += (int64_t)counts[i];
	}
	for (; given < live; given++) {
		size_t best = 0;
		for (size_t i = 1; i < cat->nmatters; i++)
			if (rem[i] > rem[best])
				best = i;
		counts[best]++;
		rem[best] = -1;
	}
	free(rem);
	*voids = (size_t)void_n;
	return counts;
}

static struct plan plan_year(struct rng *r, const struct catalog *cat, int64_t per_year,
			     const int64_t *days, size_t ndays, size_t full_year)
{
	struct plan p = { 0 };
	size_t voids;
	size_t *counts = yearly_counts(cat, per_year, (double)ndays / full_year, &voids);
	for (size_t i = 0; i < cat->nmatters; i++)
		if (counts[i])
			plan_matter(r, &p, cat, i, volume_of(cat, &cat->matters[i]), counts[i], days,
				    ndays);
	size_t live = p.n;
	for (size_t k = 0; k < voids && live > 0; k++) {
		/* Mistakes happen where the work is: a matter in proportion. */
		size_t mi = p.rows[rng_below(r, (uint32_t)live)].matter;
		plan_voided(r, &p, cat, volume_of(cat, &cat->matters[mi]), mi, days, ndays);
	}
	free(counts);
	qsort(p.rows, p.n, sizeof *p.rows, planned_cmp);
	return p;
}

/* Who comes to a matter: nobody in particular for a consultation, a market
 * entity at 市场准入, a person elsewhere. */
static bool is_consultation(const struct catalog_matter *m)
{
	return strstr(m->name, "咨询") != NULL;
}

static bool insert_planned(struct db *db, const struct catalog *cat, struct rng *r,
			   const struct planned *row, int64_t today, const char *login, char **err)
{
	const struct catalog_matter *m = &cat->matters[row->matter];
	const struct catalog_window *w = &cat->windows[m->window];
	const struct volume *v = volume_of(cat, m);
	char date[DATE_LEN], time[6];
	period_from_day_number(row->day, date);
	unsigned minute = (unsigned)row->minute;
	snprintf(time, sizeof time, "%02u:%02u", minute / 60 % 24, minute % 60);

	struct person person;
	char entity[96], code[19];
	make_person(r, row->day, v->min_age, v->max_age, &person);
	struct entry_draft d = { 0 };
	d.window = w->code;
	d.matter = m->code;
	d.date = date;
	d.time = time;
	if (strcmp(w->code, "sczr") == 0) {
		make_entity(r, &person, entity, code);
		d.applicant = entity;
		d.id_number = code;
	} else if (!is_consultation(m) || m->requires_id) {
		d.applicant = person.name;
		d.id_number = person.id;
	}
	if (cat->nvillages > 0 && (!is_consultation(m) || rng_below(r, 2))) {
		const struct catalog_village *vil = &cat->villages[rng_below(r, (uint32_t)cat->nvillages)];
		if (vil->active)
			d.village = vil->code;
	}
	if (row->category >= 0)
		d.category = m->categories[row->category];
	d.households = row->households;
	d.persons = row->persons;
	d.quantity = row->quantity;
	if (m->time_limit_days > 0 && today - row->day > m->time_limit_days)
		d.status = rng_below(r, 20) ? "办结" : "退回";
	if (rng_below(r, 12) == 0)
		d.note = PICK(r, notes);
	if (row->voided)
		d.void_reason = PICK(r, void_reasons);

	char *why = NULL;
	if (!ledger_insert(db, cat, &d, login, NULL, &why)) {
		fail(err, "演示数据 %s %s %s 未能写入：%s", date, w->name, m->name,
		     why ? why : "原因不明");
		free(why);
		return false;
	}
	return true;
}

static bool commit_chunk(struct db *db, int year, size_t from, size_t to, const char *login,
			 char **err)
{
	char *detail = xasprintf("演示数据 %d年 第%zu-%zu条", year, from + 1, to);
	bool good = db_audit(db, login, "demo", 0, detail, err);
	free(detail);
	return db_end_write(db, good, err);
}

static bool fill_year(struct db *db, const struct catalog *cat, int year, int64_t per_year,
		      uint32_t seed, int64_t today, const char *login, char **err)
{
	size_t ndays, full_year;
	int64_t *days = working_days(year, today, &ndays, &full_year);
	if (ndays == 0) {
		free(days);
		return true;
	}
	/* Each year its own stream, so a year looks the same alone or among
	 * others. */
	struct rng plan_rng = { ((uint64_t)seed << 32) ^ (uint64_t)year };
	struct rng people_rng = { rng_next(&plan_rng) ^ 0xA5A5A5A5A5A5A5A5u };
	struct plan p = plan_year(&plan_rng, cat, per_year, days, ndays, full_year);
	free(days);

	bool good = true;
	size_t chunk_start = 0;
	for (size_t k = 0; good && k < p.n; k++) {
		if (k == chunk_start && !(good = db_begin_write(db, err)))
			break;
		good = insert_planned(db, cat, &people_rng, &p.rows[k], today, login, err);
		if (!good)
			db_end_write(db, false, err);
		else if (k + 1 == p.n || k + 1 - chunk_start == ROWS_PER_COMMIT) {
			good = commit_chunk(db, year, chunk_start, k + 1, login, err);
			chunk_start = k + 1;
		}
	}
	free(p.rows);
	return good;
}

bool demo_fill(struct db *db, const struct catalog *cat, int first_year, int last_year,
	       int64_t entries_per_year, uint32_t seed, const char *login, char **err)
{
	char today[DATE_LEN];
	period_today(today);
	int this_year = period_year_of(today);
	if (first_year < 1900 || first_year > last_year)
		return fail(err, "演示数据的年份范围 %d-%d 无效", first_year, last_year);
	if (last_year > this_year)
		return fail(err, "演示数据不能晚于今年（%d年）", this_year);
	/* Refuse before writing anything: years are committed one by one. */
	for (int year = first_year; year <= last_year; year++)
		if (ledger_year_locked(db, year))
			return fail(err, "%d 年度已锁定，不能生成演示数据", year);
	if (!login || !*login)
		login = current_login();
	for (int year = first_year; year <= last_year; year++)
		if (!fill_year(db, cat, year, entries_per_year, seed, period_day_number(today),
			       login, err))
			return false;
	return true;
}
