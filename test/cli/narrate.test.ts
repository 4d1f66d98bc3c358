import ExcelJS from 'exceljs';
import { copyFileSync, existsSync, readFileSync } from 'fs';
import * as path from 'path';
import { docxText } from '../../src/hosts/word/docx-text';
import { cli } from '../helpers/cli';
import { FIXTURES } from '../helpers/fixtures';
import { withInputValues } from '../helpers/inputs-sheet';
import { tempDir } from '../helpers/temp-dir';

const BOOK = path.join(FIXTURES, 'jiangan-2024-gongkai.xlsx');
/** The line narrate prints when it drafts 十三 from the 绩效 workbook it found beside BOOK. */
const FOUND_BESIDE =
  '十三、预算绩效情况说明据同一文件夹中的“jiangan-2024-jixiao.xlsx”起草（--jixiao 指定其他文件，--no-jixiao 不使用）。 / Section 十三 drafted from "jiangan-2024-jixiao.xlsx" found beside BOOK (--jixiao to choose, --no-jixiao to skip).\n';

/**
 * A stand-in for last year's workbook: the same tables with their year set to 2023 (generated for the
 * tests, not real data — every change against it is 持平, which makes the drafting easy to see).
 */
let PRIOR = '';
beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(BOOK);
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => {
    if (typeof c.value === 'string' && c.value.includes('2024')) c.value = c.value.replace(/2024/g, '2023');
  })));
  PRIOR = path.join(tempDir('gk-narrate-prior-'), 'jiangan-2023.xlsx');
  await wb.xlsx.writeFile(PRIOR);
});

describe('gongkai narrate', () => {
  test('writes a .docx whose text holds the sections, the table numbers and marked slots', async () => {
    const dir = tempDir('gk-narrate-');
    const out = path.join(dir, '情况说明.docx');
    const r = await cli('narrate', BOOK, '-o', out);
    // the department's 绩效 workbook lies beside the 公开 one: found, used for 十三, and said
    expect([r.code, r.stderr]).toEqual([0, FOUND_BESIDE]);
    expect(r.stdout).toMatch(/处待填写或确认/);
    const text = await docxText(new Uint8Array(readFileSync(out)), '情况说明.docx');
    for (const heading of ['一、收入支出决算总体情况说明', '六、一般公共预算财政拨款基本支出决算情况说明', '九、财政拨款"三公"经费支出决算情况说明', '附：数字来源']) {
      expect(text.replace(/[“”]/g, '"')).toContain(heading);
    }
    expect(text).toContain('其中：财政拨款收入22854.27万元，占本年收入99.80%。');
    expect(text).toContain('【上年数（2023年度收、支总计，万元）】');
    expect(text).toMatch(/22899\.22 收、支总计：公开01表!C37/);
    // 十三 from the 绩效 workbook, its cells named with their file
    expect(text).toContain('共涉及项目7个，资金21311.62万元，占一般公共预算项目支出总额的99.57%。');
    expect(text).toContain('2024年度部门整体支出绩效自评得分为99分');
    expect(text).toMatch(/21311\.62 项目自评 执行数合计：jiangan-2024-jixiao\.xlsx 物业管理!D8、/);
  });

  test('the workbook itself as --prior is refused: a prior of the same year drafts 持平 everywhere', async () => {
    const r = await cli('narrate', BOOK, '--prior', BOOK, '--format', 'txt');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/与本工作簿同为 2024 年度，不能作为上年数/);
  });

  test('with --prior the year-over-year sentences are drafted, never invented without it', async () => {
    // the 2023 stand-in holds the same figures: every change is 持平
    const r = await cli('narrate', BOOK, '--prior', PRIOR, '--format', 'txt');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/与2023年度相比，收、支总计持平/);
    expect(r.stdout).not.toContain('上年数（2023年度收、支总计');
  });

  test('refuses an existing output without --force (exit 73) and a .docx without -o (exit 64)', async () => {
    const dir = tempDir('gk-narrate-');
    const out = path.join(dir, 'a.docx');
    expect((await cli('narrate', BOOK, '-o', out)).code).toBe(0);
    const before = readFileSync(out);
    expect((await cli('narrate', BOOK, '-o', out)).code).toBe(73);
    expect(readFileSync(out).equals(before)).toBe(true);
    expect((await cli('narrate', BOOK)).code).toBe(64);
    expect(existsSync(path.join(dir, 'b.docx'))).toBe(false);
  });
});

