/* core/pinyin: initials from the generated Unihan table. */
#include "pinyin.h"
#include "tap.h"

#include <locale.h>

int main(void)
{
	setlocale(LC_ALL, "");
	char out[64];
	is_str(pinyin_initials(out, sizeof out, "张记面馆"), "zjmg", "张记面馆 is zjmg");
	is_str(pinyin_initials(out, sizeof out, "行唐县上碑镇"), "xtxsbz",
	       "行 takes its first reading, xíng");
	is_str(pinyin_initials(out, sizeof out, "阿吕"), "al", "a tone-marked initial vowel: ā, lǚ");
	is_str(pinyin_initials(out, sizeof out, "王䶮𠀀"), "wyh",
	       "CJK extension A and B: 䶮 yǎn, 𠀀 hē");
	is_str(pinyin_initials(out, sizeof out, "ABC超市2店"), "abccs2d",
	       "ASCII letters lower case, digits kept");
	is_str(pinyin_initials(out, sizeof out, "刘家庄（养殖场）·"), "ljzyzc",
	       "punctuation gives nothing");
	is_str(pinyin_initials(out, sizeof out, ""), "", "empty");
	is_str(pinyin_initials(out, sizeof out, NULL), "", "NULL");
	is_str(pinyin_initials(out, 3, "张记面馆"), "zj", "cut to the buffer");
	is_str(pinyin_initials(out, sizeof out, "张\xff记"), "zj", "a broken byte is skipped");
	is_int(pinyin_initial(0x4E00), 'y', "U+4E00 一 is y");
	is_int(pinyin_initial(0x9FA5), 'y', "U+9FA5 龥 is y");
	is_int(pinyin_initial('A'), 0, "ASCII has no reading");
	is_int(pinyin_initial(0x3000), 0, "nor the ideographic space");
	is_int(pinyin_initial(0x10FFFF), 0, "nor the last code point");
	return tap_done();
}
