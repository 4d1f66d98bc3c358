import { columnFromLetters, fromA1, rangeContains, rangeFromA1, rangeToA1, toA1, type RangeRef } from '../../src/core/grid/address';
import { Grid, type Cell, type CellValue, type Workbook } from '../../src/core/grid/grid';

/**
 * A sheet written as text, so a core test needs no .xlsx:
 *
 *   textGrid('公开09表', `
 *     | 2024年度财政拨款"三公"经费支出决算表 |                      |
 *     | 单位：万元                          |                      |
 *     | 项目                               | 决算数                |
 *     | 公务接待费                          | 0.5 {0.00}           |
 *     | 合计                               | =SUM(B4:B4)→0.5      |
 *   `, { merges: ['A1:B1'], hidden: { cols: ['C'] } })
 *
 * Each non-blank line is one row (an empty row is `| |`), cells between `|` (`\|` for a literal
 * bar), trimmed; rows may have fewer cells than others. A cell is:
 *   (empty)              blank: no cell at all
 *   8.82  -3  1e3  007   a number (plain decimal notation only; "1,234" and "50%" stay text)
 *   TRUE  FALSE          a boolean
 *   #DIV/0!  #N/A …      an Excel error value (value null, `error` set)
 *   '0.50  '=x  '        text exactly as written after the apostrophe (no format, no formula)
 *   =SUM(B2:B3)→8.82     a formula (stored without "=") with its cached value, read like a cell
 *                        ("→" alone: cached ""); without "→" the result was never calculated
 *                        (value null, noCachedResult)
 *   anything else        text
 * A number format ends a cell after a space, in braces: `0.7954 {0.00%}`, `=B3/B2→0.5 {0%}`; or
 * set formats by range with `numFmts`. Options use sheet addresses ("A1"), also when `at` moves the
 * text's top-left cell away from A1. A value inside a merge, other than its top-left, is an error.
 */
export interface TextGridOptions {
  /** Top-left cell of the text on the sheet; "A1" unless given. */
  at?: string;
  merges?: string[];
  /** Hidden rows as Excel row numbers (1-based), hidden columns as letters. */
  hidden?: { rows?: number[]; cols?: string[] };
  /** Number format per range, e.g. { 'B4:C9': '0.00' }; an inline {format} wins. */
  numFmts?: Record<string, string>;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const ERROR = /^#(DIV\/0!|N\/A|VALUE!|REF!|NAME\?|NUM!|NULL!)$/;
const FORMAT = /\s\{([^{}]+)\}$/;

/** A blank cell is undefined; `'` keeps the rest as text. Exported for the tests of this helper. */
export function parseCell(text: string): Cell | undefined {
  const raw = text.trim();
  if (raw === '') return undefined;
  if (raw.startsWith("'")) return { value: raw.slice(1) };
  const fmt = FORMAT.exec(raw);
  const body = fmt ? raw.slice(0, fmt.index).trim() : raw;
  const numFmt = fmt ? { numFmt: fmt[1].trim() } : {};
  if (body.startsWith('=')) {
    const arrow = body.indexOf('→');
    const formula = (arrow < 0 ? body.slice(1) : body.slice(1, arrow)).trim();
    if (arrow < 0) return { value: null, formula, noCachedResult: true, ...numFmt };
    const cached = body.slice(arrow + 1).trim();
    return { ...(cached === '' ? { value: '' } : scalar(cached)), formula, ...numFmt };
  }
  return { ...scalar(body), ...numFmt };
}

function scalar(text: string): Pick<Cell, 'value' | 'error'> {
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (NUMBER.test(text)) return { value: Number(text) };
  if (text === 'TRUE' || text === 'FALSE') return { value: text === 'TRUE' };
  if (ERROR.test(text)) return { value: null, error: text };
  return { value: text };
}

/** The cells of one text line: between the outer bars, split on unescaped `|`. */
function splitRow(line: string, lineNo: number): string[] {
  const t = line.trim();
  if (!t.startsWith('|') || !t.endsWith('|') || t.endsWith('\\|') || t.length < 2) {
    throw new Error(`textGrid line ${lineNo}: a row starts and ends with "|": ${line.trim()}`);
  }
  return t
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((c) => c.replace(/\\\|/g, '|'));
}

export function textGrid(name: string, text: string, options: TextGridOptions = {}): Grid {
  const origin = fromA1(options.at ?? 'A1');
  const merges = (options.merges ?? []).map(rangeFromA1);
  const formats = Object.entries(options.numFmts ?? {}).map(([range, fmt]) => [rangeFromA1(range), fmt] as const);
  const grid = new Grid({
    name,
    merges,
    hiddenRows: (options.hidden?.rows ?? []).map((r) => r - 1),
    hiddenCols: (options.hidden?.cols ?? []).map(columnFromLetters),
  });
  text
    .split('\n')
    .map((line, i) => ({ line, no: i + 1 }))
    .filter(({ line }) => line.trim() !== '')
    .forEach(({ line, no }, r) => {
      splitRow(line, no).forEach((cellText, c) => {
        const row = origin.row + r;
        const col = origin.col + c;
        const fmt = formats.find(([range]) => rangeContains(range, row, col))?.[1];
        const parsed = parseCell(cellText);
        const cell = parsed && fmt && parsed.numFmt === undefined ? { ...parsed, numFmt: fmt } : parsed;
        if (!cell) return;
        const merge = merges.find((m) => rangeContains(m, row, col) && (m.top !== row || m.left !== col));
        if (merge) throw new Error(`textGrid ${name}!${toA1(row, col)}: inside merge ${rangeToA1(merge)}, only its top-left cell holds a value`);
        grid.set(row, col, cell);
      });
    });
  return grid;
}

/** A workbook of text grids (or any grids). */
export function textWorkbook(name: string, ...sheets: Grid[]): Workbook {
  return { name, sheets };
}

/** The cells' own values as rows (null when blank or covered by a merge), for compact assertions. */
export function gridValues(grid: Grid, range?: string): CellValue[][] {
  const r: RangeRef = range ? rangeFromA1(range) : { top: 0, left: 0, bottom: grid.rowCount - 1, right: grid.colCount - 1 };
  const out: CellValue[][] = [];
  for (let row = r.top; row <= r.bottom; row++) {
    const line: CellValue[] = [];
    for (let col = r.left; col <= r.right; col++) line.push(grid.value(row, col));
    out.push(line);
  }
  return out;
}