describe('gongkai narrate: the 上年数及其他 inputs sheet', () => {
  /** Writes a copy of `source` (or a new workbook) with the 上年数及其他 rows filled as given. */
  const withValues = withInputValues;

  test('the draft is checked as a finished text: 年初预算 of the 类 that miss the total are said on stderr, the draft stays clean', async () => {
    const dir = tempDir('gk-narrate-');
    const template = path.join(dir, 't.xlsx');
    expect((await cli('narrate', BOOK, '--inputs-template', template)).code).toBe(0);
    const byClass = (name: string, code: string) => `一般公共预算财政拨款支出年初预算（按类）：${name}（${code}）`;
    // the seed's figures: its 类 add up to 1460.67, its total says 1405.65
    const seed = {
      一般公共预算财政拨款支出年初预算: 1405.65,
      [byClass('一般公共服务支出', '201')]: 0,
      [byClass('科学技术支出', '206')]: 0,
      [byClass('社会保障和就业支出', '208')]: 112.83,
      [byClass('卫生健康支出', '210')]: 67.46,
      [byClass('节能环保支出', '211')]: 0,
      [byClass('城乡社区支出', '212')]: 1151.42,
      [byClass('商业服务业等支出', '216')]: 0,
      [byClass('住房保障支出', '221')]: 128.96,
    };
    const inconsistent = await withValues(template, path.join(dir, 'seed.xlsx'), seed);
    const r = await cli('narrate', BOOK, '--no-jixiao', '--inputs', inconsistent, '--format', 'txt');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^草稿自检：有 1 处数字前后不一致/);
    expect(r.stderr).toContain('“1405.65万元”');
    expect(r.stderr).toContain('[NARRATIVE.sum]');
    expect(r.stdout).not.toContain('草稿自检');
    const fixed = await withValues(template, path.join(dir, 'fixed.xlsx'), { ...seed, [byClass('社会保障和就业支出', '208')]: 57.81 });
    const ok = await cli('narrate', BOOK, '--no-jixiao', '--inputs', fixed, '--format', 'txt');
    expect([ok.code, ok.stderr]).toEqual([0, '']);
  });

  test('--inputs-template writes the sheet for BOOK and never overwrites an existing file', async () => {
    const dir = tempDir('gk-narrate-');
    const out = path.join(dir, '上年数及其他.xlsx');
    const r = await cli('narrate', BOOK, '--inputs-template', out);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toMatch(/已写出 上年数及其他\.xlsx：“上年数及其他”表 \d+ 项待填写/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('上年数及其他')!;
    const labels: string[] = [];
    ws.eachRow((row) => labels.push(String(row.getCell(1).value)));
    expect(labels).toEqual(expect.arrayContaining(['上年数及其他（起草情况说明用）', '项目', '2023年度收、支总计', '机关运行经费年初预算', '2023年度支出决算（按类）：住房保障支出（221）']));

    const before = readFileSync(out);
    const again = await cli('narrate', BOOK, '--inputs-template', out);
    expect(again.code).toBe(73);
    expect(again.stderr).toMatch(/已存在，未覆盖/);
    expect(readFileSync(out).equals(before)).toBe(true);
    // the advice names --force, and --force does what it says
    expect(again.stderr).toMatch(/或用 --force 覆盖/);
    const forced = await cli('narrate', BOOK, '--inputs-template', out, '--force');
    expect([forced.code, forced.stderr]).toEqual([0, '']);
  });

  test('--inputs reads the filled template; its values win over --prior, the rest stay slots', async () => {
    const dir = tempDir('gk-narrate-');
    const template = path.join(dir, 't.xlsx');
    expect((await cli('narrate', BOOK, '--inputs-template', template)).code).toBe(0);
    const filled = await withValues(template, path.join(dir, 'filled.xlsx'), { '2023年度收、支总计': '11314. 64', 机关运行经费年初预算: 55.89 });

    const r = await cli('narrate', BOOK, '--no-jixiao', '--inputs', filled, '--format', 'txt');
    expect([r.code, r.stderr]).toEqual([0, '']);
    const text = r.stdout.replace(/\s+/g, '');
    expect(text).toContain('收、支总计各增加11584.58万元，增长102.39%');
    expect(text).toContain('比年初预算数增加18.26万元，增长32.67%');
    expect(text).toContain('【上年数（2023年度收入合计，万元）】');

    // --prior alone makes every change 持平; the sheet's 收、支总计 wins over it, --prior fills the rest
    const both = await cli('narrate', BOOK, '--prior', PRIOR, '--inputs', filled, '--format', 'txt');
    expect(both.code).toBe(0);
    expect(both.stdout).toMatch(/收、支总计各增加11584\.58万元/);
    expect(both.stdout).toMatch(/与2023年度相比，收入合计持平/);
  });

  test('a 上年数及其他 sheet inside BOOK is read automatically', async () => {
    const dir = tempDir('gk-narrate-');
    const book = await withValues(BOOK, path.join(dir, 'book.xlsx'), { '2023年度收、支总计': 11314.64 });
    const r = await cli('narrate', book, '--format', 'md');
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toMatch(/收、支总计各增加11584\.58万元/);
  });

  test('an unreadable value stops the draft with the problem listed (exit 2); a file without the sheet too', async () => {
    const dir = tempDir('gk-narrate-');
    const bad = await withValues(null, path.join(dir, 'bad.xlsx'), { '2023年度收、支总计': '一万多' });
    const out = path.join(dir, 'x.docx');
    const r = await cli('narrate', BOOK, '--inputs', bad, '-o', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/“2023年度收、支总计”的数值“一万多”不是金额/);
    expect(existsSync(out)).toBe(false);

    const none = await cli('narrate', BOOK, '--inputs', BOOK, '--format', 'txt');
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/没有名为“上年数及其他”的工作表/);
  });

  test('flag errors are usage errors (exit 64) that explain the inputs options and their precedence', async () => {
    const r = await cli('narrate', BOOK, '--inputs');
    expect(r.code).toBe(64);
    expect(r.stderr).toMatch(/--inputs 需要参数 INPUTS\.xlsx/);
    expect(r.stderr).toMatch(/优先级：--inputs 的表 > BOOK 中的“上年数及其他”表 > --prior/);
    expect((await cli('narrate', BOOK, '--inputs-template', 'a.xlsx', '-o', 'b.docx')).code).toBe(64);
    expect((await cli('narrate', BOOK, '--inputs-template', 'a.docx')).code).toBe(64);
  });
});

