/**
 * The issue-10 forms on small sheets (the whole-workbook variants are in national-variants.test.ts),
 * and what an unrecognized sheet or region is told: the closest template and the exact cell or row
 * that did not fit.
 */
import { analyze } from '../../../src/core/analyze';
import { refToA1 } from '../../../src/core/grid/address';
import { rebuildCode } from '../../../src/core/tables/ledger';
import { recognizeSheet, recognizeWorkbook } from '../../../src/core/tables/recognize';
import { variantWorkbook } from '../../helpers/variant-workbook';
import { textGrid } from '../../helpers/text-grid';

describe('rebuildCode', () => {
  const none = { lei: '', kuan: '' };
  test.each([
    [['2080501', '', ''], '2080501'], // the whole code in the 类 cell (kind 2)
    [['20805', '', ''], '20805'],
    [['208', '', ''], '208'],
    [['2080501', '05', '01'], '2080501'], // repeated, and the 款/项 cells agree
    [['208', '05', '01'], '2080501'],
    [['20103', '', '302'], '2010302'], // 江岸 公开05: 款 + the 项's last three digits
  ])('%j → %s', (parts, code) => {
    expect(rebuildCode(parts, none)?.code).toBe(code);
  });

  test.each([
    [['2080501', '06', '']], // the 款 cell contradicts the code in the 类 cell
    [['2080501', '', '02']],
    [['208', '0501', '']],
    [['2080', '', '']],
  ])('%j is no code', (parts) => {
    expect(rebuildCode(parts, none)).toBeNull();
  });

  test('a blank 类 cell takes the 类 of the row above', () => {
    expect(rebuildCode(['', '05', '01'], { lei: '208', kuan: '' })?.code).toBe('2080501');
  });
});

