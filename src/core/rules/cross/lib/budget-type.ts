import type { CellRef } from '../../../grid/address';
import type { Finding } from '../../../findings';
import type { SemanticTable } from '../../../tables/types';
import type { RuleContext } from '../../context';
import type { RuleMeta } from '../../types';
import { cell, compare } from './compare';

/**
 * GK04's year-end carry-over of one budget type: the 年末 sub-row of that type (its budget-type
 * column when filled, else its 小计), or, without sub-rows, the 年末财政拨款结转和结余 row's column.
 */
export function yearEndOf(ctx: RuleContext, gk04: SemanticTable, type: string): { ref: CellRef; label: string } | undefined {
  const sub = gk04.line(`支出.年末.${type}`);
  if (sub) {
    const own = sub.cells[type];
    const small = sub.cells['小计'];
    const filled = (r: CellRef | undefined) => !!r && ctx.read(gk04, r).kind !== 'empty';
    if (filled(own)) return { ref: own, label: `年末结转和结余（${type}）“${type}”栏` };
    if (filled(small)) return { ref: small, label: `年末结转和结余（${type}）“小计”栏` };
    if (own) return { ref: own, label: `年末结转和结余（${type}）“${type}”栏` };
  }
  const row = gk04.cell('支出.年末财政拨款结转和结余', type);
  return row ? { ref: row, label: `年末财政拨款结转和结余“${type}”栏` } : undefined;
}

/**
 * GK04's figures for one budget type against the 合计 row of that type's own table (GK07, or GK08
 * in the national 收入支出 shape; the 湖北 GK08 has only 合计 | 基本支出 | 项目支出).
 */
export function budgetTypeChecks(ctx: RuleContext, meta: RuleMeta, gk04: SemanticTable, own: SemanticTable, type: string): Finding[] {
  const short = type;
  const findings: Finding[] = [];
  if (!own.line('合计')) return findings;
  const spentCol = own.column('本年支出.小计') ? '本年支出.小计' : own.column('合计') ? '合计' : null;
  const spentLabel = spentCol === '本年支出.小计' ? '合计行“本年支出·小计”栏' : '合计行“合计”栏';
  const spent = gk04.cell('支出.本年支出合计', type);
  if (spentCol && spent)
    findings.push(
      ...compare(ctx, meta, cell(gk04, spent, `本年支出合计行“${type}”栏`), cell(own, own.cell('合计', spentCol), spentLabel), { subject: `${short}本年支出` }),
    );
  const income = gk04.at(`收入.${type}.决算数`);
  if (income && own.column('本年收入'))
    findings.push(
      ...compare(ctx, meta, cell(gk04, income, `收入“${type}”`), cell(own, own.cell('合计', '本年收入'), '合计行“本年收入”栏'), { subject: `${short}本年收入` }),
    );
  const opening = gk04.at(`收入.年初.${type}.决算数`);
  if (opening && own.column('年初结转和结余'))
    findings.push(
      ...compare(ctx, meta, cell(gk04, opening, `年初财政拨款结转和结余（${type}）`), cell(own, own.cell('合计', '年初结转和结余'), '合计行“年初结转和结余”栏'), {
        subject: `${short}年初结转和结余`,
      }),
    );
  const closing = yearEndOf(ctx, gk04, type);
  if (closing && own.column('年末结转和结余'))
    findings.push(
      ...compare(ctx, meta, cell(gk04, closing.ref, closing.label), cell(own, own.cell('合计', '年末结转和结余'), '合计行“年末结转和结余”栏'), {
        subject: `${short}年末结转和结余`,
      }),
    );
  return findings;
}
