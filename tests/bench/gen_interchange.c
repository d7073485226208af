/* Writes a realistic interchange CSV of N rows for one year to standard
 * output, as `bianmin export` would: BOM, quoted cells, CRLF, serials per
 * window, every matter of the default catalog, villages, Chinese names,
 * valid 身份证 and 统一社会信用代码, a few voided rows.  Deterministic: the
 * same N gives the same file.
 *
 *   gen_interchange N [YEAR] > file.csv */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvrow.h"

static uint64_t rng = 0x9E3779B97F4A7C15u;

static unsigned pick(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

struct matter {
	const char *window, *window_code, *name, *unit, *categories[4];
	unsigned weight;
};

/* The default catalog (data/catalog.csv), weighted roughly as a township
 * center's year looks: consultations and licences dominate. */
static const struct matter matters[] = {
	{"市场准入", "SCZR", "设立业务", "项", {0}, 60},
	{"市场准入", "SCZR", "变更业务", "项", {0}, 20},
	{"市场准入", "SCZR", "注销业务", "项", {0}, 25},
	{"市场准入", "SCZR", "增补执照业务", "项", {0}, 5},
	{"卫生健康", "WSJK", "第一个子女生育登记", "人", {0}, 20},
	{"卫生健康", "WSJK", "第二个子女生育登记", "个", {0}, 15},
	{"卫生健康", "WSJK", "大学生高考加分", "人", {0}, 5},
	{"卫生健康", "WSJK", "独生子女证", "个", {0}, 10},
	{"卫生健康", "WSJK", "失独老人补贴领取", "户+人", {0}, 3},
	{"卫生健康", "WSJK", "独生子女和双女户新农合补贴", "户+人", {0}, 30},
	{"卫生健康", "WSJK", "卫生法律法规宣传咨询", "人次", {0}, 40},
	{"卫生健康", "WSJK", "生育政策咨询", "人次", {0}, 40},
	{"民生保障", "MSBZ", "困难老人补贴", "户", {0}, 20},
	{"民生保障", "MSBZ", "最低生活保障申请初审", "户", {0}, 15},
	{"民生保障", "MSBZ", "特困人员申请终止审核", "人次", {"申请", "终止"}, 8},
	{"民生保障", "MSBZ", "困难残疾人申请初核", "人", {0}, 10},
	{"民生保障", "MSBZ", "公益性岗位补贴申请", "人", {0}, 8},
	{"民生保障", "MSBZ", "公益性岗位管理和服务", "人次", {0}, 25},
	{"民生保障", "MSBZ", "残疾证办理", "人次", {0}, 15},
	{"涉军", "SJFW", "退役军人优待证", "个", {"发放", "审验", "更换"}, 30},
	{"涉军", "SJFW", "政策咨询", "人次", {0}, 20},
	{"城乡建设", "CXJS", "农村建房申请受理", "项", {0}, 15},
	{"城乡建设", "CXJS", "城乡建设政策咨询", "人次", {0}, 20},
};
#define NMATTERS (sizeof matters / sizeof *matters)

static const char *const windows[] = {"SCZR", "WSJK", "MSBZ", "SJFW", "CXJS"};
static const char *const villages[] = {"杨村", "北埌坝村", "东南街", "刘家庄", ""};
static const char *const surnames[] = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周",
				       "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭",
				       "马", "罗", "欧阳", "司马"};
static const char *const given[] = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军",
				    "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英",
				    "霞", "平", "刚", "桂英", "䶮", "𠀀"};
static const char *const shops[] = {"便民超市", "农资经营部", "五金店", "餐馆", "理发店",
				    "建材商行", "养殖专业合作社", "电动车维修部"};
static const char *const clerks[] = {"wangli", "zhangmin", "liuyang", "chenjing", "zhaolei"};
static const char *const notes[] = {"", "", "", "", "", "补交材料", "电话预约",
				    "代办, 已核对原件", "申请人称\"急需\"", "-1 份复印件"};
/* Real county-level address codes (GB/T 2260). */
static const char *const regions[] = {"330106", "330302", "410102", "130125", "420106",
				      "510104", "440305", "320102"};

