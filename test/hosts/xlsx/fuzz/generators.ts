/**
 * Hostile and huge workbooks, each small to make and each proving a bound of the reader (issue 16):
 * what a file declares must cost nothing until it is there, and what is there counts against the
 * budget while it is read. Every case states what must come out (a grid, or the problem of a
 * WorkbookReadError) and how long it may take; run-cases.ts runs them in a child process whose
 * heap is capped, so an overrun fails loudly instead of slowly.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { constants, deflateRawSync } from 'zlib';
import type { Workbook } from '../../../../src/core/grid/grid';
import type { ReadLimits } from '../../../../src/hosts/xlsx/read/read-xlsx';
import { MAIN_NS, sheetXml, workbookWith } from '../workbook-parts';
import { buildZip, minimalWorkbookParts, type RawEntry } from '../zip-helpers';

export interface FuzzCase {
  name: string;
  build(): Uint8Array;
  /** 'ok' or the WorkbookReadError problem expected. */
  expect: string;
  /** Run the full check (recognition and rules) on the grid too. */
  analyze?: boolean;
  /** The whole case (read, and check when asked) must end within this. */
  maxMs: number;
  limits?: Partial<ReadLimits>;
  /** What must hold of the grid when it is read. */
  check?(wb: Workbook): void;
}

const TITLE = '<row r="1"><c r="A1" t="inlineStr"><is><t>2024年度支出决算表</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>单位：万元</t></is></c><c r="B2"><v>1</v></c></row>';
const sheet = (rows: string, after = '', before = '') => workbookWith({ sheet: sheetXml(rows, after, before) });
const problem = (wb: Workbook, ok: boolean, what: string) => {
  if (!ok) throw new Error(`${wb.name}: ${what}`);
};

/** A raw deflate stream of `prefix`, then `mebibytes` MiB of `fill`, made without holding them (see deflatedZeros). */
export function deflatedRepeat(prefix: string, fill: string, mebibytes: number): Buffer {
  const flush = { finishFlush: constants.Z_SYNC_FLUSH };
  const head = deflateRawSync(Buffer.from(prefix, 'utf8'), flush);
  const block = deflateRawSync(Buffer.from(fill.repeat((1 << 20) / fill.length), 'utf8'), flush);
  return Buffer.concat([head, ...Array<Buffer>(mebibytes).fill(block), Buffer.from([0x03, 0x00])]);
}

/** A part whose directory entry declares `declared` bytes while it inflates to far more. */
function lyingEntry(deflated: Buffer, declared: number): RawEntry {
  return { raw: new Uint8Array(deflated), method: 8, size: declared, crc: 0 };
}

const XXE = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>';
const LAUGHS = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`).join('')}]>`;

