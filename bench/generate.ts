/** Generated workbooks for the bench: a consistent GK03 of any size, as a grid and as .xlsx bytes. */
import { strToU8, zipSync } from 'fflate';
import { FUNCTIONAL_CLASSES } from '../src/core/catalog/functional-classes';
import { rangeToA1, toA1 } from '../src/core/grid/address';
import { Grid } from '../src/core/grid/grid';

/** A GK03 支出决算表 with `n` 项 rows under 类/款 subtotal rows, as a national-template export. */
export function generatedGk03(n: number, perKuan = 10): Grid {
  // 50 款 per 类; 30 类 × 50 款 × perKuan 项 rows at most (15,000 with 10 per 款, 135,000 with 90).
  const perClass = perKuan * 50;
  if (n > FUNCTIONAL_CLASSES.length * perClass) throw new RangeError(`at most ${FUNCTIONAL_CLASSES.length * perClass} rows with ${perKuan} 项 per 款`);
  const g = new Grid({ name: 'Sheet1' });
  const put = (r: number, c: number, v: string | number) => g.set(r, c, { value: v });
  put(0, 0, '2024年度支出决算表');
  put(1, 7, '公开03表');
  put(2, 0, '部门：某部门');
  put(2, 7, '单位：万元');
  ['科目编码', '科目名称', '本年支出合计', '基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出'].forEach((h, c) => put(3, c, h));
  put(4, 0, '类款项');
  put(4, 1, '栏次');
  for (let c = 2; c < 8; c++) put(4, c, c - 1);
  // A consistent table (every subtotal equals its children), so the check measures the normal case.
  // Amounts in cents to keep the sums exact: each 项 12.34, each 款 of perKuan 项, each 类 of 50 款.
  const money = (cents: number) => cents / 100;
  put(5, 1, '合计');
  put(5, 2, money(1234 * n));
  put(5, 3, money(1234 * n));
  let r = 6;
  for (let i = 0; i < n; i++) {
    const cls = FUNCTIONAL_CLASSES[Math.floor(i / perClass)];
    const lei = cls.code;
    const kuan = `${lei}${String(1 + Math.floor((i % perClass) / perKuan)).padStart(2, '0')}`;
    if (i % perClass === 0) {
      const items = Math.min(perClass, n - i);
      put(r, 0, lei);
      put(r, 1, cls.name);
      put(r, 2, money(1234 * items));
      put(r++, 3, money(1234 * items));
    }
    if (i % perKuan === 0) {
      const items = Math.min(perKuan, n - i);
      put(r, 0, kuan);
      put(r, 1, '款');
      put(r, 2, money(1234 * items));
      put(r++, 3, money(1234 * items));
    }
    put(r, 0, `${kuan}${String(1 + (i % perKuan)).padStart(2, '0')}`);
    put(r, 1, '项目名称');
    put(r, 2, 12.34);
    put(r++, 3, 12.34);
  }
  g.addMerge({ top: 0, left: 0, bottom: 0, right: 7 });
  return g;
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A one-sheet .xlsx of `grid` (numbers and inline strings, merges), written directly: a 100,000-row sheet in well under a second. */
export function gridToXlsx(grid: Grid): Uint8Array {
  const rows: string[] = [];
  for (let r = 0; r < grid.rowCount; r++) {
    let row = '';
    for (let c = 0; c < grid.colCount; c++) {
      const v = grid.value(r, c);
      if (v === null) continue;
      row += typeof v === 'number' ? `<c r="${toA1(r, c)}"><v>${v}</v></c>` : `<c r="${toA1(r, c)}" t="inlineStr"><is><t>${esc(String(v))}</t></is></c>`;
    }
    if (row) rows.push(`<row r="${r + 1}">${row}</row>`);
  }
  const merges = grid.merges.length ? `<mergeCells count="${grid.merges.length}">${grid.merges.map((m) => `<mergeCell ref="${rangeToA1(m)}"/>`).join('')}</mergeCells>` : '';
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>'),
    '_rels/.rels': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    'xl/workbook.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook ${NS}><sheets><sheet name="${esc(grid.name)}" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/></Relationships>`),
    'xl/styles.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet ${NS}><fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>`),
    'xl/worksheets/sheet1.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet ${NS}><sheetData>${rows.join('')}</sheetData>${merges}</worksheet>`),
  });
}
