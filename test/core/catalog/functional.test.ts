import { gzipSync } from 'zlib';
import { FUNCTIONAL_CLASSES, functionalClassCode, functionalClassName } from '../../../src/core/catalog/functional-classes';
import { FUNCTIONAL_CHANGES, FUNCTIONAL_ENTRIES, FUNCTIONAL_SOURCES } from '../../../src/core/catalog/functional-data';
import {
  EDITIONS,
  editionChanges,
  editionFor,
  functionalCodesNamed,
  functionalEdition,
  functionalNameStatus,
  functionalParent,
  functionalSource,
  functionalSubject,
  type Edition,
  type FunctionalSubject,
} from '../../../src/core/catalog/functional';
import { normalizeSubjectName, SUBJECT_NAMES } from '../../../src/core/catalog/subject-names';

/**
 * The source text each entry is checked against: passages quoted exactly as published (the pages
 * and the report listed in src/core/catalog/SOURCES.md; tabs and line breaks as in the copy read).
 */
const SOURCE_TEXT: Record<string, string> = {
  // 江岸区住房保障和房屋管理局 2024 年度部门决算, 公开03表 支出决算表 (科目编码 TAB 科目名称 …)
  // and 名词解释 (十) 本部门使用的支出功能分类科目(到项级); shared/seeds/000_d521ae2aa14d21a2.txt.
  JA24: `2010302	一般行政管理事务	51.68		51.68
2011308	招商引资	17. 24		17. 24
2013202	一般行政管理事务	3. 31		3. 31
2014002	一般行政管理事务	0. 58		0. 58
2069901	科技奖励	12.00		12.00
2080505	机关事业单位基本养老保险缴费支出	95. 99	95. 99
2080506	机关事业单位职业年金缴费支出	36. 72	36. 72
2080801	死亡抚恤	5. 01	5. 01
2089999	其他社会保障和就业支出	0. 62	0.62
2101101	行政单位医疗	30. 02	30. 02
2101103	公务员医疗补助	113. 15	113. 15
2101199	其他行政事业单位医疗支出	3. 57	3. 57
2111001	能源节约利用	250.00		250.00
2120101	行政运行	1049. 32	1049. 32
2120102	一般行政管理事务	267. 56		267. 56
2160250	事业运行	0. 50		0.50
2210106	公共租赁住房	2228. 34		2228.34
2210107	保障性住房租金补贴	946. 99		946. 99
2210108	老旧小区改造	11770. 42		11770. 42
2210110	保障性租赁住房	2512.00		2512.00
2210199	其他保障性安居工程支出	532.35		532.35
2210201	住房公积金	103. 24	103. 24
2210202	提租补贴	20.36	20. 36
2210203	购房补贴	36. 57	36. 57
2210399	其他城乡社区住宅支出	2811.70		2811.70
- 1. 社会保障和就业支出(类)行政事业单位养老支出(款)机关事业单位基本养老保险缴费支出(项)
- 2. 社会保障和就业支出(类)行政事业单位养老支出(款)机关事业单位职业年金缴费支出(项)
- 3. 社会保障和就业支出(类)抚恤(款)死亡抚恤(项)
- 4. 社会保障和就业支出(类)其他社会保障和就业支出(款)其他社会保障和就业支出(项)
- 5. 卫生健康支出(类)行政事业单位医疗(款)行政单位医疗(项)
- 6. 卫生健康支出(类)行政事业单位医疗(款)公务员医疗补助(项)
- 7. 城乡社区支出(类)城乡社区管理事务(款)行政运行(项)
- 10. 住房保障支出(类)住房改革支出(款)住房公积金(项)
- 11. 住房保障支出(类)住房改革支出(款)提租补贴(项)
- 12. 住房保障支出(类)住房改革支出(款)购房补贴(项)
- 14. 住房保障支出(类)保障性安居工程支出(款)公共租赁住房(项)
- 15. 住房保障支出(类)保障性安居工程支出(款)保障性住房租金补贴(项)
- 17. 住房保障支出(类)城乡社区住宅(款)其他城乡社区住宅支出(项)`,
  // https://www.xzcs2022.com/kjfgk/20997.html, 附录:科目汇总表 (财预〔2022〕107号, 2023年)
  XZ23: `20809退役安置
2080901退役士兵安置
2080902军队移交政府的离退休人员安置
2080903军队移交政府离退休干部管理机构
2080904退役士兵管理教育
2080905军队转业干部安置
2080999其他退役安置支出`,
  // 财预〔2024〕22号
  MOF24: `在政府性基金预算支出功能分类科目中,增设“自然资源海洋气象等支出”(220类)科目,在其中增设“耕地保护考核奖惩基金支出”(22006款)及其项级科目,反映耕地保护考核奖惩基金安排的支出。在政府性基金转移支付(23004款)科目下,增设“自然资源海洋气象等”(2300412项)科目,反映上级政府对下级政府的自然资源海洋气象等转移支付支出。`,
  // 财预〔2025〕41号
  MOF25: `二是在政府性基金预算支出功能分类科目中,增设“中央金融机构注资特别国债支出”(2170404项)科目,反映使用中央金融机构注资特别国债收入安排的补充中央金融机构资本的支出;增设“中央金融机构注资特别国债财务基金支出”(22911款)及其项级科目,反映中央金融机构注资特别国债付息支出;增设“中央金融机构注资特别国债还本支出”(23107款)及其项级科目`,
  // https://dyrmt.com/article-127680-8.html, 名词解释
  DY: `6.社会保障和就业支出(类)行政事业单位离退休(款)机关事业单位基本养老保险缴费支出(项)
7.卫生健康支出(类)行政事业单位医疗(款)行政单位医疗(项)`,
  // 江岸 2024 公开01表: the 类 lines of the national template, by name.
  JA24_GK01: `一、一般公共服务支出 二、外交支出 三、国防支出 四、公共安全支出 五、教育支出 六、科学技术支出 七、文化旅游体育与传媒支出 八、社会保障和就业支出 九、卫生健康支出 十、节能环保支出 十一、城乡社区支出 十二、农林水支出 十三、交通运输支出 十四、资源勘探工业信息等支出 十五、商业服务业等支出 十六、金融支出 十七、援助其他地区支出 十八、自然资源海洋气象等支出 十九、住房保障支出 二十、粮油物资储备支出 二十一、国有资本经营预算支出 二十二、灾害防治及应急管理支出 二十三、其他支出 二十四、债务还本支出 二十五、债务付息支出 二十六、抗疫特别国债安排的支出`,
};

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether a source passage shows `name` as the name of `code`, in one of the forms sources print. */
function attests(text: string, code: string, name: string, children: readonly FunctionalSubject[]): boolean {
  const n = esc(name);
  const forms = [
    new RegExp(`(^|\\n)${code}\\s*${n}(\\s|$)`), // a table or list line: code, name
    new RegExp(`“${n}”\\(${code}(类|款|项)\\)`), // a notice: “name”(code项)
    new RegExp(`${n}\\(${code}(类|款|项)\\)`), // a notice: name(code款)
  ];
  if (forms.some((re) => re.test(text))) return true;
  // 名词解释: "…(类)款名(款)项名(项)" with the 项's code under this 款 shown by the same source.
  return children.some((child) => new RegExp(`\\(类\\)${n}\\(款\\)${esc(child.name)}\\(项\\)`).test(text));
}

