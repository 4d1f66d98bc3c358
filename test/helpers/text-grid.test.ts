import { fromA1 } from '../../src/core/grid/address';
import { gridValues, parseCell, textGrid, textWorkbook } from './text-grid';

const cellAt = (g: ReturnType<typeof textGrid>, a1: string) => {
  const { row, col } = fromA1(a1);
  return g.cell(row, col);
};

describe('textGrid', () => {
  const grid = textGrid(
    '公开09表',
    `
    | 2024年度财政拨款"三公"经费支出决算表 |                  |
    | 单位：万元                          |                  |
    | 项目                               | 决算数            |
    | 公务接待费                          | '0.50            |
    | 公务用车运行维护费                   | 8.32 {0.00}      |
    | 合计                               | =SUM(B4:B5)→8.82 |
    `,
    { merges: ['A1:B1'], hidden: { rows: [2], cols: ['C'] } },
  );

  test('one row per line, one column per cell; blank lines around the text are not rows', () => {
    expect(grid.name).toBe('公开09表');
    expect([grid.rowCount, grid.colCount]).toEqual([6, 2]);
    expect(gridValues(grid)).toEqual([
      ['2024年度财政拨款"三公"经费支出决算表', null],
      ['单位：万元', null],
      ['项目', '决算数'],
      ['公务接待费', '0.50'],
      ['公务用车运行维护费', 8.32],
      ['合计', 8.82],
    ]);
  });

  test('numbers are numbers, an apostrophe keeps text, a formula keeps its cached value and format', () => {
    expect(cellAt(grid, 'B4')).toEqual({ value: '0.50' });
    expect(cellAt(grid, 'B5')).toEqual({ value: 8.32, numFmt: '0.00' });
    expect(cellAt(grid, 'B6')).toEqual({ value: 8.82, formula: 'SUM(B4:B5)' });
    expect(cellAt(grid, 'B1')).toBeUndefined();
  });

  test('merges and hidden rows and columns reach the Grid', () => {
    expect(grid.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 1 }]);
    expect(grid.text(0, 1)).toBe('2024年度财政拨款"三公"经费支出决算表');
    expect(grid.isMasterOrSingle(0, 1)).toBe(false);
    expect([grid.isHiddenRow(1), grid.isHiddenRow(0), grid.isHiddenCol(2), grid.isHiddenCol(1)]).toEqual([true, false, true, false]);
  });

  test('a workbook of text grids', () => {
    const other = textGrid('公开08表', '| 项目 |');
    expect(textWorkbook('book.xlsx', grid, other)).toEqual({ name: 'book.xlsx', sheets: [grid, other] });
  });

  test('`at` places the text on the sheet; an empty row is | | and ragged rows are fine', () => {
    const g = textGrid('Sheet1', '| 项目 | 金额 |\n| |\n| 合计 |', { at: 'B4', merges: ['B6:C6'] });
    expect(gridValues(g, 'B4:C6')).toEqual([
      ['项目', '金额'],
      [null, null],
      ['合计', null],
    ]);
    expect([g.value(2, 1), g.isRowEmpty(4)]).toEqual([null, true]);
    expect(g.mergeAt(5, 2)).toEqual({ top: 5, left: 1, bottom: 5, right: 2 });
  });

  test('range formats apply to the cells that have none of their own', () => {
    const g = textGrid('S', '| 1 | 2 {0%} | x |', { numFmts: { 'A1:C1': '0.00' } });
    expect([cellAt(g, 'A1'), cellAt(g, 'B1'), cellAt(g, 'C1')]).toEqual([
      { value: 1, numFmt: '0.00' },
      { value: 2, numFmt: '0%' },
      { value: 'x', numFmt: '0.00' },
    ]);
  });

  test('a value inside a merge (not its top-left) and a line without bars are errors', () => {
    expect(() => textGrid('S', '| a | b |', { merges: ['A1:B1'] })).toThrow(/S!B1: inside merge A1:B1/);
    expect(() => textGrid('S', '| a | b |\n  c | d |')).toThrow(/line 2: a row starts and ends with "\|"/);
  });
});

describe('parseCell', () => {
  test.each([
    ['', undefined],
    ['   ', undefined],
    ['8.82', { value: 8.82 }],
    ['-3', { value: -3 }],
    ['1e3', { value: 1000 }],
    ['.5', { value: 0.5 }],
    ['2010301', { value: 2010301 }],
    ["'0.50", { value: '0.50' }],
    ["'=SUM(A1)", { value: '=SUM(A1)' }],
    ["'", { value: '' }],
    ["'  其中：", { value: '  其中：' }],
    ['1,234.50', { value: '1,234.50' }],
    ['50%', { value: '50%' }],
    ['住房保障支出', { value: '住房保障支出' }],
    ['TRUE', { value: true }],
    ['FALSE', { value: false }],
    ['#DIV/0!', { value: null, error: '#DIV/0!' }],
    ['#N/A', { value: null, error: '#N/A' }],
    ['0.7954 {0.00%}', { value: 0.7954, numFmt: '0.00%' }],
    ['=SUM(B2:B3)→8.82', { value: 8.82, formula: 'SUM(B2:B3)' }],
    ['= D5 / C5 → 0.5 {0%}', { value: 0.5, formula: 'D5 / C5', numFmt: '0%' }],
    ['=A1&"元"→\'12', { value: '12', formula: 'A1&"元"' }],
    ['=IF(A1>0,"是","")→', { value: '', formula: 'IF(A1>0,"是","")' }],
    ['=D5/C5→#DIV/0!', { value: null, error: '#DIV/0!', formula: 'D5/C5' }],
    ['=SUM(B2:B3)', { value: null, formula: 'SUM(B2:B3)', noCachedResult: true }],
    ['=SUM({1,2})→3', { value: 3, formula: 'SUM({1,2})' }],
  ])('%j', (text, cell) => {
    expect(parseCell(text)).toStrictEqual(cell);
  });

  test('an escaped bar is part of the cell', () => {
    expect(textGrid('S', '| a \\| b | c |').value(0, 0)).toBe('a | b');
  });
});
