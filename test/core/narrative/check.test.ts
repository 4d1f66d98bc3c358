import { readFileSync } from 'fs';
import * as path from 'path';
import { checkNarrative } from '../../../src/core/narrative/check';
import { extractClaims } from '../../../src/core/narrative/claims';
import { buildFacts } from '../../../src/core/narrative/facts';
import { RuleContext } from '../../../src/core/rules/context';
import { FIXTURES, recognizeFixture } from '../../helpers/fixtures';

const SEED = readFileSync(path.join(FIXTURES, 'jiangan-2024-qingkuang.txt'), 'utf8');

async function check(text: string) {
  const r = await recognizeFixture('jiangan-2024-gongkai.xlsx');
  const facts = buildFacts(new RuleContext(r.workbook, r.tables));
  return checkNarrative(extractClaims(text), facts);
}

const checked = <T extends { rule: string }>(findings: T[]): T[] => findings.filter((f) => f.rule !== 'NARRATIVE.unresolved');

describe('checking the seed 情况说明 against the 公开 fixture', () => {
  test('finds the seed\'s wrong shares of 收入 and the misleading 100%, and nothing else', async () => {
    const { findings } = await check(SEED);
    expect(checked(findings).map((f) => [f.rule, f.severity, f.quote, f.expected, f.actual])).toEqual([
      ['NARRATIVE.share', 'error', '98.04%', '99.80%', '98.04%'],
      ['NARRATIVE.share', 'error', '1.96%', '0.20%', '1.96%'],
      ['NARRATIVE.share', 'warning', '100%', '99.80%', '100%'],
    ]);
    const share = findings[0];
    expect(share.source).toBe('narrative');
    expect(share.cells).toEqual(expect.arrayContaining([{ sheet: '公开01表', address: 'C7' }, { sheet: '公开01表', address: 'C33' }]));
    expect(SEED).toContain(share.quote!);
  });

  test('resolves the totals, 收入/支出 parts and every 类 of 五(二) to their facts', async () => {
    const { resolved } = await check(SEED);
    const keys = resolved.map((r) => `${r.claim.quote}→${r.fact.key}`);
    expect(keys).toEqual(
      expect.arrayContaining([
        '22899.22 万元→收支总计',
        '44.96万元→收入.其他',
        '6.53%→支出.基本支出/占比',
        '20958. 26万元→一般公共预算支出.类.221',
        '0. 002 %→一般公共预算支出.类.216/占比',
      ]),
    );
    expect(resolved.length).toBeGreaterThanOrEqual(40);
  });

  test('claims it cannot resolve are listed as info with their quotes, never dropped', async () => {
    const { findings, unresolved, resolved } = await check(SEED);
    const info = findings.filter((f) => f.rule === 'NARRATIVE.unresolved');
    expect(info).toHaveLength(unresolved.length);
    expect(info.every((f) => f.severity === 'info' && SEED.includes(f.quote!))).toBe(true);
    expect(resolved.length + unresolved.length).toBe(extractClaims(SEED).length);
  });
});

describe('mutations of the narrative are each caught with the exact quote', () => {
  const cases: [string, string, string, string][] = [
    ['one amount', '其中: 基本支出 1494.57 万元', '其中: 基本支出 1494.75 万元', '1494.75 万元'],
    ['one amount (一般公共预算 类)', '住房保障支出20958. 26万元', '住房保障支出20985. 26万元', '20985. 26万元'],
    ['one percentage', '占本年支出 6.53%', '占本年支出 6.35%', '6.35%'],
    ['one 类 share', '占91. 70 %', '占97. 10 %', '97. 10 %'],
    ['one growth rate', '收、支总计各增加11584.58万元,增长102.39%', '收、支总计各增加11584.58万元,增长120.39%', '120.39%'],
    ['one direction word', '收、支总计各增加11584.58万元,增长102.39%', '收、支总计各增加11584.58万元,下降102.39%', '102.39%'],
  ];
  test.each(cases)('%s', async (_name, from, to, quote) => {
    expect(SEED).toContain(from);
    const { findings } = await check(SEED.replace(from, to));
    const hit = checked(findings).filter((f) => f.quote === quote && f.severity === 'error');
    expect(hit).toHaveLength(1);
    expect(SEED.replace(from, to)).toContain(hit[0].quote!);
  });
});
