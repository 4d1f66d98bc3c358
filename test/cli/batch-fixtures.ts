/**
 * A generated batch for `gongkai batch` (test/cli/batch.test.ts, bench/run.ts): copies of the
 * sample workbooks, each given a department name of its own and some a fault of a known kind (one
 * cell changed so a known rule fires), a few files that cannot be read (truncated, a text file
 * renamed, an encrypted CFB header, one over the size limit, empty), narratives (the samples'
 * texts with the department renamed) and prior-year workbooks for some departments, in
 * sub-folders. Everything is derived from the index of the copy: the same call gives the same files.
 */
import { mkdirSync, truncateSync, writeFileSync, readFileSync } from 'fs';
import * as path from 'path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

const SAMPLES = path.resolve(__dirname, '../../samples');

/** The samples copied, with the department names each states (longest first: one contains another). */
export const SAMPLE_BOOKS = {
  gongkai: { file: 'jiangan-2024-gongkai.xlsx', departments: ['武汉市江岸区住房保障和房屋管理局'] },
  jixiao: { file: 'jiangan-2024-jixiao.xlsx', departments: ['江岸区住房保障和房屋管理局'] },
  huaihua23: { file: 'huaihua-2023-jixiao.xlsx', departments: ['怀化市住房保障服务中心'] },
  huaihua24: { file: 'huaihua-2024-jixiao.xlsx', departments: ['怀化市住房保障服务中心'] },
  lukou: { file: 'lukou-2022-jixiao.xlsx', departments: ['株洲市渌口区住房保障服务中心'] },
  miluo: { file: 'miluo-2023-jixiao.xlsx', departments: ['汨罗市住房和城乡建设局', '汨罗市住房和城乡建设', '汨罗市住建系统'] },
} as const;

export type SampleName = keyof typeof SAMPLE_BOOKS;

export interface Fault {
  sample: SampleName;
  sheet: string;
  cell: string;
  value: number;
  /** The rule that fires on the changed cell. */
  rule: string;
}

/** One fault of a known kind per sample: the cell, its new value and the rule it makes fire. */
export const FAULTS: Record<SampleName, Fault> = {
  gongkai: { sample: 'gongkai', sheet: '公开01表', cell: 'C7', value: 22000, rule: 'GK01.income-total' },
  jixiao: { sample: 'jixiao', sheet: '部门整体绩效自评表', cell: 'F5', value: 25, rule: 'PERF.score-cap' },
  huaihua23: { sample: 'huaihua23', sheet: '基础数据表', cell: 'B6', value: 9.99, rule: 'BASE.sangong' },
  huaihua24: { sample: 'huaihua24', sheet: '基础数据表', cell: 'F4', value: 50, rule: 'BASE.control-rate' },
  lukou: { sample: 'lukou', sheet: '部门整体支出绩效自评表', cell: 'H26', value: 90, rule: 'PERF.total-score' },
  miluo: { sample: 'miluo', sheet: '基础数据表', cell: 'F4', value: 0.5, rule: 'BASE.control-rate' },
};

type Parts = Record<string, Uint8Array>;

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Every text part of the package with each old department name replaced by `name`. */
function renameDepartment(parts: Parts, old: readonly string[], name: string): void {
  for (const [p, bytes] of Object.entries(parts)) {
    if (!p.endsWith('.xml')) continue;
    let text = strFromU8(bytes);
    for (const o of old) text = text.split(xmlEscape(o)).join(xmlEscape(name));
    parts[p] = strToU8(text);
  }
}

/** The part holding a sheet, by the sheet's name (workbook.xml and its relationships). */
function sheetPart(parts: Parts, sheet: string): string {
  const workbook = strFromU8(parts['xl/workbook.xml']);
  const rels = strFromU8(parts['xl/_rels/workbook.xml.rels']);
  const m = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="([^"]+)"`).exec(workbook);
  if (!m) throw new Error(`no sheet ${sheet}`);
  const target = new RegExp(`<Relationship [^>]*Id="${m[1]}"[^>]*Target="([^"]+)"`).exec(rels) ?? new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${m[1]}"`).exec(rels);
  if (!target) throw new Error(`no relationship ${m[1]}`);
  return target[1].startsWith('/') ? target[1].slice(1) : `xl/${target[1]}`;
}

/** Sets a cell to a number (keeping its style; a formula or text there is replaced). */
export function setCell(parts: Parts, sheet: string, address: string, value: number): void {
  const part = sheetPart(parts, sheet);
  const xml = strFromU8(parts[part]);
  const cell = new RegExp(`<c r="${address}"([^>]*?)(/>|>[\\s\\S]*?</c>)`);
  const m = cell.exec(xml);
  if (!m) throw new Error(`no cell ${sheet}!${address}`);
  const attrs = m[1].replace(/\s+t="[^"]*"/, '');
  parts[part] = strToU8(xml.replace(cell, `<c r="${address}"${attrs}><v>${value}</v></c>`));
}

