import { runRules } from '../../../../src/core/rules/run';
import { loadSubjectCsv, subjectCatalogNames, withSubjectCatalog } from '../../../../src/core/rules/subjects/catalog-names';
import { recognizeWorkbook } from '../../../../src/core/tables/recognize';
import { ruleTester } from '../tester';
import { withUserCatalog } from './catalog-names.cases';
import { edited, GONGKAI } from './edit';

// the bundled catalog's cases run from ../rules.test.ts; here: a user's catalog and the settings

const USER_CSV = '\uFEFF科目编码,科目名称\r\n2210108,"老旧小区改造工程"\r\n2069999，其他科技支出\r\n';

ruleTester(withSubjectCatalog(loadSubjectCsv(USER_CSV)), withUserCatalog);

describe('loadSubjectCsv', () => {
  test('header, BOM, CRLF, full-width comma, quoted fields', () => {
    expect([...loadSubjectCsv(USER_CSV)]).toEqual([
      ['2210108', '老旧小区改造工程'],
      ['2069999', '其他科技支出'],
    ]);
  });

  test('quotes with commas, escaped quotes and line breaks; tabs; bad codes skipped', () => {
    const text = '2010301,"行政运行, 含""机关""",x\n"30212","因公出国\n(境)费用"\n22101\t保障性安居工程支出\n2210,太短\n\n说明：本表…\n';
    expect(Object.fromEntries(loadSubjectCsv(text))).toEqual({
      '2010301': '行政运行, 含"机关"',
      '30212': '因公出国 (境)费用',
      '22101': '保障性安居工程支出',
    });
  });
});

describe('SUBJECT.catalog-names reads extra names from the run settings', () => {
  test('subjectNames in settings (a Map or an object) extends the bundled catalog', async () => {
    const wb = await edited(GONGKAI, { '公开05表!A12': '2069999', '公开05表!B12': '其他科技支出' })();
    const { tables } = recognizeWorkbook(wb);
    expect(runRules(wb, tables, {}, [subjectCatalogNames]).map((f) => f.severity)).toEqual(['info']);
    const settings = { subjectNames: new Map([['2069999', '其他科技支出']]) } as never;
    expect(runRules(wb, tables, settings, [subjectCatalogNames])).toEqual([]);
    const asObject = { subjectNames: { '2069999': '其他科技支出' } } as never;
    expect(runRules(wb, tables, asObject, [subjectCatalogNames])).toEqual([]);
  });
});
