import { createFinding, type Finding, type MessageData } from '../../findings';
import { functionalClassName } from '../../catalog/functional-classes';
import type { Line, SemanticTable } from '../../tables/types';
import type { RuleContext } from '../context';
import type { Rule, RuleMeta } from '../types';
import { cellText, codeCell, gk06Group, inOrder, ledgerTables, pointers, subjectText } from './support/lines';

/**
 * 科目编码 shape and nesting (docs/domain.md §2(c)).
 * - 功能分类 (公开02/03/05/07/08表): codes are 3 (类), 5 (款) or 7 (项) digits; a row with amounts
 *   whose code cannot be read as such is an error. A 款/项 whose 类 (first 3 digits) is not a 类 of
 *   the national list is an error (an unknown 3-digit 类 row itself is SUBJECT.class-names' finding).
 *   Where 类/款 subtotal rows are printed, each 项 must sit under its own 款 (code[:5]) and each
 *   款/项 under its own 类 (code[:3]).
 * - 经济分类 (公开06表): codes are 3 (类) or 5 (款) digits starting with 3, and each 5-digit code
 *   sits under its own 3-digit block in its column group (30231 under 302, not in the 301 group).
 */
export const subjectCodeFormat: Rule = {
  meta: {
    id: 'SUBJECT.code-format',
    title: '科目编码：位数与层级',
    severity: 'error',
    identity:
      '功能分类科目编码为 3 位（类）、5 位（款）或 7 位（项），类编码属于全国支出功能分类，项列在其所属款（前 5 位）、款列在其所属类（前 3 位）之下；经济分类编码为 3 位（类）或 5 位（款），款列在其所属类之下',
    tables: [],
    source: '§2(c)',
    level: 'mandatory',
    scope: 'table',
    messages: {
      codeMissing: '{{table}} 第 {{row}} 行{{label}}：有金额但没有科目编码。',
      codeLength: '{{table}} 第 {{row}} 行{{label}}：科目编码“{{code}}”是 {{digits}} 位，功能分类科目编码应为 3 位（类）、5 位（款）或 7 位（项）。',
      splitCells:
        '{{table}} 第 {{row}} 行{{label}}：科目编码分列写作“{{code}}”，读不出完整编码：类栏应为 3 位数字（或整个编码），款栏、项栏各 2 位（或留空）。',
      codeNotFunctional: '{{table}} 第 {{row}} 行{{label}}：科目编码“{{code}}”不是功能分类科目编码（应为 3、5 或 7 位数字）。',
      classUnknown: '{{table}} {{subject}}：编码的前 3 位 {{classCode}} 不是支出功能分类的类编码（201—234），科目编码有误。',
      misplaced: '{{table}} {{subject}}：所属{{level}}应为 {{own}}，却列在{{level}}级行 {{parent}} 之下（第 {{parentRow}} 行），编码与层级不一致。',
      economicNotThree: '{{table}} {{subject}}：{{code}} 不是部门预算支出经济分类编码（经济分类编码以 3 开头，如 301、30101）。',
      economicGroup: '{{table}} {{subject}}：应列在 {{own}} 类之下，却列在 {{block}} 的分组中（第 {{blockRow}} 行起）。',
      economicOutside: '{{table}} {{subject}}：没有列在其所属的 {{block}} 之下。',
      economicLength: '{{table}} 第 {{row}} 行：经济分类科目编码“{{code}}”是 {{digits}} 位，应为 3 位（类）或 5 位（款）；该行未能参与核对。',
    },
  },
  check(ctx) {
    const findings: Finding[] = [];
    for (const t of ledgerTables(ctx)) findings.push(...checkLedger(ctx, t, this.meta));
    for (const t of ctx.tablesOf('GK06')) findings.push(...checkEconomic(ctx, t, this.meta));
    return findings;
  },
};

function finding(ctx: RuleContext, table: SemanticTable, rule: RuleMeta, refs: Parameters<typeof pointers>[2], messageId: string, data: MessageData): Finding {
  return createFinding(rule, messageId, { table: ctx.tableName(table), ...data }, { severity: 'error', cells: pointers(ctx, table, refs), expected: null, actual: null });
}

