#include "entry_field.h"

#include <stdarg.h>
#include <stdlib.h>

static const char *const names[FIELD_COUNT] = {
	[FIELD_NONE] = "",           [FIELD_WINDOW] = "窗口",     [FIELD_MATTER] = "事项",
	[FIELD_DATE] = "日期",       [FIELD_TIME] = "时间",       [FIELD_SERIAL] = "编号",
	[FIELD_APPLICANT] = "申请人", [FIELD_ID_NUMBER] = "证件号码", [FIELD_VILLAGE] = "村",
	[FIELD_HOUSEHOLDS] = "户数", [FIELD_PERSONS] = "人数",   [FIELD_QUANTITY] = "数量",
	[FIELD_CATEGORY] = "分类",   [FIELD_STATUS] = "状态",     [FIELD_CLERK] = "经办人",
	[FIELD_NOTE] = "备注",       [FIELD_PHONE] = "电话",     [FIELD_REASON] = "原因",
};

const char *entry_field_name(enum entry_field f)
{
	return (unsigned)f < FIELD_COUNT ? names[f] : "";
}

bool entry_field_fail(enum entry_field *field, enum entry_field f, char **err,
		      const char *fmt, ...)
{
	if (err && *err)
		return false;
	entry_field_mark(field, f);
	if (err) {
		va_list ap;
		va_start(ap, fmt);
		*err = xvasprintf(fmt, ap);
		va_end(ap);
	}
	return false;
}

bool entry_field_mark(enum entry_field *field, enum entry_field f)
{
	if (field && *field == FIELD_NONE)
		*field = f;
	return false;
}