describe('editionFor', () => {
  it('maps a year to its edition, earlier years to the first, later or unknown years to the latest', () => {
    expect(editionFor(2023)).toBe(2023);
    expect(editionFor(2024)).toBe(2024);
    expect(editionFor(2025)).toBe(2025);
    expect(editionFor(2022)).toBe(2023);
    expect(editionFor(2026)).toBe(2025);
    expect(editionFor(undefined)).toBe(2025);
    expect(editionFor(null)).toBe(2025);
    expect(editionFor(Number.NaN)).toBe(2025);
  });
});

describe('functionalSubject', () => {
  it('finds a code of the requested edition, with level, edition and sources', () => {
    expect(functionalSubject('2210201', 2024)).toEqual({
      code: '2210201',
      name: '住房公积金',
      level: '项',
      edition: 2024,
      requested: 2024,
      exact: true,
      aliases: [],
      sources: ['JA24'],
    });
    expect(functionalSubject('22102', 2024)).toMatchObject({ level: '款', name: '住房改革支出', exact: true });
    expect(functionalSubject('221', 2023)).toMatchObject({ level: '类', name: '住房保障支出', exact: true, sources: ['CLS'] });
  });

  it('folds full-width digits and spaces in the code', () => {
    expect(functionalSubject('２２１０２０１ ', 2024)?.code).toBe('2210201');
  });

  it('accepts a code held for a neighbouring edition, with a note', () => {
    const s = functionalSubject('2210201', 2025)!;
    expect(s).toMatchObject({ edition: 2024, requested: 2025, exact: false });
    expect(s.absentInRequested).toBeUndefined();
    expect(s.note).toContain('2024年版');
    const t = functionalSubject('2080901', 2024)!;
    expect(t).toMatchObject({ edition: 2023, requested: 2024, exact: false, name: '退役士兵安置' });
  });

  it('says when a published change puts the code outside the requested edition', () => {
    const s = functionalSubject('22911', 2024)!;
    expect(s).toMatchObject({ edition: 2025, exact: false, absentInRequested: true });
    expect(s.note).toContain('自2025年版');
    expect(functionalSubject('22006', 2023)).toMatchObject({ edition: 2024, absentInRequested: true });
    expect(functionalSubject('22006', 2024)).toMatchObject({ exact: true });
  });

  it('is undefined for a code no edition holds (the checker reports it as not in the catalog)', () => {
    expect(functionalSubject('2019999', 2024)).toBeUndefined();
    expect(functionalSubject('', 2024)).toBeUndefined();
    expect(functionalSubject('abc')).toBeUndefined();
  });

  it('defaults to the latest edition', () => {
    expect(functionalSubject('23107')).toMatchObject({ edition: 2025, exact: true });
  });
});

