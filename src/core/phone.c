/* Phone numbers: one stored form, and the masked form lists show. */
#include "phone.h"

#include <stdio.h>
#include <string.h>

#include "util.h"

/* The digits and the separators a clerk may type, full-width forms (an
 * input method left in full-width mode) folded to ASCII.  Returns the
 * number of bytes consumed and sets *c, or 0 at the end. */
static size_t next_char(const char *s, char *c)
{
	unsigned char b = (unsigned char)s[0];
	if (!b)
		return 0;
	/* U+FF10..U+FF19 (０-９) are EF BC 90..99; U+FF0D (－) is EF BC 8D;
	 * U+FF0B (＋) EF BC 8B; U+3000 (ideographic space) E3 80 80. */
	if (b == 0xEF && (unsigned char)s[1] == 0xBC) {
		unsigned char t = (unsigned char)s[2];
		if (t >= 0x90 && t <= 0x99) {
			*c = (char)('0' + (t - 0x90));
			return 3;
		}
		if (t == 0x8D || t == 0x8B) {
			*c = t == 0x8D ? '-' : '+';
			return 3;
		}
	}
	if (b == 0xE3 && (unsigned char)s[1] == 0x80 && (unsigned char)s[2] == 0x80) {
		*c = ' ';
		return 3;
	}
	*c = (char)b;
	return 1;
}

bool phone_normalize(const char *typed, char out[PHONE_LEN], char **err)
{
	char digits[PHONE_LEN];
	size_t nd = 0, area_len = 0; /* digits before the first separator */
	bool sep_seen = false, plus = false;
	char c;
	for (const char *p = typed; *p;) {
		size_t n = next_char(p, &c);
		p += n;
		if (c >= '0' && c <= '9') {
			if (nd + 1 >= sizeof digits)
				return fail(err, "联系电话“%s”过长：手机号 11 位，固定电话为区号加 7 或 8 位",
					    typed);
			digits[nd++] = c;
		} else if (c == ' ' || c == '-') {
			if (nd > 0 && !sep_seen) {
				sep_seen = true;
				area_len = nd;
			}
		} else if (c == '+' && nd == 0 && !plus) {
			plus = true;
		} else {
			return fail(err, "联系电话“%s”含有数字以外的字符", typed);
		}
	}
	digits[nd] = '\0';
	const char *d = digits;
	if (plus) {
		/* +86 138...: the country code of a mobile number. */
		if (strncmp(d, "86", 2) != 0 || nd != 13)
			return fail(err, "联系电话“%s”无效：只接受 +86 开头的手机号", typed);
		d += 2;
		nd -= 2;
		area_len = 0;
	}
	if (nd == 0)
		return fail(err, "联系电话为空");
	if (d[0] == '1') {
		if (nd != 11)
			return fail(err, "联系电话“%s”无效：手机号应为 11 位（实为 %zu 位）", typed, nd);
		if (d[1] < '3')
			return fail(err, "联系电话“%s”无效：手机号第二位应为 3 到 9", typed);
		snprintf(out, PHONE_LEN, "%s", d);
		return true;
	}
	if (d[0] != '0')
		return fail(err, "联系电话“%s”无效：应为 11 位手机号，或带区号（0 开头）的固定电话",
			    typed);
	/* The area code: 3 digits (010, 020-029) or 4.  Typed with a
	 * separator, the clerk said where it ends; typed whole, 01x and 02x
	 * are 3 digits, the rest 4. */
	size_t area = area_len ? area_len : (d[1] == '1' || d[1] == '2') ? 3 : 4;
	if (area < 3 || area > 4)
		return fail(err, "联系电话“%s”无效：区号应为 3 或 4 位（如 010、0371）", typed);
	size_t local = nd - area;
	if (local < 7 || local > 8)
		return fail(err, "联系电话“%s”无效：区号后应为 7 或 8 位号码", typed);
	if (d[area] == '0' || d[area] == '1')
		return fail(err, "联系电话“%s”无效：区号后的号码不以 0 或 1 开头", typed);
	snprintf(out, PHONE_LEN, "%.*s-%s", (int)area, d, d + area);
	return true;
}

char *phone_mask(char *out, size_t outsz, const char *phone)
{
	size_t n = strlen(phone);
	if (outsz == 0)
		return out;
	if (n == 0) {
		out[0] = '\0';
		return out;
	}
	const char *dash = strchr(phone, '-');
	if (n == 11 && phone[0] == '1' && !dash) {
		snprintf(out, outsz, "%.3s****%s", phone, phone + 7);
		return out;
	}
	size_t keep_head = dash ? (size_t)(dash - phone) + 1 : 0;
	size_t keep_tail = n > keep_head + 4 ? 4 : 0;
	size_t masked = n - keep_head - keep_tail;
	size_t w = 0;
	for (size_t i = 0; i < keep_head && w + 1 < outsz; i++)
		out[w++] = phone[i];
	for (size_t i = 0; i < masked && w + 1 < outsz; i++)
		out[w++] = '*';
	for (size_t i = n - keep_tail; i < n && w + 1 < outsz; i++)
		out[w++] = phone[i];
	out[w] = '\0';
	return out;
}