function withDoctype(part: 'sheet' | 'sharedStrings' | 'styles' | 'workbook' | 'rels', doctype: string, entity: string): Uint8Array {
  const ss = `<sst ${MAIN_NS}><si><t>&${entity};</t></si></sst>`;
  switch (part) {
    case 'sheet':
      return workbookWith({ sheet: doctype + sheetXml(`<row r="1"><c r="A1" t="inlineStr"><is><t>&${entity};</t></is></c></row>`).replace(/^<\?xml[^>]*>/, '') });
    case 'sharedStrings':
      return workbookWith({ sharedStrings: doctype + ss, sheet: sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>') });
    case 'styles':
      return workbookWith({ styles: `${doctype}<styleSheet ${MAIN_NS}><numFmts count="1"><numFmt numFmtId="176" formatCode="&${entity};"/></numFmts><cellXfs count="1"><xf numFmtId="176"/></cellXfs></styleSheet>` });
    case 'workbook':
      return workbookWith({ workbook: `${doctype}<workbook ${MAIN_NS}><sheets><sheet name="&${entity};" sheetId="1" r:id="rId1"/></sheets></workbook>` });
    case 'rels':
      return buildZip(
        minimalWorkbookParts().map(([name, text]): [string, string] => [
          name,
          name === 'xl/_rels/workbook.xml.rels' ? doctype + text.replace(/^<\?xml[^>]*>/, '').replace('Target="worksheets/sheet1.xml"', `Target="&${entity};"`) : text,
        ]),
      );
  }
}

const sample = (file: string) => new Uint8Array(readFileSync(path.resolve(__dirname, '../../../../samples', file)));

/** Cut the sample to its first k/20 (k = 1 … 19). */
export function truncations(file: string): { name: string; bytes: Uint8Array }[] {
  const bytes = sample(file);
  return Array.from({ length: 19 }, (_, i) => ({ name: `${file} cut at ${i + 1}/20`, bytes: bytes.slice(0, Math.floor((bytes.length * (i + 1)) / 20)) }));
}

function manySharedStrings(n: number): string {
  const parts: string[] = [`<sst ${MAIN_NS} count="${n}" uniqueCount="${n}">`];
  for (let i = 0; i < n; i++) parts.push(`<si><t>s${i}</t></si>`);
  parts.push('</sst>');
  return parts.join('');
}

function cells(n: number, perRow = 10): string {
  const rows: string[] = [];
  for (let r = 0; r < Math.ceil(n / perRow); r++) {
    let row = `<row r="${r + 1}">`;
    for (let c = 0; c < perRow && r * perRow + c < n; c++) row += `<c r="${String.fromCharCode(65 + c)}${r + 1}"><v>${c}</v></c>`;
    rows.push(row + '</row>');
  }
  return rows.join('');
}

export const CASES: FuzzCase[] = [
  // ---- declared sizes: clamped to the cells that exist ----
  {
    name: 'a merge over A400:XFD1048576 beside a few cells (a declared 10^10-cell range)',
    build: () => sheet(TITLE, '<mergeCells count="1"><mergeCell ref="A400:XFD1048576"/></mergeCells>'),
    expect: 'ok',
    analyze: true,
    maxMs: 1000,
    check: (wb) => problem(wb, wb.sheets[0].merges.length === 0 && wb.sheets[0].rowCount === 2, 'the merge outside the cells is dropped'),
  },
  {
    name: 'a merge over A1:XFD1048576 holding the only cell (clamped to A1)',
    build: () => sheet('<row r="1"><c r="A1"><v>5</v></c></row>', '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'),
    expect: 'ok',
    analyze: true,
    maxMs: 1000,
    check: (wb) => problem(wb, JSON.stringify(wb.sheets[0].merges) === '[{"top":0,"left":0,"bottom":0,"right":0}]', 'clamped to A1'),
  },
  {
    name: 'a merge over A400:XFD1048576 and a value at XFD1048576 (a wide merge the grid does not index cell by cell)',
    build: () => sheet(`${TITLE}<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>`, '<mergeCells count="1"><mergeCell ref="A400:XFD1048576"/></mergeCells>'),
    expect: 'ok',
    analyze: true,
    maxMs: 5000,
    check: (wb) => problem(wb, wb.sheets[0].merges.length === 1 && wb.sheets[0].cell(1048575, 16383) === undefined && wb.sheets[0].mergeAt(1048575, 16383) !== undefined, 'the covered value is dropped'),
  },
  {
    name: 'a hidden <col min="1" max="1000000000">',
    build: () => sheet(TITLE, '', '<cols><col min="1" max="1000000000" width="9" hidden="1"/></cols>'),
    expect: 'ok',
    analyze: true,
    maxMs: 1000,
    check: (wb) => problem(wb, wb.sheets[0].hiddenCols.size === 2, 'hidden columns clamped to the two that hold cells'),
  },
  {
    name: '20,000 <col> elements each over all 16,384 columns',
    build: () => sheet(TITLE, '', `<cols>${'<col min="1" max="16384" hidden="1"/>'.repeat(20_000)}</cols>`),
    expect: 'ok',
    maxMs: 3000,
  },
  {
    name: 'rows with spans="1:1000000000" and a dimension of A1:XFD1048576',
    build: () => workbookWith({ sheet: sheetXml(TITLE.replace(/<row r="(\d)">/g, '<row r="$1" spans="1:1000000000">')).replace('<sheetData>', '<dimension ref="A1:XFD1048576"/><sheetData>') }),
    expect: 'ok',
    analyze: true,
    maxMs: 1000,
  },
  // ---- addresses beyond XFD1048576: a clear error, in milliseconds ----
  { name: 'a cell at A99999999', build: () => sheet(`${TITLE}<row r="99999999"><c r="A99999999"><v>1</v></c></row>`), expect: 'out-of-range', maxMs: 500 },
  { name: 'a cell at A2000000000', build: () => sheet(`<row><c r="A2000000000"><v>1</v></c></row>`), expect: 'out-of-range', maxMs: 500 },
  { name: 'a row r="2000000000"', build: () => sheet('<row r="2000000000"><c><v>1</v></c></row>'), expect: 'out-of-range', maxMs: 500 },
  { name: 'a cell at XFE1 (column 16,385)', build: () => sheet('<row r="1"><c r="XFE1"><v>1</v></c></row>'), expect: 'out-of-range', maxMs: 500 },
  { name: 'a merge ending at A1048577', build: () => sheet(TITLE, '<mergeCells count="1"><mergeCell ref="A1:A1048577"/></mergeCells>'), expect: 'out-of-range', maxMs: 500 },
  {
    name: 'one value at XFD1048576 under a title',
    build: () => sheet(`${TITLE}<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>`),
    expect: 'ok',
    analyze: true,
    maxMs: 5000,
    check: (wb) => problem(wb, wb.sheets[0].cell(1048575, 16383)?.value === 1, 'the far value is kept'),
  },
  // ---- inflated bytes: the cap holds on what comes out, whatever the directory says ----
  {
    name: 'a sheet part declaring 9,000 bytes that inflates to 3 GiB (3 MB file)',
    build: () => workbookWith({ sheet: lyingEntry(deflatedRepeat(sheetXml('').replace('</sheetData></worksheet>', ''), ' ', 3072), 9000) }),
    expect: 'zip-bomb',
    maxMs: 2000,
  },
  {
    name: 'a shared string table declaring 9,000 bytes that inflates to 1 GiB of text',
    build: () => workbookWith({ sharedStrings: lyingEntry(deflatedRepeat(`<sst ${MAIN_NS}><si><t>`, 'x', 1024), 9000), sheet: sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>') }),
    expect: 'zip-bomb',
    maxMs: 2000,
  },
  {
    name: 'an honest 300 MiB sheet part (beyond the 200 MiB budget)',
    build: () => {
      const deflated = deflatedRepeat(sheetXml('').replace('</sheetData></worksheet>', ''), ' ', 300);
      return workbookWith({ sheet: { raw: new Uint8Array(deflated), method: 8, size: 150 << 20, crc: 0 } });
    },
    expect: 'zip-bomb',
    maxMs: 3000,
  },
  // ---- entities: never expanded, never fetched ----
  ...(['sheet', 'sharedStrings', 'styles', 'workbook', 'rels'] as const).flatMap((part): FuzzCase[] => [
    { name: `XXE in the ${part} part`, build: () => withDoctype(part, XXE, 'xxe'), expect: 'corrupt', maxMs: 500 },
    { name: `billion laughs in the ${part} part`, build: () => withDoctype(part, LAUGHS, 'lol9'), expect: 'corrupt', maxMs: 500 },
  ]),
  // ---- ambiguous packages ----
  {
    name: 'a duplicate sheet part differing only in case',
    build: () => buildZip([...minimalWorkbookParts(), ['XL/worksheets/SHEET1.xml', sheetXml('<row r="1"><c r="A1"><v>666</v></c></row>')]]),
    expect: 'truncated',
    maxMs: 500,
  },
  // ---- values that are no numbers ----
  {
    name: 'NaN, 1e309, -1e309 and "Infinity" as <v>',
    build: () => sheet('<row r="1"><c r="A1"><v>NaN</v></c><c r="B1"><v>1e309</v></c><c r="C1"><v>-1e309</v></c><c r="D1"><f>A1</f><v>Infinity</v></c><c r="E1"><v>12.5</v></c></row>'),
    expect: 'ok',
    maxMs: 500,
    check: (wb) => {
      const g = wb.sheets[0];
      problem(wb, [0, 1, 2, 3].every((c) => g.cell(0, c)?.error === '#NUM!' && g.cell(0, c)?.value === null) && g.value(0, 4) === 12.5, 'non-finite values are #NUM!');
    },
  },
  // ---- nesting and counts ----
  {
    name: '100,000 nested elements inside a cell',
    build: () => sheet(`<row r="1"><c r="A1" t="inlineStr"><is>${'<r>'.repeat(100_000)}${'</r>'.repeat(100_000)}</is></c></row>`),
    expect: 'corrupt',
    maxMs: 1000,
  },
  {
    name: '10^6 shared strings (within the budget)',
    build: () => workbookWith({ sharedStrings: manySharedStrings(1_000_000), sheet: sheetXml('<row r="1"><c r="A1" t="s"><v>999999</v></c></row>') }),
    expect: 'ok',
    maxMs: 5000,
    check: (wb) => problem(wb, wb.sheets[0].value(0, 0) === 's999999', 'the last string is read'),
  },
  {
    name: 'shared strings beyond the budget (10,001 with a limit of 10,000)',
    build: () => workbookWith({ sharedStrings: manySharedStrings(10_001), sheet: sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>') }),
    limits: { maxSharedStrings: 10_000 },
    expect: 'too-large',
    maxMs: 1000,
  },
  { name: 'cells beyond the budget (10,001 with a limit of 10,000)', build: () => sheet(cells(10_001)), limits: { maxCells: 10_000 }, expect: 'too-large', maxMs: 1000 },
  {
    name: 'text beyond the budget (2 Mi characters of inline string with a limit of 1 Mi)',
    build: () => sheet(`<row r="1"><c r="A1" t="inlineStr"><is><t>${randomHan(2 << 20)}</t></is></c></row>`),
    limits: { maxTextChars: 1 << 20 },
    expect: 'too-large',
    maxMs: 2000,
  },
  {
    name: 'merges beyond the budget (1,001 with a limit of 1,000)',
    build: () => sheet(cells(10), `<mergeCells>${Array.from({ length: 1001 }, (_, i) => `<mergeCell ref="K${i + 1}:L${i + 1}"/>`).join('')}</mergeCells>`),
    limits: { maxMerges: 1000 },
    expect: 'too-large',
    maxMs: 1000,
  },
  {
    name: '2,000 overlapping wide merges over a sheet that reaches XFD1048576',
    build: () => sheet(`${TITLE}<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>`, `<mergeCells>${'<mergeCell ref="B3:XFD1048576"/>'.repeat(2000)}</mergeCells>`),
    expect: 'too-large',
    maxMs: 2000,
  },
  {
    name: 'merges covering more than the indexed-cell budget (1,000 merges of 4,096 cells with a budget of 1 Mi cells)',
    build: () => sheet(`${cells(10)}<row r="4096"><c r="${colName(4100)}4096"><v>1</v></c></row>`, `<mergeCells>${Array.from({ length: 1000 }, (_, i) => `<mergeCell ref="${colName(i * 4 + 11)}1:${colName(i * 4 + 14)}1024"/>`).join('')}</mergeCells>`),
    limits: { maxMergedCells: 1 << 20 },
    expect: 'too-large',
    maxMs: 2000,
  },
];

/** Text that does not compress 200:1 (the sniff would call it a bomb before the text budget is reached). */
function randomHan(n: number): string {
  let seed = 12345;
  let out = '';
  for (let i = 0; i < n; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    out += String.fromCharCode(0x4e00 + (seed >>> 16) % 20000);
  }
  return out;
}

function colName(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** Every 1/20th cut of the 公开 sample and of its .xls copy: a read error, never a crash. */
export const TRUNCATION_CASES: FuzzCase[] = [
  ...truncations('jiangan-2024-gongkai.xlsx'),
  ...(() => {
    const bytes = new Uint8Array(readFileSync(path.join(__dirname, '../fixtures/xls/jiangan-2024-gongkai.xls')));
    return Array.from({ length: 19 }, (_, i) => ({ name: `jiangan-2024-gongkai.xls cut at ${i + 1}/20`, bytes: bytes.slice(0, Math.floor((bytes.length * (i + 1)) / 20)) }));
  })(),
].map(({ name, bytes }) => ({ name, build: () => bytes, expect: 'error', maxMs: 2000 }));

export const ALL_CASES = [...CASES, ...TRUNCATION_CASES];