describe('functionalNameStatus', () => {
  it('matches names after normalizing width, spaces and the "(项)" suffix', () => {
    expect(functionalNameStatus('2210201', '住房公积金', 2024).status).toBe('match');
    expect(functionalNameStatus('2210201', ' 住房 公积金（项）', 2024).status).toBe('match');
    expect(functionalNameStatus('2080505', '机关事业单位基本养老保险缴费支出', 2024).status).toBe('match');
  });

  it('accepts an alias (an earlier name)', () => {
    expect(functionalNameStatus('20805', '行政事业单位离退休', 2024).status).toBe('match');
  });

  it('flags the name of another 项 beside a valid code', () => {
    const r = functionalNameStatus('2120101', '事业运行', 2024);
    expect(r.status).toBe('differs');
    expect(r.subject?.name).toBe('行政运行');
  });

  it('is unknown when the catalog lacks the code', () => {
    expect(functionalNameStatus('2120104', '城管执法', 2024)).toEqual({ status: 'unknown' });
  });
});

describe('functionalCodesNamed and functionalParent', () => {
  it('lists the codes carrying a name, optionally under one 类 or 款', () => {
    expect(functionalCodesNamed('一般行政管理事务', { year: 2024 })).toEqual(['2010302', '2013202', '2014002', '2120102']);
    expect(functionalCodesNamed('一般行政管理事务', { parent: '212', year: 2024 })).toEqual(['2120102']);
    expect(functionalCodesNamed('住房保障支出', { year: 2024 })).toEqual(['221']);
    expect(functionalCodesNamed('退役安置', { year: 2023 })).toEqual(['20809']);
  });

  it('gives the 款 of a 项 and the 类 of a 款', () => {
    expect(functionalParent('2210201')).toBe('22102');
    expect(functionalParent('22102')).toBe('221');
    expect(functionalParent('221')).toBeUndefined();
  });
});

