/**
 * The 支出功能分类 科目 (款 5 digits, 项 7 digits) of the national 政府收支分类科目 that a published
 * source confirms, edition by edition, as compact text parsed once by functional.ts. The 类 (3
 * digits) are in functional-classes.ts. Every line names its sources; SOURCES.md beside this file
 * describes each source and how it was cross-checked. A code no source confirms is left out
 * (the checker then reports it as "not in the catalog", an info, never an error).
 *
 * ENTRIES, one per line, fields separated by tabs:
 *   code  name  editions  sources  [aliases]
 * - editions: the editions a source shows the code in, as the last digit of each year
 *   ("4" = 2024 only, "345" = 2023–2025). Nothing is assumed about the other editions: a lookup
 *   there finds the entry of the nearest edition and says so (functional.ts).
 * - sources: keys of FUNCTIONAL_SOURCES, joined by ','.
 * - aliases: earlier or other printed names that stand for the same 科目, joined by '|'.
 * A code whose name changed between editions has one line per name.
 *
 * CHANGES, one per line: edition  change  code  source  [old name]
 * - change '+' (the edition adds the code), '-' (removes it), '~' (renames it; old name given).
 * Only changes a published notice states are listed; they are the differences between editions.
 */

export interface FunctionalSource {
  /** What the source is, as published. */
  title: string;
  publisher: string;
  /** The edition(s) of 《政府收支分类科目》 the source shows. */
  editions: readonly number[];
  /** Where it is published (first: the copy that was read). */
  where: readonly string[];
}

export const FUNCTIONAL_SOURCES: Readonly<Record<string, FunctionalSource>> = {
  JA24: {
    title: '武汉市江岸区住房保障和房屋管理局2024年度部门决算（公开02/03/05表的科目编码与名称；名词解释（十）本部门使用的支出功能分类科目）',
    publisher: '武汉市江岸区住房保障和房屋管理局',
    editions: [2024],
    where: ['shared/seeds/000_d521ae2aa14d21a2.txt (transcribed in samples/jiangan-2024-gongkai.xlsx)'],
  },
  XZ23: {
    title: '《2023年政府收支分类科目》（财预〔2022〕107号）一般公共预算支出功能分类科目-社会保障和就业支出-退役安置(2023年)',
    publisher: '财政部（小竹财税转载）',
    editions: [2023],
    where: ['https://www.xzcs2022.com/kjfgk/20997.html'],
  },
  MOF24: {
    title: '财政部关于对2024年政府收支分类科目进行个别增补的通知（财预〔2024〕22号，2024年3月29日）',
    publisher: '财政部',
    editions: [2024],
    where: [
      'http://canet.com.cn/fagui/838207.html',
      'http://zk.cxy21.com/statute/11893/detail',
      'https://4455.net.cn/fgk/zfkjzz/202404304432761.shtml',
      'https://www.chinagovernance.com/document/12683992',
    ],
  },
  MOF25: {
    title: '财政部关于修订2025年政府收支分类科目的通知（财预〔2025〕41号，2025年5月23日）',
    publisher: '财政部',
    editions: [2025],
    where: ['https://www.zgcznet.com/zt/202507/20250701/j_2025070115553800017513566712341718.html'],
  },
  DY: {
    title: '部门决算名词解释：“社会保障和就业支出(类)行政事业单位离退休(款)机关事业单位基本养老保险缴费支出(项)”等（年份未见于转载页）',
    publisher: '部门决算公开（dyrmt.com 转载）',
    editions: [],
    where: ['https://dyrmt.com/article-127680-8.html'],
  },
};

export const FUNCTIONAL_ENTRIES = `20805	行政事业单位养老支出	4	JA24,DY	行政事业单位离退休
2080505	机关事业单位基本养老保险缴费支出	4	JA24
2080506	机关事业单位职业年金缴费支出	4	JA24
20808	抚恤	4	JA24
2080801	死亡抚恤	4	JA24
20809	退役安置	3	XZ23
2080901	退役士兵安置	3	XZ23
2080902	军队移交政府的离退休人员安置	3	XZ23
2080903	军队移交政府离退休干部管理机构	3	XZ23
2080904	退役士兵管理教育	3	XZ23
2080905	军队转业干部安置	3	XZ23
2080999	其他退役安置支出	3	XZ23
20899	其他社会保障和就业支出	4	JA24
2089999	其他社会保障和就业支出	4	JA24
2010302	一般行政管理事务	4	JA24
2011308	招商引资	4	JA24
2013202	一般行政管理事务	4	JA24
2014002	一般行政管理事务	4	JA24
2069901	科技奖励	4	JA24
21011	行政事业单位医疗	4	JA24
2101101	行政单位医疗	4	JA24
2101103	公务员医疗补助	4	JA24
2101199	其他行政事业单位医疗支出	4	JA24
2111001	能源节约利用	4	JA24
21201	城乡社区管理事务	4	JA24
2120101	行政运行	4	JA24
2120102	一般行政管理事务	4	JA24
2160250	事业运行	4	JA24
2170404	中央金融机构注资特别国债支出	5	MOF25
22006	耕地保护考核奖惩基金支出	4	MOF24
22101	保障性安居工程支出	4	JA24
2210106	公共租赁住房	4	JA24
2210107	保障性住房租金补贴	4	JA24
2210108	老旧小区改造	4	JA24
2210110	保障性租赁住房	4	JA24
2210199	其他保障性安居工程支出	4	JA24
22102	住房改革支出	4	JA24
2210201	住房公积金	4	JA24
2210202	提租补贴	4	JA24
2210203	购房补贴	4	JA24
22103	城乡社区住宅	4	JA24
2210399	其他城乡社区住宅支出	4	JA24
22911	中央金融机构注资特别国债财务基金支出	5	MOF25
23004	政府性基金转移支付	4	MOF24
2300412	自然资源海洋气象等	4	MOF24
23107	中央金融机构注资特别国债还本支出	5	MOF25`;

export const FUNCTIONAL_CHANGES = `2024	+	22006	MOF24
2024	+	2300412	MOF24
2025	+	2170404	MOF25
2025	+	22911	MOF25
2025	+	23107	MOF25`;
