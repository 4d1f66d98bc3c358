import type { CheckReport, Finding } from '../../src/core/findings';
import { formatText } from '../../src/cli/reporters';

const finding = (over: Partial<Finding>): Finding => ({
  rule: 'TEST.rule',
  severity: 'warning',
  cells: [{ sheet: '表1', address: 'C5' }],
  expected: null,
  actual: null,
  message: '测试',
  id: 'TEST.rule|表1!C5',
  ...over,
});

const report = (findings: Finding[], tables = 1): CheckReport => ({
  file: 'a.xlsx',
  tables: Array.from({ length: tables }, (_, i) => ({ sheet: '表1', type: 'GK01' as const, title: `表${i}`, year: 2024, unit: '万元' as const, range: 'A1:F39', department: null, label: null })),
  findings,
  unrecognized: [],
});

describe('formatText', () => {
  test('shows only the values that are known: no "应为 —"', () => {
    const text = formatText(report([finding({ actual: '0.50' }), finding({ expected: '1.00', id: 'x#2' }), finding({ expected: '2.00', actual: '3.00', id: 'x#3' })]));
    expect(text).toContain('（实为 0.50）');
    expect(text).toContain('（应为 1.00）');
    expect(text).toContain('（应为 2.00，实为 3.00）');
    expect(text).not.toContain('—');
  });

  test('the English summary counts in the singular and the plural', () => {
    const one = formatText(report([finding({ severity: 'error' }), finding({ id: 'w' }), finding({ severity: 'info', id: 'i' })], 1));
    expect(one).toMatch(/ \/ 1 table recognized, 0 unrecognized; 1 error, 1 warning, 1 info\.$/);
    const many = formatText(report([], 2));
    expect(many).toMatch(/ \/ 2 tables recognized, 0 unrecognized; 0 errors, 0 warnings, 0 info\.$/);
  });
});
