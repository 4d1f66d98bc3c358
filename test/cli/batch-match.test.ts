/**
 * The matching of narratives and prior-year workbooks to the workbooks of a batch (src/cli/batch/match.ts):
 * by department first, by file name for what is left, one to one, ties never guessed.
 */
import { departmentOf, kindOfTables, matchBatch, nameKey, narrativeKind, narrativeYear, type BookInfo, type NarrativeInfo, type PriorInfo } from '../../src/cli/batch/match';
import { scanFolder } from '../../src/cli/batch/scan';
import { mkdirSync, symlinkSync, writeFileSync } from 'fs';
import * as path from 'path';
import { tempDir } from '../helpers/temp-dir';

const book = (rel: string, department: string | null, year: number | null = 2024, kind: BookInfo['kind'] = 'gongkai'): BookInfo => ({ rel, department, year, kind });
const text = (rel: string, head: string | null): NarrativeInfo => ({ rel, head });
const prior = (rel: string, department: string | null, year: number | null = 2023, kind: PriorInfo['kind'] = 'gongkai', readable = true): PriorInfo => ({ rel, department, year, kind, readable });

describe('what a file is', () => {
  test('the department named most often; the year; the kind of tables', () => {
    expect(departmentOf([{ department: 'A局' }, { department: ' B局 ' }, { department: 'B局' }, { department: null }])).toBe('B局');
    expect(departmentOf([{ department: 'A局' }, { department: 'B局' }])).toBe('A局');
    expect(departmentOf([{ department: null }, {}])).toBeNull();
    expect(kindOfTables([{ type: 'GK01' }, { type: 'GK09' }])).toBe('gongkai');
    expect(kindOfTables([{ type: 'PERF_DEPT' }])).toBe('jixiao');
    expect(kindOfTables([{ type: 'GK01' }, { type: 'PERF_DEPT' }])).toBeNull();
    expect(kindOfTables([{ type: 'OTHER' }])).toBeNull();
  });

  test('file names reduced to the unit: years, kind words and separators left out', () => {
    expect(nameKey('区1/jiangan-2024-gongkai.xlsx')).toBe('jiangan');
    expect(nameKey('jiangan-2024-qingkuang.txt')).toBe('jiangan');
    expect(nameKey('huaihua_2023_zipingbaogao.docx')).toBe('huaihua');
    expect(nameKey('某某局2024年度部门决算情况说明.docx')).toBe('某某局');
    expect(nameKey('某某局2024年部门决算公开.xlsx')).toBe('某某局');
    expect(nameKey('某某局（2024）部门整体支出绩效自评报告.txt')).toBe('某某局');
    expect(nameKey('2024.xlsx')).toBe('');
  });

  test("a narrative's kind and year: its file name first, then its title", () => {
    expect(narrativeKind('a-2024-qingkuang.txt', null)).toBe('gongkai');
    expect(narrativeKind('a-2024-zipingbaogao.txt', null)).toBe('jixiao');
    expect(narrativeKind('a.txt', '2024年度某中心部门整体支出绩效自评报告一、')).toBe('jixiao');
    expect(narrativeKind('a.txt', '第三部分某局2024年度部门决算情况说明一、')).toBe('gongkai');
    expect(narrativeKind('a.txt', '一、单位基本情况')).toBeNull();
    expect(narrativeYear('a-2023-x.txt', '2024年度')).toBe(2023);
    expect(narrativeYear('a.txt', '我单位2024年人员编制数')).toBe(2024);
    expect(narrativeYear('a.txt', null)).toBeNull();
  });
});