function checkLedger(ctx: RuleContext, t: SemanticTable, rule: RuleMeta): Finding[] {
  const out: Finding[] = [];
  const split = t.variant === '类款项分列';
  let lei: Line | null = null;
  let kuan: Line | null = null;
  for (const line of inOrder(t)) {
    if (line.meta?.unreadableCode) {
      const first = codeCell(t, line);
      const refs = first ? (split ? [0, 1, 2].map((d) => ({ row: first.row, col: first.col + d })) : [first]) : [];
      const shown = refs.map((r) => cellText(ctx, t, r)).filter(Boolean).join(' | ');
      const digits = shown.normalize('NFKC').replace(/[\s|]/g, '');
      const id = !shown ? 'codeMissing' : split && refs.length > 1 && /^\d+$/.test(digits) ? 'splitCells' : /^\d+$/.test(digits) ? 'codeLength' : 'codeNotFunctional';
      out.push(finding(ctx, t, rule, [...refs, line.labelCell], id, { row: line.row + 1, label: line.label ? `（${line.label}）` : '', code: shown, digits: digits.length }));
      continue;
    }
    const code = line.code;
    if (!code) continue;
    if (line.level === '类') {
      lei = line;
      kuan = null;
      continue;
    }
    const leiCode = code.slice(0, 3);
    if (!functionalClassName(leiCode)) {
      out.push(
        finding(ctx, t, rule, [codeCell(t, line)], 'classUnknown', { subject: subjectText(t, line), classCode: leiCode }),
      );
      if (line.level === '款') kuan = line;
      continue;
    }
    if (line.level === '款') {
      if (lei && lei.code !== leiCode) out.push(misplaced(ctx, t, rule, line, lei, '类'));
      kuan = line;
      continue;
    }
    // 项
    if (kuan && kuan.code !== code.slice(0, 5)) out.push(misplaced(ctx, t, rule, line, kuan, '款'));
    else if (!kuan && lei && lei.code !== leiCode) out.push(misplaced(ctx, t, rule, line, lei, '类'));
  }
  return out;
}

function misplaced(ctx: RuleContext, t: SemanticTable, rule: RuleMeta, line: Line, parent: Line, level: '类' | '款'): Finding {
  const own = line.code!.slice(0, level === '类' ? 3 : 5);
  return finding(ctx, t, rule, [codeCell(t, line), codeCell(t, parent)], 'misplaced', {
    subject: subjectText(t, line),
    level,
    own,
    parent: subjectText(t, parent),
    parentRow: parent.row + 1,
  });
}

function checkEconomic(ctx: RuleContext, t: SemanticTable, rule: RuleMeta): Finding[] {
  const out: Finding[] = [];
  const blocks = new Map<string, Line>();
  for (const l of t.lines) if (l.code && l.code.length === 3 && !blocks.has(l.code)) blocks.set(l.code, l);
  const current = new Map<number, Line>();
  for (const line of inOrder(t)) {
    const code = line.code;
    if (!code) continue;
    const here = codeCell(t, line);
    const group = gk06Group(t, line) ?? 0;
    if (!code.startsWith('3')) {
      out.push(finding(ctx, t, rule, [here], 'economicNotThree', { subject: subjectText(t, line), code }));
      if (code.length === 3) current.set(group, line);
      continue;
    }
    if (code.length === 3) {
      current.set(group, line);
      continue;
    }
    const block = current.get(group);
    const own = code.slice(0, 3);
    if (block && block.code !== own) {
      out.push(
        finding(ctx, t, rule, [here, codeCell(t, block)], 'economicGroup', { subject: subjectText(t, line), own, block: subjectText(t, block), blockRow: block.row + 1 }),
      );
    } else if (!block && blocks.has(own)) {
      const elsewhere = blocks.get(own)!;
      out.push(
        finding(ctx, t, rule, [here, codeCell(t, elsewhere)], 'economicOutside', { subject: subjectText(t, line), block: subjectText(t, elsewhere) }),
      );
    }
  }
  // Codes the recognizer could not take as 经济分类 codes (4, 6 or 7+ digits) in the code columns.
  const codeCols = t.columns.filter((c) => /^组\d+\.科目编码$/.test(c.key)).map((c) => c.col);
  const firstRow = Math.min(...t.lines.map((l) => l.row));
  const grid = ctx.grid(t);
  for (let r = firstRow; r <= t.range.bottom; r++) {
    for (const c of codeCols) {
      if (!grid.isMasterOrSingle(r, c)) continue;
      const text = grid.text(r, c).normalize('NFKC').replace(/\s+/g, '');
      if (!/^\d+$/.test(text) || text.length === 3 || text.length === 5) continue;
      out.push(
        finding(ctx, t, rule, [{ row: r, col: c }], 'economicLength', { row: r + 1, code: text, digits: text.length }),
      );
    }
  }
  return out;
}