static void resident_id(char out[19])
{
	static const int weight[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
	static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	unsigned month = pick(12) + 1;
	char first17[48];
	snprintf(first17, sizeof first17, "%s%04u%02u%02u%03u", regions[pick(8)], 1940 + pick(65),
		 month, pick((unsigned)mdays[month - 1]) + 1, pick(1000));
	memcpy(out, first17, 17);
	int sum = 0;
	for (int i = 0; i < 17; i++)
		sum += (out[i] - '0') * weight[i];
	out[17] = "10X98765432"[sum % 11];
	out[18] = '\0';
}

static void credit_code(char out[19])
{
	static const char set[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
	static const int weight[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10,
				       30, 28};
	snprintf(out, 19, "92%s", regions[pick(8)]); /* 92: 个体工商户 */
	for (int i = 8; i < 17; i++)
		out[i] = set[pick(31)];
	int sum = 0;
	for (int i = 0; i < 17; i++)
		sum += (int)(strchr(set, out[i]) - set) * weight[i];
	out[17] = set[(31 - sum % 31) % 31];
	out[18] = '\0';
}

static const struct matter *pick_matter(void)
{
	static unsigned total;
	if (!total)
		for (size_t i = 0; i < NMATTERS; i++)
			total += matters[i].weight;
	unsigned r = pick(total);
	for (size_t i = 0; i < NMATTERS; i++) {
		if (r < matters[i].weight)
			return &matters[i];
		r -= matters[i].weight;
	}
	return &matters[0];
}

static void day_of_year(int year, long day, char out[32])
{
	static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
	int m = 0;
	while (day >= mdays[m] + (m == 1 ? leap : 0)) {
		day -= mdays[m] + (m == 1 ? leap : 0);
		m++;
	}
	snprintf(out, 32, "%04d-%02d-%02ld", year, m + 1, day + 1);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: gen_interchange N [YEAR]\n");
		return 2;
	}
	long n = atol(argv[1]);
	int year = argc > 2 ? atoi(argv[2]) : 2021;
	long serial[5] = {0};
	struct csvrow_writer *w = csvrow_writer_create(stdout, true);
	static const char *const header[] = {"编号", "日期", "时间", "窗口", "事项", "分类",
					      "申请人", "证件号码", "村", "户数", "人数", "数量",
					      "状态", "经办人", "备注", "作废原因"};
	for (size_t i = 0; i < 16; i++)
		csvrow_put(w, header[i]);
	csvrow_end(w);

	for (long i = 0; i < n; i++) {
		const struct matter *m = pick_matter();
		int wi = 0;
		while (strcmp(windows[wi], m->window_code) != 0)
			wi++;
		char ser[32], date[32], time[8], applicant[64], id[19] = "";
		snprintf(ser, sizeof ser, "%s-%d-%06ld", m->window_code, year, ++serial[wi]);
		day_of_year(year, i * 365 / n, date);
		snprintf(time, sizeof time, "%02u:%02u", 8 + pick(10), pick(60));
		bool company = wi == 0;
		if (company) {
			snprintf(applicant, sizeof applicant, "%s%s%s", surnames[pick(22)],
				 given[pick(24)], shops[pick(8)]);
			credit_code(id);
		} else {
			snprintf(applicant, sizeof applicant, "%s%s%s", surnames[pick(22)],
				 given[pick(24)], pick(2) ? given[pick(24)] : "");
			if (strcmp(m->unit, "人次") != 0 || pick(4) == 0)
				resident_id(id);
		}
		long households = 1, persons = 1, quantity = 1;
		if (strcmp(m->unit, "户+人") == 0) {
			households = 1 + pick(2);
			persons = households + pick(4);
		} else if (strcmp(m->unit, "人") == 0) {
			persons = 1 + pick(3);
		} else if (strcmp(m->unit, "个") == 0) {
			quantity = 1 + pick(2);
		}
		size_t ncat = 0;
		while (ncat < 4 && m->categories[ncat])
			ncat++;

		csvrow_put(w, ser);
		csvrow_put(w, date);
		csvrow_put(w, time);
		csvrow_put(w, m->window);
		csvrow_put(w, m->name);
		csvrow_put(w, ncat ? m->categories[pick((unsigned)ncat)] : "");
		csvrow_put(w, applicant);
		csvrow_put(w, id);
		csvrow_put(w, villages[pick(5)]);
		csvrow_put_int(w, households);
		csvrow_put_int(w, persons);
		csvrow_put_int(w, quantity);
		csvrow_put(w, "办结");
		csvrow_put(w, clerks[pick(5)]);
		csvrow_put(w, notes[pick(10)]);
		csvrow_put(w, pick(200) == 0 ? "录入错误，重新登记" : "");
		csvrow_end(w);
	}
	char *err = NULL;
	if (!csvrow_writer_finish(w, &err)) {
		fprintf(stderr, "gen_interchange: %s\n", err);
		return 1;
	}
	return 0;
}
