import { createFinding, type Finding } from '../../findings';
import { Decimal } from '../../money/decimal';
import { indicatorTarget } from '../../tables/perf-common';
import { indicatorLines, perfTableName, selfEvalTables } from '../../tables/perf-structure';
import type { Line } from '../../tables/types';
import type { Grid } from '../../grid/grid';
import type { Rule } from '../types';

/**
 * The numbers a 偏差原因 text states about the plan, against the table: "（年初计划18个小区，765户，增加1个
 * 小区，230户…）" beside 改造户数 "≥766户" / "995户" (渌口 2022). A planned count in the text that no
 * indicator of that unit targets, where exactly one indicator counts in that unit, is a warning; so
 * is a plan plus its stated increase that does not make that indicator's actual. Only counts with a
 * unit (户, 个, 栋 …) are read: a text's amounts and rates mean too many things to be checked.
 */
export const perfReasonNumbers: Rule = {
  meta: {
    id: 'PERF.reason-numbers',
    title: '绩效自评表：偏差原因中的计划数与指标值一致',
    severity: 'warning',
    identity: '偏差原因说明中写的年初计划数（带单位的数量）= 同单位指标的年度指标值；计划数 + 说明中写的增加数 = 该指标的实际完成值',
    tables: [],
    source: 'PERF(d)',
    level: 'advisory',
    scope: 'table',
    messages: {
      planDiffers: '{{table}} 偏差原因写“{{quote}}”，而指标“{{indicator}}”的年度指标值是“{{target}}”：两处的计划数不一致，请核对。',
      sumDiffers: '{{table}} 偏差原因写计划 {{plan}}{{unit}}、增加 {{added}}{{unit}}，合计 {{sum}}{{unit}}，而指标“{{indicator}}”的实际完成值是“{{actual}}”。',
    },
  },
  check(ctx) {
    const out: Finding[] = [];
    for (const t of selfEvalTables(ctx.tables)) {
      const grid = ctx.grid(t);
      const indicators = indicatorLines(t).map((l) => ({ l, target: quantity(String(indicatorTarget(grid, l)?.value ?? '')), actual: quantity(cellText(grid, l.cells['实际值'])) }));
      const reasons = new Set<string>();
      for (const l of indicatorLines(t)) {
        const ref = l.cells['偏差原因'];
        if (!ref) continue;
        const k = `${ref.row}:${ref.col}`;
        if (reasons.has(k)) continue;
        reasons.add(k);
        const text = cellText(grid, ref);
        for (const claim of planClaims(text)) {
          const same = indicators.filter((x) => x.target?.unit === claim.unit);
          if (same.length !== 1) continue;
          const [{ l: ind, target, actual }] = same;
          const pointer = [ctx.pointer(t, ref), ...(ind.cells['目标值'] ? [ctx.pointer(t, ind.cells['目标值'])] : [])];
          if (target && !target.value.equals(claim.plan)) {
            out.push(
              createFinding(
                this.meta,
                'planDiffers',
                { table: perfTableName(t), quote: claim.quote, indicator: label(ind), target: target.text },
                { cells: pointer, expected: target.text, actual: `${claim.plan.toString()}${claim.unit}` },
              ),
            );
          } else if (claim.added && actual && !claim.plan.plus(claim.added).equals(actual.value)) {
            const sum = claim.plan.plus(claim.added);
            out.push(
              createFinding(
                this.meta,
                'sumDiffers',
                { table: perfTableName(t), plan: claim.plan.toString(), added: claim.added.toString(), sum: sum.toString(), unit: claim.unit, indicator: label(ind), actual: actual.text },
                { cells: [ctx.pointer(t, ref), ...(ind.cells['实际值'] ? [ctx.pointer(t, ind.cells['实际值'])] : [])], expected: actual.text, actual: `${sum.toString()}${claim.unit}` },
              ),
            );
          }
        }
      }
    }
    return out;
  },
};

const UNITS = '户|个|栋|套|间|处|人次|人|家|台|辆|项|所|座|公里|千米|万平方米|平方米|亩';
const COUNT = new RegExp(`(\\d+(?:\\.\\d+)?)\\s*(${UNITS})`, 'g');

function cellText(grid: Grid, ref: Line['cells'][string] | undefined): string {
  return ref ? grid.text(ref.row, ref.col).normalize('NFKC') : '';
}

function label(l: Line): string {
  return String(l.meta?.name ?? l.label).replace(/\s+/g, ' ').trim();
}

/** "≥766户", "995户", "30万平方米" → the number, its unit and the text. */
function quantity(text: string): { value: Decimal; unit: string; text: string } | null {
  const t = text.normalize('NFKC').replace(/\s+/g, '');
  const m = new RegExp(`^(?:≥|>=|≤|<=|>|<|=|不低于|不少于|不超过|大于|小于|达到)?(\\d+(?:\\.\\d+)?)(${UNITS})(?:以上|以下|以内)?$`).exec(t);
  return m ? { value: new Decimal(m[1]), unit: m[2], text: text.trim() } : null;
}

/**
 * "年初计划18个小区，765户，增加1个小区，230户": the planned counts after 计划 (up to 增加/减少 or the end
 * of the sentence) and, by unit, the increase stated after 增加 in the same sentence.
 */
function planClaims(text: string): { plan: Decimal; unit: string; quote: string; added?: Decimal }[] {
  const out: { plan: Decimal; unit: string; quote: string; added?: Decimal }[] = [];
  for (const sentence of text.split(/[。；;\n]/)) {
    const at = sentence.search(/(年初|原|年度)?计划/);
    if (at < 0) continue;
    const rest = sentence.slice(at);
    const change = rest.search(/增加|新增|减少/);
    const planPart = change < 0 ? rest : rest.slice(0, change);
    const addPart = change < 0 ? '' : rest.slice(change);
    const negative = /^减少/.test(addPart);
    const added = new Map<string, Decimal>();
    for (const m of addPart.matchAll(COUNT)) if (!added.has(m[2])) added.set(m[2], new Decimal(m[1]).times(negative ? -1 : 1));
    const units = new Set<string>();
    for (const m of planPart.matchAll(COUNT)) {
      if (units.has(m[2])) continue;
      units.add(m[2]);
      out.push({ plan: new Decimal(m[1]), unit: m[2], quote: `${planPart.slice(0, (m.index ?? 0) + m[0].length).replace(/^[(（]/, '')}`, added: added.get(m[2]) });
    }
  }
  return out;
}
