/**
 * 科目名称 of the national 政府收支分类科目 below the 类 level: 支出功能分类 款 (5 digits) and 项
 * (7 digits), and 部门预算支出经济分类 类 (3 digits, 3xx) and 款 (5 digits). The 功能分类 类 list
 * is in functional-classes.ts.
 *
 * For 支出功能分类 codes, functional.ts is the edition-aware catalog built from published sources
 * (SOURCES.md): functionalSubject(code, year) and functionalNameStatus(code, name, year). The
 * functional entries below are the older bundled subset; where both hold a code they agree
 * (test/core/catalog), and some 款 below (20101 … 20199, 20113, 20132, 20140, 20699, 21110, 21602 …)
 * have no published source in the catalog.
 *
 * This is a bundled subset, not the whole national list: every code of the fixtures (the 25 项 and
 * 15 款 of 江岸 2024, the 公开06表 rows of the 2024 template and the national 310 block) plus a few
 * common personnel and housing items. Codes outside it are "unknown", not wrong; users add their
 * own list with a CSV (SUBJECT.catalog-names). Functional codes start with 2 and economic codes
 * with 3, so one map keyed by code holds both.
 *
 * Names as printed in the national list; compare after normalizing full-width forms and spaces.
 * `aliases` are earlier names still printed by older workbooks.
 */
export interface SubjectName {
  code: string;
  name: string;
  aliases?: readonly string[];
}

/** 支出功能分类 款 (5 digits). */
const FUNCTIONAL_KUAN: readonly SubjectName[] = [
  { code: '20101', name: '人大事务' },
  { code: '20102', name: '政协事务' },
  { code: '20103', name: '政府办公厅(室)及相关机构事务' },
  { code: '20104', name: '发展与改革事务' },
  { code: '20105', name: '统计信息事务' },
  { code: '20106', name: '财政事务' },
  { code: '20107', name: '税收事务' },
  { code: '20108', name: '审计事务' },
  { code: '20111', name: '纪检监察事务' },
  { code: '20113', name: '商贸事务' },
  { code: '20129', name: '群众团体事务' },
  { code: '20131', name: '党委办公厅(室)及相关机构事务' },
  { code: '20132', name: '组织事务' },
  { code: '20133', name: '宣传事务' },
  { code: '20134', name: '统战事务' },
  { code: '20140', name: '信访事务' },
  { code: '20199', name: '其他一般公共服务支出' },
  { code: '20699', name: '其他科学技术支出' },
  { code: '20805', name: '行政事业单位养老支出', aliases: ['行政事业单位离退休'] },
  { code: '20808', name: '抚恤' },
  { code: '20899', name: '其他社会保障和就业支出' },
  { code: '21011', name: '行政事业单位医疗' },
  { code: '21110', name: '能源节约利用' },
  { code: '21201', name: '城乡社区管理事务' },
  { code: '21602', name: '商业流通事务' },
  { code: '22101', name: '保障性安居工程支出' },
  { code: '22102', name: '住房改革支出' },
  { code: '22103', name: '城乡社区住宅' },
];

/** 支出功能分类 项 (7 digits). */
const FUNCTIONAL_XIANG: readonly SubjectName[] = [
  { code: '2010101', name: '行政运行' },
  { code: '2010102', name: '一般行政管理事务' },
  { code: '2010103', name: '机关服务' },
  { code: '2010150', name: '事业运行' },
  { code: '2010301', name: '行政运行' },
  { code: '2010302', name: '一般行政管理事务' },
  { code: '2010303', name: '机关服务' },
  { code: '2010350', name: '事业运行' },
  { code: '2011308', name: '招商引资' },
  { code: '2013202', name: '一般行政管理事务' },
  { code: '2014002', name: '一般行政管理事务' },
  { code: '2069901', name: '科技奖励' },
  { code: '2080501', name: '行政单位离退休' },
  { code: '2080502', name: '事业单位离退休' },
  { code: '2080505', name: '机关事业单位基本养老保险缴费支出' },
  { code: '2080506', name: '机关事业单位职业年金缴费支出' },
  { code: '2080599', name: '其他行政事业单位养老支出', aliases: ['其他行政事业单位离退休支出'] },
  { code: '2080801', name: '死亡抚恤' },
  { code: '2080802', name: '伤残抚恤' },
  { code: '2089999', name: '其他社会保障和就业支出' },
  { code: '2101101', name: '行政单位医疗' },
  { code: '2101102', name: '事业单位医疗' },
  { code: '2101103', name: '公务员医疗补助' },
  { code: '2101199', name: '其他行政事业单位医疗支出' },
  { code: '2111001', name: '能源节约利用' },
  { code: '2120101', name: '行政运行' },
  { code: '2120102', name: '一般行政管理事务' },
  { code: '2120103', name: '机关服务' },
  { code: '2120199', name: '其他城乡社区管理事务支出' },
  { code: '2160250', name: '事业运行' },
  { code: '2210101', name: '廉租住房' },
  { code: '2210103', name: '棚户区改造' },
  { code: '2210105', name: '农村危房改造' },
  { code: '2210106', name: '公共租赁住房' },
  { code: '2210107', name: '保障性住房租金补贴' },
  { code: '2210108', name: '老旧小区改造' },
  { code: '2210109', name: '住房租赁市场发展' },
  { code: '2210110', name: '保障性租赁住房' },
  { code: '2210199', name: '其他保障性安居工程支出' },
  { code: '2210201', name: '住房公积金' },
  { code: '2210202', name: '提租补贴' },
  { code: '2210203', name: '购房补贴' },
  { code: '2210302', name: '住房公积金管理' },
  { code: '2210399', name: '其他城乡社区住宅支出' },
];

