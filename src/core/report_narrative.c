/* The report as the paragraph of the annual report (政务公开年度报告):
 * "市场准入窗口共办理设立业务234项，变更业务43项，……合计410项业务；卫生健康
 * 窗口办理……".  The wording of each matter is data, below; a matter the
 * table does not know (an administrator's new one) reads "办理{名称}{数}". */
#include "report.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

/* `{n}` stands for the figure in the matter's unit ("143户433人"). */
struct window_phrase {
	const char *window; /* window code */
	const char *lead;   /* said once after "X窗口", before the first matter */
	const char *total;  /* the window total, for a window with one unit */
};

struct matter_phrase {
	const char *window, *matter; /* codes */
	const char *name;  /* the name the wording was written for */
	const char *first; /* after a "，" or first in the window */
	const char *after; /* right after another matter of the window, if it differs */
};

static const struct window_phrase window_phrases[] = {
	{"sczr", "共办理", "合计{n}业务"},
};

static const struct matter_phrase matter_phrases[] = {
	{"sczr", "sl", "设立业务", "设立业务{n}", NULL},
	{"sczr", "bg", "变更业务", "变更业务{n}", NULL},
	{"sczr", "zx", "注销业务", "注销业务{n}", NULL},
	{"sczr", "bz", "增补执照业务", "增补执照业务{n}", NULL},
	{"wsjk", "yt", "第一个子女生育登记", "办理第一个子女生育登记卡{n}", NULL},
	{"wsjk", "et", "第二个子女生育登记", "办理第二个子女生育登记卡{n}",
	 "、第二个子女生育登记卡{n}"},
	{"wsjk", "gk", "大学生高考加分", "受理大学生高考加分{n}", NULL},
	{"wsjk", "ds", "独生子女证", "办理独生子女证{n}", NULL},
	{"wsjk", "sd", "失独老人补贴领取", "办理失独老人补贴领取{n}", NULL},
	{"wsjk", "xnh", "独生子女和双女户新农合补贴", "办理独生子女和双女户新农合补贴{n}", NULL},
	{"wsjk", "wszx", "卫生法律法规宣传咨询", "卫生法律法规宣传、咨询服务{n}", NULL},
	{"wsjk", "syzx", "生育政策咨询", "生育政策咨询服务{n}", NULL},
	{"msbz", "lr", "困难老人补贴", "办理困难老人补贴{n}", NULL},
	{"msbz", "db", "最低生活保障申请初审", "最低生活保障申请初审{n}", NULL},
	{"msbz", "tk", "特困人员申请终止审核", "特困人员申请、终止审核{n}", NULL},
	{"msbz", "cjr", "困难残疾人申请初核", "困难残疾人申请初核受理{n}", NULL},
	{"msbz", "gybt", "公益性岗位补贴申请", "公益性岗位补贴申请受理{n}", NULL},
	{"msbz", "gyfw", "公益性岗位管理和服务", "公益性岗位管理和服务{n}", NULL},
	{"msbz", "cjz", "残疾证办理", "办理残疾证{n}", NULL},
	{"sjfw", "ydz", "退役军人优待证", "办理退役军人优待证发放、审验、更换{n}", NULL},
	{"sjfw", "zx", "政策咨询", "服务政策咨询{n}", NULL},
	{"cxjs", "jf", "农村建房申请受理", "受理农村建房申请{n}", NULL},
	{"cxjs", "zx", "城乡建设政策咨询", "提供城乡建设政策咨询服务{n}", NULL},
};

/* Writes the template with {name} and {n} filled in. */
static void put_template(struct strbuf *b, const char *tmpl, const char *name, const char *figure)
{
	while (*tmpl) {
		const char *fill = NULL;
		size_t skip = 0;
		if (strncmp(tmpl, "{n}", 3) == 0)
			fill = figure, skip = 3;
		else if (strncmp(tmpl, "{name}", 6) == 0)
			fill = name, skip = 6;
		if (fill) {
			strbuf_add(b, fill);
			tmpl += skip;
			continue;
		}
		const char *next = strchr(tmpl + 1, '{');
		size_t n = next ? (size_t)(next - tmpl) : strlen(tmpl);
		strbuf_addn(b, tmpl, n);
		tmpl += n;
	}
}

static const struct window_phrase *window_phrase(const struct catalog_window *w)
{
	for (size_t i = 0; i < sizeof window_phrases / sizeof window_phrases[0]; i++)
		if (strcmp(window_phrases[i].window, w->code) == 0)
			return &window_phrases[i];
	return NULL;
}

/* A renamed matter keeps its code but no longer fits the old wording. */
static const struct matter_phrase *matter_phrase(const struct catalog_window *w,
						 const struct catalog_matter *m)
{
	for (size_t i = 0; i < sizeof matter_phrases / sizeof matter_phrases[0]; i++) {
		const struct matter_phrase *p = &matter_phrases[i];
		if (strcmp(p->window, w->code) == 0 && strcmp(p->matter, m->code) == 0 &&
		    strcmp(p->name, m->name) == 0)
			return p;
	}
	return NULL;
}

/* The first phrase after "X窗口" needs a verb of its own. */
static bool starts_with_verb(const char *phrase)
{
	static const char *const verbs[] = {"办理", "受理", "服务", "提供"};
	for (size_t i = 0; i < sizeof verbs / sizeof *verbs; i++)
		if (strncmp(phrase, verbs[i], strlen(verbs[i])) == 0)
			return true;
	return false;
}

/* The rows of one window the narrative says, in the report's order. */
static void put_window(struct strbuf *b, const struct report_window *rw)
{
	const struct catalog_window *w = rw->window;
	const struct window_phrase *wp = window_phrase(w);
	char figure[64];
	size_t written = 0;

	strbuf_add(b, w->name);
	size_t nlen = strlen(w->name), suffix = strlen("窗口");
	if (nlen < suffix || strcmp(w->name + nlen - suffix, "窗口") != 0)
		strbuf_add(b, "窗口");
	if (wp)
		strbuf_add(b, wp->lead);
	for (size_t i = 0; i < rw->nrows; i++) {
		const struct report_row *row = &rw->rows[i];
		if (!row->said)
			continue;
		tally_format(figure, sizeof figure, row->unit, row->cur);
		if (row->kind == REPORT_ROW_TOTAL) {
			strbuf_add(b, "，");
			put_template(b, wp && wp->total ? wp->total : "合计{n}", "", figure);
			continue;
		}
		const struct matter_phrase *mp = matter_phrase(w, row->matter);
		if (mp && written && mp->after) {
			put_template(b, mp->after, row->name, figure);
		} else {
			if (written)
				strbuf_add(b, "，");
			else if (!wp && mp && !starts_with_verb(mp->first))
				strbuf_add(b, "办理");
			if (mp)
				put_template(b, mp->first, row->name, figure);
			else
				put_template(b, wp ? "{name}{n}" : "办理{name}{n}", row->name, figure);
		}
		written++;
	}
}

char *report_narrative(const struct report *r)
{
	struct strbuf b = {0};
	strbuf_add(&b, "");
	bool any = false;
	for (size_t w = 0; w < r->nwindows; w++) {
		if (!r->windows[w].nsaid)
			continue;
		if (any)
			strbuf_add(&b, "；");
		put_window(&b, &r->windows[w]);
		any = true;
	}
	if (any)
		strbuf_add(&b, "。");
	char *service = report_service_sentence(r);
	if (service)
		strbuf_add(&b, service);
	free(service);
	return b.s;
}
