import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import * as path from 'path';
import { functionalNameStatus } from '../../../src/core/catalog/functional';
import { recognizeWorkbook } from '../../../src/core/tables/recognize';
import { itemName } from '../../../src/core/grid/text';
import { loadXlsx } from '../../../src/hosts/xlsx/load';

/**
 * Every 支出功能分类 code printed in a fixture workbook (samples/*.xlsx and test/fixtures/real/**.xlsx)
 * must be in the catalog, with the name the fixture prints as its name or an alias. A fixture that
 * brings a code the catalog lacks fails here: add the code from a published source (SOURCES.md).
 *
 * PRINTED_MISTAKES lists fixture cells that print a wrong name on purpose (a real published
 * mistake kept in the fixture), as `file|code|printed name`.
 */
const PRINTED_MISTAKES = new Set<string>([]);

const ROOT = path.resolve(__dirname, '../../..');
const DIRS = [path.join(ROOT, 'samples'), path.join(ROOT, 'test/fixtures/real')];

function workbooks(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...workbooks(p));
    else if (/\.xlsx$/i.test(name)) out.push(p);
  }
  return out.sort();
}

function yearOf(file: string): number | null {
  const m = /(20\d\d)/.exec(path.basename(file));
  return m ? Number(m[1]) : null;
}

interface Printed {
  file: string;
  sheet: string;
  code: string;
  name: string;
  year: number | null;
}

async function printedCodes(file: string): Promise<Printed[]> {
  const workbook = await loadXlsx(new Uint8Array(readFileSync(file)), path.basename(file));
  const out: Printed[] = [];
  for (const t of recognizeWorkbook(workbook).tables) {
    for (const line of t.lines) {
      const code = line.code;
      // 功能分类 codes start with 2 (经济分类 3xx are the GK06 rows, not this catalog's).
      if (!code || !/^2\d{2}(\d{2}){0,2}$/.test(code)) continue;
      const name = t.type === 'GK01' || t.type === 'GK04' ? itemName(line.label) : line.label;
      out.push({ file: path.relative(ROOT, file), sheet: t.sheet, code, name, year: t.year ?? yearOf(file) });
    }
  }
  return out;
}

const FILES = [...DIRS.flatMap(workbooks)];

describe('the catalog covers every code printed in the fixtures', () => {
  it('finds fixture workbooks', () => {
    expect(FILES.length).toBeGreaterThan(0);
  });

  it.each(FILES.map((f) => [path.relative(ROOT, f), f]))('%s', async (_name, file) => {
    const printed = await printedCodes(file);
    const problems: string[] = [];
    for (const p of printed) {
      if (PRINTED_MISTAKES.has(`${p.file}|${p.code}|${p.name}`)) continue;
      const r = functionalNameStatus(p.code, p.name, p.year);
      if (r.status === 'unknown') problems.push(`${p.sheet}: ${p.code} ${p.name} is not in the catalog`);
      else if (r.status === 'differs') problems.push(`${p.sheet}: ${p.code} ${p.name} ≠ catalog ${r.subject?.name}`);
    }
    expect(problems).toEqual([]);
  });
});
