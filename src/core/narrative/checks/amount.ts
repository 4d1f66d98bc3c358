import { show } from '../relations';
import { amountDifference, type NarrativeContext, type NarrativeRule } from './context';

/**
 * NARRATIVE.amount: a stated amount equals the table fact its words (or its topic and measure, or
 * its 项目 report) name, at the text's own precision. A figure that several tables hold agrees when
 * it agrees with any of them. One unit in the last printed place (17075.35 against 17075.34) is a
 * warning: a slip of rounding or of copying, not a different figure. A fact that only bounds the
 * figure (机关运行经费 ≤ 公用经费合计) is exceeded or not.
 */
export const amount: NarrativeRule = {
  sources: [
    {
      id: 'NARRATIVE.amount',
      title: '说明中的金额与表中数据一致',
      severity: 'error',
      messages: {
        mismatch: '情况说明“{{sentence}}”中{{subject}} {{quote}}，与{{derivation}} {{value}} {{unit}}不符，相差 {{difference}} {{unit}}{{unitNote}}。',
        mismatchTables: '情况说明“{{sentence}}”中{{subject}} {{quote}}，与{{derivation}} {{value}} {{unit}}不符，相差 {{difference}} {{unit}}{{unitNote}}；表中同一数字还有{{others}}，也不相符。',
        lastDigit: '情况说明“{{sentence}}”中{{subject}} {{quote}}，与{{derivation}} {{value}} {{unit}}末位相差 {{difference}} {{unit}}；请核对是抄写还是四舍五入之误。',
        exceedsBound: '情况说明中{{subject}} {{quote}}，超过了{{derivation}} {{value}} {{unit}}；前者只是后者的一部分，不能更大。',
      },
    },
  ],
  run(ctx: NarrativeContext) {
    const source = this.sources[0];
    for (const claim of ctx.claims) {
      if (claim.kind !== 'amount' || (claim.unit !== '万元' && claim.unit !== '元')) continue;
      const r = ctx.resolution(claim);
      if (!r) continue;
      const fact = r.fact;
      ctx.resolved.set(claim, fact);
      const { stated, diff, dp, beyond } = amountDifference(claim, fact);
      const data = {
        sentence: claim.sentence.trim().slice(0, 60),
        subject: claim.subject || '该数',
        quote: claim.quote,
        derivation: fact.derivation,
        value: show(fact.value, 2),
        unit: fact.unit,
        difference: show(diff, 2),
      };
      if (fact.bound === 'atMost') {
        if (beyond && stated.greaterThan(fact.value)) ctx.report(source, 'exceedsBound', data, claim, { fact, expected: `≤${show(fact.value, 2)}`, actual: show(stated, Math.max(2, dp)) });
        continue;
      }
      if (!beyond) continue;
      const unitNote = claim.unit !== fact.unit ? `（说明中写作${claim.unit}，表中单位为${fact.unit}）` : '';
      const fields = { fact, expected: show(fact.value, 2), actual: show(stated, Math.max(2, dp)) };
      const unitOfLastDigit = claim.unit === fact.unit && claim.decimals >= 2 && diff.lessThanOrEqualTo(`1e-${claim.decimals}`);
      if (unitOfLastDigit) {
        ctx.report(source, 'lastDigit', data, claim, { ...fields, severity: 'warning' });
        continue;
      }
      const sameCells = (g: typeof fact) => g.cells.length === fact.cells.length && g.cells.every((c, i) => c.sheet === fact.cells[i].sheet && c.address === fact.cells[i].address);
      const others = r.group.filter((g) => g.unit !== '%' && !sameCells(g));
      if (others.length) ctx.report(source, 'mismatchTables', { ...data, unitNote, others: others.map((o) => `${o.derivation} ${show(o.value, 2)} ${o.unit}`).join('、') }, claim, fields);
      else ctx.report(source, 'mismatch', { ...data, unitNote }, claim, fields);
    }
  },
};