describe('the data against its sources', () => {
  const all = EDITIONS.flatMap((e) => functionalEdition(e).map((s) => ({ e, s })));

  it('every source key names a described source', () => {
    for (const { s } of all) for (const k of s.sources) expect(functionalSource(k)).toBeDefined();
    for (const [key, src] of Object.entries(FUNCTIONAL_SOURCES)) {
      expect({ key, ok: src.title.length > 0 && src.where.length > 0 }).toEqual({ key, ok: true });
    }
  });

  it.each(EDITIONS)('every 款/项 of the %i edition appears with its name in the text of its source', (edition: Edition) => {
    const entries = functionalEdition(edition).filter((s) => s.level !== '类');
    const failures: string[] = [];
    for (const s of entries) {
      const primary = s.sources[0];
      const children = entries.filter((c) => c.level === '项' && functionalParent(c.code) === s.code && c.sources.includes(primary));
      if (!attests(SOURCE_TEXT[primary] ?? '', s.code, s.name, children)) failures.push(`${s.code} ${s.name} (${primary})`);
      for (const alias of s.aliases) {
        const shown = s.sources.some((k) => new RegExp(`\\(类\\)${esc(alias)}\\(款\\)`).test(SOURCE_TEXT[k] ?? ''));
        if (!shown) failures.push(`${s.code} alias ${alias}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('checks the 类 names against the national template rows, and 30 or more 款/项 of the 2024 edition', () => {
    for (const edition of EDITIONS) {
      const classes = functionalEdition(edition).filter((s) => s.level === '类');
      const missing = classes.filter((c) => !SOURCE_TEXT.JA24_GK01.includes(`、${c.name}`)).map((c) => c.code);
      // 209 社会保险基金支出, 227 预备费, 230 转移性支出 and 233 债务发行费用支出 are not lines of the 部门决算 template.
      expect(missing).toEqual(['209', '227', '230', '233']);
    }
    // The 2023 and 2025 editions have fewer sourced 款/项 (7 and 3): see SOURCES.md.
    expect(all.filter(({ e, s }) => e === 2024 && s.level !== '类').length).toBeGreaterThanOrEqual(30);
  });

  it('agrees with the 类 list and with the names of subject-names.ts', () => {
    for (const c of FUNCTIONAL_CLASSES) {
      expect(functionalSubject(c.code, 2024)?.name).toBe(c.name);
      expect(functionalClassCode(c.name)).toBe(c.code);
      expect(functionalClassName(c.code)).toBe(c.name);
    }
    const disagreements: string[] = [];
    for (const s of SUBJECT_NAMES) {
      if (!s.code.startsWith('2')) continue;
      const r = functionalNameStatus(s.code, s.name, 2024);
      if (r.status !== 'unknown' && r.status !== 'match') disagreements.push(`${s.code} ${s.name} ≠ ${r.subject?.name}`);
    }
    expect(disagreements).toEqual([]);
  });

  it('keeps every 项 under a 款 and every 款 under a 类 the catalog holds for some edition', () => {
    const codes = new Set(all.map(({ s }) => s.code));
    const orphans = [...codes].filter((c) => c.length > 3 && !codes.has(c.slice(0, 3)));
    expect(orphans).toEqual([]);
  });

  it('holds each code once per edition', () => {
    for (const edition of EDITIONS) {
      const codes = functionalEdition(edition).map((s) => s.code);
      expect(new Set(codes).size).toBe(codes.length);
    }
  });

  it('keeps the data small for the browser bundle', () => {
    const bytes = gzipSync(Buffer.from(FUNCTIONAL_ENTRIES + FUNCTIONAL_CHANGES + JSON.stringify(FUNCTIONAL_SOURCES), 'utf8')).length;
    expect(bytes).toBeLessThan(40 * 1024);
  });
});

describe('differences between editions', () => {
  it('lists the changes published for each edition', () => {
    expect(editionChanges(2023)).toEqual([]);
    expect(editionChanges(2024).map((c) => `${c.kind} ${c.code} ${c.name}`)).toEqual([
      'added 22006 耕地保护考核奖惩基金支出',
      'added 2300412 自然资源海洋气象等',
    ]);
    expect(editionChanges(2025).map((c) => `${c.kind} ${c.code} ${c.name}`)).toEqual([
      'added 2170404 中央金融机构注资特别国债支出',
      'added 22911 中央金融机构注资特别国债财务基金支出',
      'added 23107 中央金融机构注资特别国债还本支出',
    ]);
  });

  it('an added code is in its edition and absent, by the notice, from the editions before', () => {
    for (const edition of EDITIONS) {
      for (const change of editionChanges(edition)) {
        expect(functionalSubject(change.code, edition)).toMatchObject({ exact: true, name: change.name });
        for (const earlier of EDITIONS.filter((e) => e < edition)) {
          expect(functionalSubject(change.code, earlier)).toMatchObject({ exact: false, absentInRequested: true });
        }
      }
    }
  });

  it('normalizes names the way the rules do', () => {
    expect(normalizeSubjectName('住房公积金（项）')).toBe('住房公积金');
  });
});