/** 部门预算支出经济分类 类 (3 digits). */
const ECONOMIC_LEI: readonly SubjectName[] = [
  { code: '301', name: '工资福利支出' },
  { code: '302', name: '商品和服务支出' },
  { code: '303', name: '对个人和家庭的补助' },
  { code: '307', name: '债务利息及费用支出' },
  { code: '309', name: '资本性支出(基本建设)' },
  { code: '310', name: '资本性支出' },
  { code: '311', name: '对企业补助(基本建设)' },
  { code: '312', name: '对企业补助' },
  { code: '313', name: '对社会保障基金补助' },
  { code: '399', name: '其他支出' },
];

/** 部门预算支出经济分类 款 (5 digits): the 301, 302, 303 and 310 blocks of 公开06表. */
const ECONOMIC_KUAN: readonly SubjectName[] = [
  { code: '30101', name: '基本工资' },
  { code: '30102', name: '津贴补贴' },
  { code: '30103', name: '奖金' },
  { code: '30106', name: '伙食补助费' },
  { code: '30107', name: '绩效工资' },
  { code: '30108', name: '机关事业单位基本养老保险缴费' },
  { code: '30109', name: '职业年金缴费' },
  { code: '30110', name: '职工基本医疗保险缴费' },
  { code: '30111', name: '公务员医疗补助缴费' },
  { code: '30112', name: '其他社会保障缴费' },
  { code: '30113', name: '住房公积金' },
  { code: '30114', name: '医疗费' },
  { code: '30199', name: '其他工资福利支出' },
  { code: '30201', name: '办公费' },
  { code: '30202', name: '印刷费' },
  { code: '30203', name: '咨询费' },
  { code: '30204', name: '手续费' },
  { code: '30205', name: '水费' },
  { code: '30206', name: '电费' },
  { code: '30207', name: '邮电费' },
  { code: '30208', name: '取暖费' },
  { code: '30209', name: '物业管理费' },
  { code: '30211', name: '差旅费' },
  { code: '30212', name: '因公出国(境)费用' },
  { code: '30213', name: '维修(护)费' },
  { code: '30214', name: '租赁费' },
  { code: '30215', name: '会议费' },
  { code: '30216', name: '培训费' },
  { code: '30217', name: '公务接待费' },
  { code: '30218', name: '专用材料费' },
  { code: '30224', name: '被装购置费' },
  { code: '30225', name: '专用燃料费' },
  { code: '30226', name: '劳务费' },
  { code: '30227', name: '委托业务费' },
  { code: '30228', name: '工会经费' },
  { code: '30229', name: '福利费' },
  { code: '30231', name: '公务用车运行维护费' },
  { code: '30239', name: '其他交通费用' },
  { code: '30240', name: '税金及附加费用' },
  { code: '30299', name: '其他商品和服务支出' },
  { code: '30301', name: '离休费' },
  { code: '30302', name: '退休费' },
  { code: '30303', name: '退职(役)费' },
  { code: '30304', name: '抚恤金' },
  { code: '30305', name: '生活补助' },
  { code: '30306', name: '救济费' },
  { code: '30307', name: '医疗费补助' },
  { code: '30308', name: '助学金' },
  { code: '30309', name: '奖励金' },
  { code: '30310', name: '个人农业生产补贴' },
  { code: '30311', name: '代缴社会保险费' },
  { code: '30399', name: '其他对个人和家庭的补助' },
  { code: '31001', name: '房屋建筑物购建' },
  { code: '31002', name: '办公设备购置' },
  { code: '31003', name: '专用设备购置' },
  { code: '31005', name: '基础设施建设' },
  { code: '31006', name: '大型修缮' },
  { code: '31007', name: '信息网络及软件购置更新' },
  { code: '31008', name: '物资储备' },
  { code: '31013', name: '公务用车购置' },
  { code: '31019', name: '其他交通工具购置' },
  { code: '31021', name: '文物和陈列品购置' },
  { code: '31022', name: '无形资产购置' },
  { code: '31099', name: '其他资本性支出' },
];

export const SUBJECT_NAMES: readonly SubjectName[] = [...FUNCTIONAL_KUAN, ...FUNCTIONAL_XIANG, ...ECONOMIC_LEI, ...ECONOMIC_KUAN];

const BY_CODE = new Map<string, SubjectName>();
for (const s of SUBJECT_NAMES) BY_CODE.set(s.code, s);

/** The bundled entry of a 款/项 (functional) or 类/款 (economic) code, or undefined. */
export function subjectName(code: string): SubjectName | undefined {
  return BY_CODE.get(code);
}

/** 科目名称 compared across tables: full-width folded, spaces and quotes removed, "(项)" suffixes dropped. */
export function normalizeSubjectName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/["'“”‘’]/g, '')
    .replace(/\((类|款|项)\)$/, '');
}