/** A sample's bytes with its department renamed and, optionally, a fault and its year changed. */
export function sampleCopy(sample: SampleName, department: string, options: { fault?: boolean; year?: [string, string] } = {}): Uint8Array {
  const parts = unzipSync(new Uint8Array(readFileSync(path.join(SAMPLES, SAMPLE_BOOKS[sample].file))));
  renameDepartment(parts, SAMPLE_BOOKS[sample].departments, department);
  if (options.year) {
    const [from, to] = options.year;
    for (const p of Object.keys(parts)) if (p.endsWith('.xml')) parts[p] = strToU8(strFromU8(parts[p]).split(`${from}年`).join(`${to}年`));
  }
  if (options.fault) setCell(parts, FAULTS[sample].sheet, FAULTS[sample].cell, FAULTS[sample].value);
  return zipSync(parts, { level: 6, mtime: new Date(Date.UTC(2024, 0, 1)) });
}

const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const utf16 = (s: string) => Buffer.from(s, 'utf16le');

/** What the batch holds and what the report must say about it. */
export interface BatchFixture {
  dir: string;
  narratives: string;
  priors: string;
  /** Every workbook file under dir (relative), readable or not. */
  files: string[];
  /** The sample copies (the inputs workbook, readable too, is not among them). */
  readable: { file: string; sample: SampleName; department: string; fault: boolean }[];
  /** Unreadable files and a pattern their reason must match. */
  unreadable: { file: string; reason: RegExp }[];
  /** Workbook → narrative (relative to the narratives folder) and how it is matched. */
  narrativeOf: Record<string, { file: string; by: 'department' | 'file-name' }>;
  /** Workbook → prior-year workbook (relative to the priors folder). */
  priorOf: Record<string, { file: string; by: 'department' | 'file-name' }>;
  /** Narratives and priors that go with no workbook. */
  unmatched: string[];
}

const ORDER: SampleName[] = ['gongkai', 'jixiao', 'huaihua23', 'huaihua24', 'lukou', 'miluo'];
const pad = (n: number) => String(n).padStart(3, '0');

/**
 * `total` workbook files under `<root>/books` (10 of them unreadable, one an inputs sheet, the rest
 * sample copies), narratives under
 * `<root>/narratives`, prior-year workbooks under `<root>/priors`.
 */
