import { readFileSync } from 'fs';
import * as path from 'path';
import type { Finding } from '../../../src/core/findings';
import { NarrativeSession } from '../../../src/core/narrative/session';
import { FIXTURES, loadFixture } from '../../helpers/fixtures';

/**
 * Every narrative text of the seeds, checked against the workbook of its tables: each error the text
 * holds is found (test/fixtures/narratives/README.md lists them), and nothing else is reported but the
 * numbers nothing could be tied to (info).
 */
const NARRATIVES = path.resolve(__dirname, '../../fixtures/narratives');
const textOf = (file: string) => readFileSync(file.startsWith('jiangan-2024-qingkuang') ? path.join(FIXTURES, file) : path.join(NARRATIVES, file), 'utf8');

async function check(book: string | null, file: string): Promise<{ findings: Finding[]; text: string }> {
  const text = textOf(file);
  const workbook = book ? await loadFixture(book) : { name: 'none', sheets: [] };
  return { findings: new NarrativeSession(workbook).check(text).findings, text };
}

const found = (findings: Finding[]) => findings.filter((f) => !f.unresolved).map((f) => [f.rule, f.severity, f.quote]);

const CASES: [book: string, text: string, expected: [rule: string, severity: string, quote: string][]][] = [
  [
    'jiangan-2024-gongkai.xlsx',
    'jiangan-2024-qingkuang.txt',
    [
      ['NARRATIVE.share', 'error', '98.04%'],
      ['NARRATIVE.share', 'error', '1.96%'],
      ['NARRATIVE.share', 'warning', '100%'],
      ['NARRATIVE.sum', 'error', '1405.65万元'],
      ['NARRATIVE.duplicate', 'warning', '青年人才之家运营补贴资金'],
      ['NARRATIVE.completion', 'warning', '2.04%'],
      ['NARRATIVE.completion', 'warning', '0%'],
      ['NARRATIVE.share', 'error', '23.42%'],
      ['NARRATIVE.subject', 'error', '21311.62 万元'],
      ['NARRATIVE.repeat', 'warning', '14764户'],
      ['NARRATIVE.repeat', 'warning', '129.73 万平方米'],
      ['NARRATIVE.unit', 'warning', '325 户'],
    ],
  ],
  [
    'jiangan-2024-jixiao.xlsx',
    'jiangan-2024-zipingjieguo.txt',
    [
      ['NARRATIVE.repeat', 'warning', '240 栋'],
      ['NARRATIVE.repeat', 'warning', '14764 户'],
      ['NARRATIVE.repeat', 'warning', '129.73 万平方米'],
      ['NARRATIVE.rate', 'error', '200%'],
      ['NARRATIVE.unit', 'warning', '325 户'],
    ],
  ],
  ['huaihua-2023-jixiao.xlsx', 'huaihua-2023-zipingbaogao.txt', [['NARRATIVE.change', 'error', '12.09万元']]],
  [
    'huaihua-2024-jixiao.xlsx',
    'huaihua-2024-zipingbaogao.txt',
    [
      ['NARRATIVE.amount', 'error', '77.51万元'],
      ['NARRATIVE.sum', 'error', '2680.1万元'],
      ['NARRATIVE.sum', 'error', '13处'],
    ],
  ],
  [
    'lukou-2022-jixiao.xlsx',
    'lukou-2022-zipingbaogao.txt',
    [
      ['NARRATIVE.amount', 'warning', '17075.35万元'],
      ['NARRATIVE.unit', 'error', '18.6元'],
    ],
  ],
  [
    'miluo-2023-jixiao.xlsx',
    'miluo-2023-zipingbaogao.txt',
    [
      ['NARRATIVE.amount', 'error', '35万元'],
      ['NARRATIVE.subject', 'warning', '100%'],
      ['NARRATIVE.amount', 'warning', '334.73万元'],
    ],
  ],
];

describe.each(CASES)('%s with %s', (book, file, expected) => {
  test('finds every error the text holds, and nothing else', async () => {
    const { findings, text } = await check(book, file);
    expect(found(findings)).toEqual(expected);
    for (const f of findings) {
      expect(text).toContain(f.quote);
      expect(f.location).toEqual(expect.objectContaining({ paragraph: expect.any(Number), line: expect.any(Number) }));
      expect(f.messageId).toBeDefined();
    }
  });
});

describe('the findings say where they are', () => {
  test('the line and paragraph of the quote, and the heading it falls under', async () => {
    const { findings, text } = await check('lukou-2022-jixiao.xlsx', 'lukou-2022-zipingbaogao.txt');
    const slip = findings.find((f) => f.quote === '18.6元')!;
    const lines = text.split('\n');
    expect(lines[slip.location!.line - 1]).toContain('朱亭镇房租收入18.6元');
    expect(slip.location!.heading).toBe('三、部门整体支出绩效情况');
    // one paragraph a line here (each ends with 。); the first is the title
    expect(slip.location!.paragraph).toBeGreaterThan(20);
  });

  test('"0%" stands many times in the seed text: each finding is told apart by its heading and place', async () => {
    const { findings } = await check('jiangan-2024-gongkai.xlsx', 'jiangan-2024-qingkuang.txt');
    const zero = findings.find((f) => f.quote === '0%' && !f.unresolved)!;
    expect(zero.location).toEqual({ paragraph: 55, line: 88, heading: '九、财政拨款"三公"经费支出决算情况说明' });
  });
});

describe('without the tables, the errors a text holds in itself', () => {
  test('汨罗 帮代办: "实际完成100%" against the report\'s own 预算 45 and 支出 35', async () => {
    const { findings } = await check(null, 'miluo-2023-zipingbaogao.txt');
    expect(found(findings)).toEqual([
      ['NARRATIVE.rate', 'error', '100%'],
      ['NARRATIVE.subject', 'warning', '100%'],
    ]);
    expect(findings[0].message).toMatch(/帮代办工作经费预算 45万元、支出 35万元，使用率应为 77\.78%/);
  });

  test('渌口: the 元 that makes the 房租 list add up, and nothing else', async () => {
    const { findings } = await check(null, 'lukou-2022-zipingbaogao.txt');
    expect(found(findings)).toEqual([['NARRATIVE.unit', 'error', '18.6元']]);
  });
});
