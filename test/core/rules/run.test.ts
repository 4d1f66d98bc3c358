import { fullMessage } from '../../../src/core/findings';
import { runRules } from '../../../src/core/rules/run';
import { ruleById } from '../../../src/core/rules/registry';
import type { Rule } from '../../../src/core/rules/types';
import { recognizeFixture } from '../../helpers/fixtures';

describe('runRules', () => {
  test('a rule that throws becomes an internal-error finding and the check goes on', async () => {
    const r = await recognizeFixture('jiangan-2024-gongkai.xlsx');
    const broken: Rule = {
      meta: { id: 'TEST.broken', title: '测试：会出错的规则', severity: 'error', identity: '无', tables: ['GK01'], source: 'test', level: 'mandatory', messages: {} },
      check: () => {
        throw new Error('boom');
      },
    };
    const findings = runRules(r.workbook, r.tables, {}, [broken, ruleById('LEDGER.row-sum')!]);
    expect(findings[0]).toMatchObject({ rule: 'internal-error', severity: 'error' });
    expect(findings[0].message).toMatch(/TEST\.broken.*boom/);
    expect(findings.some((f) => f.rule === 'LEDGER.row-sum' && f.severity === 'error')).toBe(true);
  });

  test('a rule runs only when the tables it needs are present', async () => {
    const r = await recognizeFixture('huaihua-2024-jixiao.xlsx');
    const findings = runRules(r.workbook, r.tables, {}, [ruleById('GK01.income-total')!]);
    expect(findings).toEqual([]);
  });

  test('blame: the GK02 cell that breaks both its own row and the tie to GK03 is named as most likely wrong', async () => {
    const r = await recognizeFixture('jiangan-2024-gongkai.xlsx');
    const findings = runRules(r.workbook, r.tables);
    const errors = findings.filter((f) => f.severity === 'error');
    const row = errors.find((f) => f.rule === 'LEDGER.row-sum')!;
    const tie = errors.find((f) => f.rule === 'GK02-GK03.rows')!;
    expect(row.likely).toEqual({ sheet: '公开02表', address: 'C29' });
    expect(tie.likely).toEqual({ sheet: '公开02表', address: 'C29' });
    expect(row.message).not.toMatch(/最可能出错/);
    expect(fullMessage(row)).toMatch(/最可能出错的是 公开02表!C29：它同时使 2 条等式不成立。$/);
  });

  test('no error on a consistent workbook: the published GK01 only has a 尾差', async () => {
    const r = await recognizeFixture('jiangan-2024-gongkai.xlsx');
    const gk01 = runRules(r.workbook, r.tables).filter((f) => f.cells.every((c) => c.sheet === '公开01表'));
    expect(gk01.every((f) => f.severity === 'warning' && f.rounding)).toBe(true);
  });
});
