/* Who may record where: a clerk at the windows the administrator gave
 * them ("" is every window), supervisors and admins anywhere. */
#include <stdlib.h>
#include <string.h>

#include "clerk.h"
#include "ledger.h"
#include "ledger_int.h"
#include "util.h"

bool ledger_list_has_code(const char *list, const char *code)
{
	size_t n = strlen(code);
	for (const char *p = list; *p;) {
		size_t len = strcspn(p, ",");
		if (len == n && strncmp(p, code, n) == 0)
			return true;
		p += len + (p[len] == ',');
	}
	return false;
}

/* "sczr,wsjk" as the clerk reads it: "市场准入、卫生健康". */
static char *window_names(const struct catalog *cat, const char *codes)
{
	struct strbuf names = {0};
	strbuf_add(&names, "");
	for (const char *p = codes; *p;) {
		size_t len = strcspn(p, ",");
		char *code = xstrndup(p, len);
		const struct catalog_window *w = catalog_window(cat, code);
		if (names.len)
			strbuf_add(&names, "、");
		strbuf_add(&names, w ? w->name : code);
		free(code);
		p += len + (p[len] == ',');
	}
	return names.s;
}

/* A clerk records only at the windows the administrator gave them ("" is
 * every window); supervisors and admins anywhere. */
bool ledger_may_record(struct db *db, const struct catalog *cat, const char *window,
		       const char *login, char **err)
{
	struct clerk c;
	if (!clerk_get(db, login, &c, err))
		return false;
	const struct catalog_window *w = catalog_window(cat, window ? window : "");
	bool ok = true;
	if (w && clerk_kept(&c)) {
		ok = ledger_list_has_code(c.windows, w->code);
		if (!ok) {
			char *names = window_names(cat, c.windows);
			fail(err, "%s只负责%s窗口，不能在%s窗口录入；如需调整请找管理员", c.name, names,
			     w->name);
			free(names);
		}
	}
	clerk_clear(&c);
	return ok;
}