describe('gongkai narrate on 绩效 workbooks', () => {
  test('a 绩效-only workbook gives the 自评结果 of its 整体 and 项目 tables', async () => {
    const r = await cli('narrate', path.join(FIXTURES, 'jiangan-2024-jixiao.xlsx'), '--format', 'txt');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('部门整体绩效自评得分：99分');
    expect(r.stdout).toContain('老旧小区改造项目绩效自评结果');
    expect(r.stdout).toMatch(/预算为28606\.98万元，执行10220\.42万元，执行率35\.73%/);
    expect(r.stdout).not.toContain('一、收入支出决算总体情况说明');
  });
});

describe('gongkai narrate: the output\'s extension decides the format', () => {
  const isZip = (file: string) => readFileSync(file).subarray(0, 2).toString() === 'PK';

  test('-o y.md writes Markdown, -o y.txt text, -o y.docx Word', async () => {
    const dir = tempDir('gk-narrate-ext-');
    for (const [name, zip] of [['y.md', false], ['y.txt', false], ['y.docx', true], ['Y.MD', false]] as const) {
      const out = path.join(dir, name);
      const r = await cli('narrate', BOOK, '-o', out);
      expect([name, r.code]).toEqual([name, 0]);
      expect([name, isZip(out)]).toEqual([name, zip]);
    }
    expect(readFileSync(path.join(dir, 'y.md'), 'utf8')).toMatch(/^# /m);
    expect(readFileSync(path.join(dir, 'y.txt'), 'utf8')).not.toMatch(/^# /m);
  });

  test('--format that agrees is fine; one that contradicts the extension is a usage error (64), nothing written', async () => {
    const dir = tempDir('gk-narrate-ext-');
    expect((await cli('narrate', BOOK, '-o', path.join(dir, 'a.md'), '--format', 'md')).code).toBe(0);
    for (const [name, format] of [['x.docx', 'md'], ['y.md', 'docx'], ['z.txt', 'md']]) {
      const r = await cli('narrate', BOOK, '-o', path.join(dir, name), '--format', format);
      expect(r.code).toBe(64);
      expect(r.stderr.split('\n')[0]).toMatch(/扩展名.*--format.* \/ .*extension/);
      expect(existsSync(path.join(dir, name))).toBe(false);
    }
  });

  test('an extension that says no format needs --format; a workbook name is never a draft', async () => {
    const dir = tempDir('gk-narrate-ext-');
    expect((await cli('narrate', BOOK, '-o', path.join(dir, 'draft'))).code).toBe(64);
    expect((await cli('narrate', BOOK, '-o', path.join(dir, 'draft'), '--format', 'txt')).code).toBe(0);
    expect((await cli('narrate', BOOK, '-o', path.join(dir, 'draft.xlsx'), '--format', 'md')).code).toBe(64);
    expect(existsSync(path.join(dir, 'draft.xlsx'))).toBe(false);
  });
});

describe('the bundled inputs sheet samples/jiangan-2024-inputs.xlsx', () => {
  const SAMPLE = path.resolve(__dirname, '../../samples/jiangan-2024-inputs.xlsx');
  const SEED = path.resolve(__dirname, '../../samples/jiangan-2024-qingkuang.txt');
  const flat = (s: string) => s.replace(/\s+/g, '').replace(/，/g, ',').replace(/：/g, ':').replace(/；/g, ';');

  test('every value it holds is quoted from the published report, and the quote holds the value', async () => {
    const seed = flat(readFileSync(SEED, 'utf8'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(SAMPLE);
    const ws = wb.getWorksheet('上年数及其他')!;
    let filled = 0;
    ws.eachRow((row, r) => {
      const value = row.getCell(2).value;
      if (r <= 2 || typeof value !== 'number') return;
      filled++;
      const note = String(row.getCell(4).value);
      const quote = /“(.+)”/.exec(note)?.[1];
      expect([String(row.getCell(1).value), quote && seed.includes(flat(quote))]).toEqual([String(row.getCell(1).value), true]);
      expect(flat(quote!)).toMatch(new RegExp(`(^|[^\\d.])${String(value).replace('.', '\\.')}(万元|辆)`));
    });
    expect(filled).toBe(20);
  });

  test('narrate --inputs with it drafts the 年初预算, 政府采购 and 车辆 sentences and flags the report\'s own 1405.65', async () => {
    const r = await cli('narrate', BOOK, '--no-jixiao', '--inputs', SAMPLE, '--format', 'txt');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('政府采购支出总额【政府采购支出总额：2105.14】万元');
    expect(r.stdout).toContain('共有车辆【车辆总数：4】辆');
    expect(r.stdout).toContain('【上年数（2023年度收、支总计，万元）】');
    expect(r.stderr).toMatch(/^草稿自检：有 1 处/);
    expect(r.stderr).toContain('“1405.65万元”');
  });
});

describe('gongkai narrate: 十三 from the department\'s 绩效 workbook', () => {
  const JIXIAO = path.join(FIXTURES, 'jiangan-2024-jixiao.xlsx');
  const section13 = (text: string) => text.slice(text.indexOf('十三、预算绩效情况说明'));

  test('--jixiao names it: the 7 项目自评表 give 十三 (一) and (三), the 部门整体 自评表 its 总分 in (二)', async () => {
    const dir = tempDir('gk-narrate-jx-');
    const book = path.join(dir, 'book.xlsx');
    copyFileSync(BOOK, book);
    const r = await cli('narrate', book, '--jixiao', JIXIAO, '--format', 'txt');
    expect([r.code, r.stderr]).toEqual([0, '']);
    const s13 = section13(r.stdout);
    expect(s13).toContain('共涉及项目7个，资金21311.62万元，占一般公共预算项目支出总额的99.57%。');
    expect(s13).toContain('2. 老旧小区改造项目绩效自评综述：预算28606.98万元，执行10220.42万元，执行率35.73%。');
    expect(s13).toContain('自评得分为99分，评价等级为“【评价等级：优（建议）】”');
    expect(s13).not.toContain('【项目个数】');
  });

  test('--no-jixiao, or no 绩效 workbook beside BOOK: 十三 keeps its slots and nothing is said', async () => {
    const alone = tempDir('gk-narrate-jx-');
    const book = path.join(alone, 'book.xlsx');
    copyFileSync(BOOK, book);
    const r = await cli('narrate', book, '--format', 'txt');
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(section13(r.stdout)).toContain('共涉及项目【项目个数】个');
    const skipped = await cli('narrate', BOOK, '--no-jixiao', '--format', 'txt');
    expect([skipped.code, skipped.stderr]).toEqual([0, '']);
    expect(section13(skipped.stdout)).toContain('【部门整体支出绩效自评结果】');
  });

  test('a 绩效 workbook of another department or year is refused with its reason (exit 2), nothing written', async () => {
    const dir = tempDir('gk-narrate-jx-');
    const out = path.join(dir, 'draft.docx');
    const r = await cli('narrate', BOOK, '--jixiao', path.join(FIXTURES, 'miluo-2023-jixiao.xlsx'), '-o', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^“miluo-2023-jixiao\.xlsx”是 2023 年度的绩效自评，本工作簿是 2024 年度；十三未从中起草。/);
    expect(existsSync(out)).toBe(false);
    const gongkai = await cli('narrate', BOOK, '--jixiao', BOOK, '--format', 'txt');
    expect(gongkai.code).toBe(2);
    expect(gongkai.stderr).toMatch(/中没有识别出项目支出或部门整体绩效自评表/);
  });

  test('two candidates beside BOOK: neither is guessed, both are named', async () => {
    const dir = tempDir('gk-narrate-jx-');
    const book = path.join(dir, 'book.xlsx');
    copyFileSync(BOOK, book);
    copyFileSync(JIXIAO, path.join(dir, '绩效自评.xlsx'));
    copyFileSync(JIXIAO, path.join(dir, 'jixiao-copy.xlsx'));
    // a workbook of another year beside it is no candidate at all
    copyFileSync(path.join(FIXTURES, 'miluo-2023-jixiao.xlsx'), path.join(dir, 'miluo-jixiao.xlsx'));
    const r = await cli('narrate', book, '--format', 'txt');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^同一文件夹中有 2 个同部门、同年度的绩效工作簿（“jixiao-copy\.xlsx”、“绩效自评\.xlsx”），未使用；请用 --jixiao 指定。/);
    expect(section13(r.stdout)).toContain('【项目个数】');
  });

  test('--jixiao with --no-jixiao, or with --inputs-template, is a usage error', async () => {
    expect((await cli('narrate', BOOK, '--jixiao', JIXIAO, '--no-jixiao', '--format', 'txt')).code).toBe(64);
    expect((await cli('narrate', BOOK, '--jixiao', JIXIAO, '--inputs-template', 'a.xlsx')).code).toBe(64);
  });
});

describe('gongkai narrate: the sources appendix', () => {
  test('on by default, in words, a 绩效 file named once per line; --no-sources leaves it out; md/txt take no --no-sources', async () => {
    const dir = tempDir('gk-narrate-src-');
    const withSources = path.join(dir, 'a.docx');
    expect((await cli('narrate', BOOK, '--jixiao', path.join(FIXTURES, 'jiangan-2024-jixiao.xlsx'), '-o', withSources)).code).toBe(0);
    const text = await docxText(new Uint8Array(readFileSync(withSources)), 'a.docx');
    expect(text).toContain('附：数字来源');
    expect(text).toMatch(/\d+\. 2\.04% “三公”经费支出决算 合计 完成全年预算的比例：公开09表!G8、公开09表!A8/);
    const projects = text.split('\n').find((l) => /^\d+\. 21311\.62 /.test(l))!;
    expect(projects.match(/jiangan-2024-jixiao\.xlsx/g)).toHaveLength(1);
    expect(text).not.toMatch(/三公\.决算|\/完成率|→/);
    const without = path.join(dir, 'b.docx');
    expect((await cli('narrate', BOOK, '--no-jixiao', '--no-sources', '-o', without)).code).toBe(0);
    expect(await docxText(new Uint8Array(readFileSync(without)), 'b.docx')).not.toContain('附：数字来源');
    expect((await cli('narrate', BOOK, '--no-sources', '--format', 'md')).code).toBe(64);
    expect((await cli('narrate', BOOK, '--no-sources', '-o', path.join(dir, 'c.txt'))).code).toBe(64);
  });
});
