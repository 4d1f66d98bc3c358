import { createFinding, type Finding } from '../../findings';
import type { Line, SemanticTable } from '../../tables/types';
import { formatAmount } from '../../money/format';
import type { Rule } from '../types';
import { describe, forEachRoleCell, isGk } from './support/cells';

/**
 * A negative amount in a 决算 table (公开01–09表). Every amount there is a flow (income, spending,
 * its parts) or a total of flows, which cannot be below zero, except the carry-over balances:
 * 年初/年末结转和结余 (公开01表 rows, 公开04表 年初/年末财政拨款结转和结余 and their sub-rows,
 * 公开07/08表 columns). A balance is income minus spending (A15: c6 = c1 + c2 − c3) and turns
 * negative when an item was overspent or advanced; that is for the identities and a human to judge,
 * so balances are left out here. The 绩效 tables are not checked (their money cells are budget and
 * execution figures handled by the PERF rules).
 */
export const hygieneNegativeAmount: Rule = {
  meta: {
    id: 'HYGIENE.negative-amount',
    title: '不应为负数的金额为负',
    severity: 'error',
    identity: '决算表中的收入、支出金额及其合计不为负数（年初、年末结转和结余除外）',
    tables: [],
    source: 'hygiene',
    level: 'mandatory',
    scope: 'table',
    messages: {
      negative: '{{table}} {{cell}}：金额为 {{amount}} {{unit}}。收入、支出及其合计不应为负数，请检查是否录入了冲减数或符号有误。',
    },
  },
  check(ctx) {
    const findings: Finding[] = [];
    for (const table of ctx.tables) {
      if (!isGk(table)) continue;
      forEachRoleCell(table, (line, key, ref) => {
        if (isBalance(table, line, key)) return;
        const r = ctx.read(table, ref);
        if (r.kind !== 'amount' || !r.value.isNegative() || r.value.isZero()) return;
        findings.push(createFinding(this.meta, 'negative', { table: ctx.tableName(table), cell: describe(table, line, key), amount: formatAmount(r.value), unit: ctx.unitOf(table) }, { severity: 'error', cells: [ctx.pointer(table, ref)], expected: null, actual: formatAmount(r.value) }));
      });
    }
    return findings;
  },
};

const BALANCE = /结转和结余/;
const OPENING = /^收入\.年初\./;
const CLOSING = /^支出\.年末\./;

function isBalance(table: SemanticTable, line: Line, key: string): boolean {
  if (BALANCE.test(key)) return true;
  if (table.type === 'GK01' || table.type === 'GK04') {
    return BALANCE.test(line.key) || OPENING.test(line.key) || CLOSING.test(line.key);
  }
  return false;
}