describe('收入决算表 with its 合计 on the 类 | 款 | 项 row', () => {
  const sheet = textGrid(
    'GK02',
    `
    | 2024年度收入决算表 |    |    |          |             |             |
    | 项目               |    |    |          | 本年收入合计 | 财政拨款收入 |
    | 功能分类科目编码    |    |    | 科目名称  |             |             |
    | 类                 | 款 | 项 | 合计      | 6           | 6           |
    | 201                |    |    | 一般公共服务支出 | 6     | 6           |
    | 201                | 3  |    | 政府办公厅(室)及相关机构事务 | 6 | 6 |
    | 201                | 3  | 2  | 一般行政管理事务 | 6     | 6           |
    `,
    { merges: ['A2:D2', 'A3:C3', 'E2:E3', 'F2:F3'] },
  );

  test('the 合计 is that row; 款 and 项 stored as numbers (3 for "03") rebuild the code', () => {
    const t = recognizeSheet(sheet).tables[0];
    expect([t.type, t.variant]).toEqual(['GK02', '类款项分列']);
    expect(t.lines.map((l) => `${l.key} ${l.kind} ${l.row + 1}`)).toEqual(['合计 total 4', '科目.201 subtotal 5', '科目.20103 subtotal 6', '科目.2010302 detail 7']);
    expect(t.columns.map((c) => `${c.key}:${c.label}`)).toEqual(['科目编码:科目编码', '科目名称:科目名称', '合计:本年收入合计', '财政拨款收入:财政拨款收入']);
    expect(analyze({ name: 'x', sheets: [sheet] }).findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });
});

describe('一般公共预算财政拨款支出决算表 with a 决算数 row', () => {
  test.each([
    ['over the column names', '| 项目 | | | | 决算数 | | |\n| 类 | 款 | 项 | 科目名称 | 小计 | 基本支出 | 项目支出 |', ['A2:D2', 'E2:G2']],
    ['between the 栏次 row and the data', '| 类 | 款 | 项 | 科目名称 | 小计 | 基本支出 | 项目支出 |\n| | | | 栏次 | 1 | 2 | 3 |\n| | | | | 决算数 | | |', ['E4:G4']],
  ])('%s: a header row, not a line; the whole code in the 类 cell', (_, header, merges) => {
    const sheet = textGrid(
      'GK05',
      `| 2024年度一般公共预算财政拨款支出决算表 | | | | | | |\n${header}\n| 2010302 | | | 一般行政管理事务 | 5 | | 5 |\n| | | | 合计 | 5 | | 5 |`,
      { merges },
    );
    const t = recognizeSheet(sheet).tables[0];
    expect(t.type).toBe('GK05');
    expect(t.lines.map((l) => `${l.key} ${l.kind}`)).toEqual(['科目.2010302 detail', '合计 total']);
    expect(t.columns.map((c) => c.key)).toEqual(['科目编码', '科目名称', '合计', '基本支出', '项目支出']);
  });
});

describe('基本支出决算表 with codes over 类 | 款', () => {
  const sheet = textGrid(
    'GK06',
    `
    | 一般公共预算财政拨款基本支出决算表 |    |          |        |          |    |        |       |
    | 人员经费                          |    |          |        | 公用经费  |    |        |       |
    | 经济分类科目编码                  |    | 科目名称  | 决算数  | 经济分类科目编码 |  | 科目名称 | 决算数 |
    | 类                               | 款 |          |        | 类        | 款 |        |       |
    | 301                              |    | 工资福利支出 | 10   | 302      |    | 商品和服务支出 | 3 |
    | 301                              | '01 | 基本工资  | 6      |          | '01 | 办公费  | 2     |
    |                                  | 2 | 津贴补贴  | 4      |          | 11 | 差旅费  | 1     |
    | 人员经费合计                      |    |          | 10     | 公用经费合计 |  |        | 3     |
    `,
    { merges: ['A3:B3', 'E3:F3', 'C3:C4', 'D3:D4', 'G3:G4', 'H3:H4'] },
  );

  test('both halves read 类 + 款 ("01", or 2 stored as a number); a blank 类 cell belongs to the block above', () => {
    const t = recognizeSheet(sheet).tables[0];
    expect(t.type).toBe('GK06');
    expect(t.lines.filter((l) => l.code).map((l) => `${l.code} ${l.kind}`)).toEqual([
      '301 subtotal', '302 subtotal', '30101 detail', '30201 detail', '30102 detail', '30211 detail',
    ]);
    expect(refToA1(t.cell('公用经费合计', '决算数')!)).toBe('H8');
  });

  test('no finding on the consistent table', () => {
    expect(analyze({ name: 'x', sheets: [sheet] }).findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });
});

describe('财政拨款收入支出决算总表: 年末 by column only when its rows stay empty', () => {
  test('the 行次 61–63 rows holding the 年末 amounts keep their own rows', async () => {
    const wb = await variantWorkbook('carry-over');
    const g = wb.sheets.find((s) => s.name === '公开04表')!;
    // 行次 61 (一般公共预算) carries its 年末: 小计 F36, 一般公共预算 G36
    for (const col of [5, 6]) g.set(35, col, { ...g.cell(34, col)!, value: 100 });
    const { tables, findings } = analyze(wb);
    const gk04 = tables.find((t) => t.type === 'GK04')!;
    const sub = gk04.line('支出.年末.一般公共预算财政拨款')!;
    expect([sub.row + 1, sub.meta?.byColumn, refToA1(sub.cells['一般公共预算财政拨款'])]).toEqual([36, undefined, 'G36']);
    expect(findings.filter((f) => f.severity === 'error' && f.cells.some((c) => c.sheet === '公开04表'))).toEqual([]);
  });
});

describe('unrecognized regions and sheets say which template and which cell', () => {
  const ledger = (header: string, rows: string) =>
    textGrid(
      'S',
      `
      | 2024年度收入决算表 |          |              |              |
      | 单位：万元         |          |              |              |
      | 科目编码           | 科目名称  | 本年收入合计  | ${header}     |
      ${rows}
      `,
    );

  test('no 合计 row: the rows searched are named; the table is read as OTHER and the region listed', () => {
    const r = recognizeSheet(ledger('财政拨款收入', '| 2010302 | 一般行政管理事务 | 5 | 5 |\n| 2010350 | 事业运行 | 1 | 1 |'));
    expect(r.tables.map((t) => t.type)).toEqual(['OTHER']);
    expect(r.unrecognized).toHaveLength(1);
    expect(r.unrecognized[0].bestGuess).toBe('GK02');
    expect(r.unrecognized[0].reason).toMatch(/^“2024年度收入决算表”最接近收入决算表（GK02），但表头下第 4–5 行没有合计行：科目名称列（B 列）没有“合计”/);
    expect(r.unrecognized[0].reason).toMatch(/已按“其他表格”读出，不做收入决算表的核对$/);
  });

  test('a header word that is no column of the template is named with its cell', () => {
    const r = recognizeSheet(ledger('财政收入', '| | 合计 | 5 | 5 |\n| 2010302 | 一般行政管理事务 | 5 | 5 |'));
    expect(r.unrecognized[0].reason).toMatch(/表头（第 3 行）中没有“财政拨款收入”栏；D3 的“财政收入”不是收入决算表的标准栏目/);
  });

  test('三公: the missing columns and the header cells that named none', () => {
    const g = textGrid(
      'S',
      `
      | 财政拨款"三公"经费支出决算表 |            |            |
      | 决算数                       |            |            |
      | 合计                         | 因公出国（境）费 | 接待     |
      | 1                            | 0.5        | 0.5        |
      `,
      { merges: ['A2:C2'] },
    );
    const reason = recognizeSheet(g).unrecognized[0].reason;
    expect(reason).toMatch(/最接近财政拨款"三公"经费支出决算表（GK09），但表头（第 2–3 行）只识别出 2 个三公经费栏目，应为 12 个，缺 “预算数·合计”/);
    expect(reason).toMatch(/C3 的“接待”未能对应到预算数或决算数的某一项/);
  });

  test('a two-sided table with one 项目 says which one it found', () => {
    const g = textGrid(
      'S',
      `
      | 2024年度收入支出决算总表 |        |
      | 项目                    | 决算数  |
      | 一、一般公共预算财政拨款收入 | 5 |
      `,
    );
    expect(recognizeSheet(g).unrecognized[0].reason).toMatch(/最接近收入支出决算总表（GK01），但表名下第 1–3 行没有收入、支出两侧的“项目”表头：只有 A2 一个“项目”/);
  });

  test('a sheet with no title: the closest template, the header words found with their cells and the ones missing', () => {
    const g = textGrid(
      'S',
      `
      | 科目 | 上级补助收入 | 事业收入 |
      | 办公费 | 1 | 2 |
      `,
    );
    const r = recognizeWorkbook({ name: 'x', sheets: [g] });
    expect(r.unrecognized).toEqual([
      {
        sheet: 'S',
        bestGuess: 'GK02',
        reason: '没有找到标准表名；表头最接近收入决算表（GK02）：有 B1 “上级补助收入”、C1 “事业收入”，但没有 “财政拨款收入” (no standard title; header words only partly match GK02)',
      },
    ]);
  });
});