describe('narratives', () => {
  test('by the department named at the start of the text, the longest name winning', () => {
    const books = [book('a.xlsx', '某某市某局'), book('b.xlsx', '某某市某局机关服务中心'), book('c.xlsx', '另一个某某局')];
    const m = matchBatch(books, [text('x.txt', '第三部分某某市某局机关服务中心2024年度部门决算情况说明'), text('y.txt', '某某市某局2024年度部门决算情况说明')], []);
    expect(m.narratives).toEqual([{ index: 1, by: 'department' }, { index: 0, by: 'department' }, null]);
    expect(m.unmatched).toEqual([]);
  });

  test('the kind and the year must fit: a 自评报告 goes with the 绩效 workbook, the 2023 text with the 2023 workbook', () => {
    const books = [book('gk.xlsx', '某某市某中心', 2024, 'gongkai'), book('jx23.xlsx', '某某市某中心', 2023, 'jixiao'), book('jx24.xlsx', '某某市某中心', 2024, 'jixiao')];
    const m = matchBatch(books, [text('r23.txt', '某某市某中心2023年部门整体支出绩效自评报告'), text('r24.txt', '2024年度某某市某中心部门整体支出绩效自评报告'), text('q.txt', '某某市某中心2024年度部门决算情况说明')], []);
    expect(m.narratives).toEqual([{ index: 2, by: 'department' }, { index: 0, by: 'department' }, { index: 1, by: 'department' }]);
  });

  test('by file name when no department is named (or the text could not be read)', () => {
    const books = [book('unit-7-2024-gongkai.xlsx', null), book('unit-8-2024-gongkai.xlsx', '某某市某局')];
    const m = matchBatch(books, [text('unit-7-2024-qingkuang.txt', '一、收入支出决算总体情况'), text('unit-8-2024-qingkuang.txt', null)], []);
    expect(m.narratives).toEqual([{ index: 0, by: 'file-name' }, { index: 1, by: 'file-name' }]);
  });

  test('a tie is never guessed: the report says why', () => {
    // two workbooks of one department and kind, names that do not settle it
    const m = matchBatch([book('a.xlsx', '某某市某局'), book('b.xlsx', '某某市某局')], [text('x.txt', '某某市某局2024年度部门决算情况说明')], []);
    expect(m.narratives).toEqual([null, null]);
    expect(m.unmatched).toEqual([{ file: 'x.txt', kind: 'narrative', reason: expect.stringMatching(/多个工作簿（a\.xlsx、b\.xlsx）/) }]);
    // the file name settles it
    const named = matchBatch([book('a.xlsx', '某某市某局'), book('某某市某局.xlsx', '某某市某局')], [text('某某市某局2024年度部门决算情况说明.txt', '某某市某局2024年度部门决算情况说明')], []);
    expect(named.narratives).toEqual([null, { index: 0, by: 'department' }]);
    // two texts of one workbook
    const two = matchBatch([book('a.xlsx', '某某市某局')], [text('x.txt', '某某市某局2024年度部门决算情况说明'), text('y.txt', '某某市某局2024年度部门决算情况说明')], []);
    expect(two.narratives).toEqual([null]);
    expect(two.unmatched.map((u) => u.reason)).toEqual([expect.stringMatching(/与“y\.txt”同属工作簿“a\.xlsx”/), expect.stringMatching(/与“x\.txt”同属工作簿“a\.xlsx”/)]);
    // a text of no workbook
    const none = matchBatch([book('a.xlsx', '某某市某局')], [text('z.txt', '另一个单位2024年度部门决算情况说明')], []);
    expect(none.unmatched).toEqual([{ file: 'z.txt', kind: 'narrative', reason: expect.stringMatching(/没有找到对应的工作簿/) }]);
  });

  test('a department name shorter than four characters is not looked for in a text', () => {
    const m = matchBatch([book('a.xlsx', '某局')], [text('x.txt', '某局2024年度部门决算情况说明')], []);
    expect(m.narratives).toEqual([null]);
  });
});

describe('prior-year workbooks', () => {
  test('the same department and kind, a year earlier; else by file name', () => {
    const books = [book('a-2024.xlsx', '某某局', 2024), book('b-2024-gongkai.xlsx', '另一某局', 2024), book('c.xlsx', '第三某局', 2024, 'jixiao')];
    const priors = [prior('x.xlsx', '某某局', 2023), prior('b-2023-gongkai.xlsx', null, 2023), prior('y.xlsx', '第三某局', 2023, 'gongkai'), prior('z.xlsx', '某某局', 2022)];
    const m = matchBatch(books, [], priors);
    expect(m.priors).toEqual([{ index: 0, by: 'department' }, { index: 1, by: 'file-name' }, null]);
    expect(m.unmatched.map((u) => u.file)).toEqual(['y.xlsx', 'z.xlsx']);
  });

  test('an unreadable prior-year workbook can still be matched by its file name', () => {
    const m = matchBatch([book('unit-1-2024.xlsx', '某某局')], [], [prior('unit-1-2023.xlsx', null, null, null, false)]);
    expect(m.priors).toEqual([{ index: 0, by: 'file-name' }]);
  });
});

describe('the files of a batch', () => {
  test('recursively, sorted by code point, without hidden files, lock files and other extensions; links followed once', async () => {
    const dir = tempDir('gk-scan-');
    for (const f of ['b/2.xlsx', 'a/1.XLSX', 'a/~$1.xlsx', '.git/x.xlsx', 'a/.x.xlsx', 'c/3.xls', 'c/4.xlsm', 'c/5.csv', 'Z.xlsx', '中.xlsx']) {
      mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      writeFileSync(path.join(dir, f), 'x');
    }
    symlinkSync(path.join(dir, 'a'), path.join(dir, 'loop'));
    symlinkSync(dir, path.join(dir, 'a', 'up'));
    const files = await scanFolder(dir, ['.xlsx', '.xlsm', '.xls']);
    expect(files.map((f) => f.rel)).toEqual(['Z.xlsx', 'a/1.XLSX', 'b/2.xlsx', 'c/3.xls', 'c/4.xlsm', '中.xlsx']);
    expect(files[0].abs).toBe(path.join(dir, 'Z.xlsx'));
  });
});
