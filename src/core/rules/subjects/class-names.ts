import { createFinding, type Finding } from '../../findings';
import { FUNCTIONAL_CLASSES, functionalClassCode } from '../../catalog/functional-classes';
import { normalizeSubjectName } from '../../catalog/subject-names';
import type { Line, SemanticTable } from '../../tables/types';
import type { RuleContext } from '../context';
import type { Rule, RuleMeta } from '../types';
import { codeCell, inOrder, ledgerTables, nameCell, pointers, printedName, similarity, SUMMARY_TYPES } from './support/lines';

/** Earlier 类 names are accepted up to this year; later workbooks should print the current name. */
const ALIAS_UNTIL = 2019;

/**
 * 类 rows against the national 支出功能分类 类 list (functional-classes.ts):
 * - 3-digit subtotal rows of 公开02/03/05/07/08表: an unknown code, or a name that is not the
 *   code's 类 name, is an error (when the name belongs to another 类, the message says which);
 * - 公开01/04表 expenditure rows between the first and the last 类 row whose label is no 类 name
 *   ("九、卫生健康支持") are errors, with the closest national name suggested;
 * - a former name ("医疗卫生与计划生育支出") in a workbook of 2020 or later is a warning.
 */
export const subjectClassNames: Rule = {
  meta: {
    id: 'SUBJECT.class-names',
    title: '类级科目：编码与名称符合全国类目录',
    severity: 'error',
    identity: '类级行的编码和名称与全国支出功能分类类目录一致（公开01/04表支出类行，公开02/03/05/07/08表 3 位编码小计行）',
    tables: [],
    source: '§2(c)',
    level: 'mandatory',
    scope: 'table',
    messages: {
      notClassName: '{{table}} 支出第 {{row}} 行“{{label}}”：不是支出功能分类的类名称{{guess}}；该行无法对应到类编码，按类核对时会漏掉它。',
      notClassCode: '{{where}}：{{code}} 不是支出功能分类的类编码。',
      notClassCodeKnownName: '{{where}}：{{code}} 不是支出功能分类的类编码；“{{printed}}”的类编码是 {{byName}}。',
      otherClassName: '{{where}}：类 {{code}} 的名称应为“{{name}}”，而“{{printed}}”是类 {{other}} 的名称，编码与名称对不上。',
      wrongName: '{{where}}：类 {{code}} 的名称应为“{{name}}”，表中为“{{printed}}”。',
      oldName: '{{table}} 类 {{code}}：“{{printed}}”是旧的类名称，{{year}} 年度应使用现行名称“{{name}}”。',
    },
  },
  check(ctx) {
    const findings: Finding[] = [];
    for (const t of ledgerTables(ctx)) {
      for (const line of inOrder(t)) {
        if (line.level !== '类' || !line.code) continue;
        findings.push(...checkClassLine(ctx, t, line, this.meta));
      }
    }
    for (const t of ctx.tables.filter((x) => SUMMARY_TYPES.includes(x.type))) {
      const exp = inOrder(t).filter((l) => l.group === '支出');
      const classRows = exp.filter((l) => l.level === '类');
      if (!classRows.length) continue;
      const first = classRows[0].row;
      const last = classRows[classRows.length - 1].row;
      for (const line of exp) {
        if (line.level === '类' && line.code) {
          findings.push(...aliasFinding(ctx, t, line, line.code, this.meta));
        } else if (line.meta?.unknownItem && line.row > first && line.row < last) {
          const name = printedName(t, line);
          const guess = closest(name);
          findings.push(
            createFinding(
              this.meta,
              'notClassName',
              { table: ctx.tableName(t), row: line.row + 1, label: line.label, guess: guess ? `，可能应为“${guess.name}”（${guess.code}）` : '' },
              { severity: 'error', cells: pointers(ctx, t, [line.labelCell]), expected: null, actual: null },
            ),
          );
        }
      }
    }
    return findings;
  },
};

function checkClassLine(ctx: RuleContext, t: SemanticTable, line: Line, rule: RuleMeta): Finding[] {
  const code = line.code!;
  const entry = FUNCTIONAL_CLASSES.find((c) => c.code === code);
  const printed = printedName(t, line);
  const name = normalizeSubjectName(printed);
  const cells = pointers(ctx, t, [codeCell(t, line), nameCell(line)]);
  const where = `${ctx.tableName(t)} 第 ${line.row + 1} 行 类 ${code}${printed ? ` ${printed}` : ''}`;
  if (!entry) {
    const byName = name ? functionalClassCode(name) : null;
    return [createFinding(rule, byName ? 'notClassCodeKnownName' : 'notClassCode', { where, code, printed, byName: byName ?? '' }, { severity: 'error', cells, expected: null, actual: null })];
  }
  if (!name || name === normalizeSubjectName(entry.name)) return [];
  if ((entry.aliases ?? []).some((a) => normalizeSubjectName(a) === name)) return aliasFinding(ctx, t, line, code, rule);
  const other = functionalClassCode(name);
  return [
    createFinding(rule, other ? 'otherClassName' : 'wrongName', { where, code, name: entry.name, printed, other: other ?? '' }, { severity: 'error', cells, expected: null, actual: null }),
  ];
}

function aliasFinding(ctx: RuleContext, t: SemanticTable, line: Line, code: string, rule: RuleMeta): Finding[] {
  const entry = FUNCTIONAL_CLASSES.find((c) => c.code === code);
  if (!entry) return [];
  const printed = printedName(t, line);
  const name = normalizeSubjectName(printed);
  if (name === normalizeSubjectName(entry.name)) return [];
  if (!(entry.aliases ?? []).some((a) => normalizeSubjectName(a) === name)) return [];
  if (t.year === null || t.year <= ALIAS_UNTIL) return [];
  return [
    createFinding(rule, 'oldName', { table: ctx.tableName(t), code, printed, year: t.year, name: entry.name }, { severity: 'warning', cells: pointers(ctx, t, [nameCell(line)]), expected: null, actual: null }),
  ];
}

function closest(name: string): { code: string; name: string } | null {
  let best: { code: string; name: string; s: number } | null = null;
  for (const c of FUNCTIONAL_CLASSES) {
    const s = similarity(normalizeSubjectName(name), normalizeSubjectName(c.name));
    if (!best || s > best.s) best = { code: c.code, name: c.name, s };
  }
  return best && best.s >= 0.5 ? best : null;
}