export function makeBatch(root: string, total = 200): BatchFixture {
  const dir = path.join(root, 'books');
  const narratives = path.join(root, 'narratives');
  const priors = path.join(root, 'priors');
  for (const d of [dir, narratives, priors]) mkdirSync(d, { recursive: true });
  const fixture: BatchFixture = { dir, narratives, priors, files: [], readable: [], unreadable: [], narrativeOf: {}, priorOf: {}, unmatched: [] };
  const put = (base: string, rel: string, bytes: Uint8Array | string) => {
    mkdirSync(path.dirname(path.join(base, rel)), { recursive: true });
    writeFileSync(path.join(base, rel), bytes);
  };
  const text = (name: string) => readFileSync(path.join(SAMPLES, name), 'utf8');
  const unreadableCount = Math.min(10, total - 1);
  const copies = total - unreadableCount - 1;
  for (let i = 0; i < copies; i++) {
    const sample = ORDER[i % ORDER.length];
    const department = `测试市第${pad(i)}单位`;
    // two copies in three of each sample carry its fault
    const fault = Math.floor(i / ORDER.length) % 3 !== 0;
    const [, year, kind] = /-(\d{4})-(\w+)\.xlsx$/.exec(SAMPLE_BOOKS[sample].file)!;
    const rel = `区${(i % 7) + 1}/unit-${pad(i)}-${year}-${kind}.xlsx`;
    put(dir, rel, sampleCopy(sample, department, { fault }));
    fixture.files.push(rel);
    fixture.readable.push({ file: rel, sample, department, fault });
    const rename = (t: string) => SAMPLE_BOOKS[sample].departments.reduce((s, d) => s.split(d).join(department), t);
    // narratives: every other copy of the 江岸 公开 sample, every fourth of the 怀化 ones
    if (sample === 'gongkai' && i % 12 === 0) {
      const n = `情况说明/${department}2024年度部门决算情况说明.txt`;
      put(narratives, n, rename(text('jiangan-2024-qingkuang.txt')));
      fixture.narrativeOf[rel] = { file: n, by: 'department' };
      // and last year's workbook of the same department (the sample, its year put back by one)
      const p = `上年/${department}2023.xlsx`;
      put(priors, p, sampleCopy('gongkai', department, { year: ['2024', '2023'] }));
      fixture.priorOf[rel] = { file: p, by: 'department' };
    }
    if ((sample === 'huaihua23' || sample === 'huaihua24') && Math.floor(i / ORDER.length) % 4 === 1) {
      const n = `自评报告/${department}-${year}-zipingbaogao.txt`;
      put(narratives, n, rename(text(`huaihua-${year}-zipingbaogao.txt`)));
      fixture.narrativeOf[rel] = { file: n, by: 'department' };
    }
    if (sample === 'huaihua24' && Math.floor(i / ORDER.length) % 4 === 1) {
      const p = `上年/unit-${pad(i)}-2023-jixiao.xlsx`;
      put(priors, p, sampleCopy('huaihua23', department));
      fixture.priorOf[rel] = { file: p, by: 'department' };
    }
  }
  // a workbook without a 公开 or 绩效 table (an inputs sheet): no department, no year to match by
  put(dir, '区1/上年数及其他.xlsx', readFileSync(path.join(SAMPLES, 'jiangan-2024-inputs.xlsx')));
  fixture.files.push('区1/上年数及其他.xlsx');
  // a narrative matched by file name only: its text names the original department, which no copy has
  const byName = fixture.readable.find((r) => r.sample === 'gongkai' && !fixture.narrativeOf[r.file])!;
  const byNameText = `unit-${byName.file.match(/unit-(\d{3})/)![1]}-2024-qingkuang.txt`;
  put(narratives, byNameText, text('jiangan-2024-qingkuang.txt'));
  fixture.narrativeOf[byName.file] = { file: byNameText, by: 'file-name' };
  // a narrative of no workbook, and one that cannot be read
  put(narratives, '其他/另一个单位2024年度部门决算情况说明.txt', '第三部分 另一个单位 2024 年度部门决算情况说明\n\n一、收入支出决算总体情况说明\n\n2024年度收、支总计 100.00 万元。\n');
  put(narratives, '其他/损坏的说明.docx', Buffer.from('PK\u0003\u0004 not really a docx'));
  fixture.unmatched.push('其他/另一个单位2024年度部门决算情况说明.txt', '其他/损坏的说明.docx');
  // files that cannot be read
  const good = readFileSync(path.join(SAMPLES, SAMPLE_BOOKS.gongkai.file));
  const bad: [string, () => Uint8Array | string, RegExp][] = [
    ['坏文件/截断-1.xlsx', () => good.subarray(0, 5000), /截断|损坏|truncated|damaged/i],
    ['坏文件/截断-2.xlsx', () => good.subarray(0, good.length - 200), /截断|损坏|truncated|damaged/i],
    ['坏文件/截断-3.xlsm', () => good.subarray(0, 1200), /截断|损坏|truncated|damaged/i],
    ['坏文件/其实是文本.xlsx', () => '这不是工作簿，是改了扩展名的文本文件。\n', /不是|not/i],
    ['坏文件/csv.xlsx', () => '项目,金额\n办公费,12.50\n合计,12.50\n', /CSV/],
    ['坏文件/加密-1.xlsx', () => Buffer.concat([CFB_MAGIC, Buffer.alloc(600), utf16('EncryptionInfo'), utf16('EncryptedPackage')]), /密码|password/i],
    ['坏文件/加密-2.xlsx', () => Buffer.concat([CFB_MAGIC, Buffer.alloc(900), utf16('EncryptionInfo'), utf16('EncryptedPackage')]), /密码|password/i],
    ['坏文件/空文件.xlsx', () => '', /空|empty/i],
    ['坏文件/网页.xls', () => '<html><body><table><tr><td>1</td></tr></table></body></html>', /HTML|网页|not/i],
    ['坏文件/巨大.xlsx', () => '', /MB/],
  ];
  for (const [rel, bytes, reason] of bad.slice(0, unreadableCount)) {
    put(dir, rel, bytes());
    fixture.files.push(rel);
    fixture.unreadable.push({ file: rel, reason });
  }
  // over the 100 MB limit without taking the disk: a sparse file
  if (unreadableCount >= 10) truncateSync(path.join(dir, '坏文件/巨大.xlsx'), 101 * 1024 * 1024);
  // not files of the batch: Excel's lock file, a hidden file
  put(dir, '区1/~$unit-000-2024-gongkai.xlsx', Buffer.from([1, 2, 3]));
  put(dir, '.hidden.xlsx', Buffer.from([1, 2, 3]));
  fixture.files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return fixture;
}
