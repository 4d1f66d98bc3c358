import { ratioConsistent } from '../../money/tolerance';
import { Decimal } from '../../money/decimal';
import { factWan, hasExcessDecimals, pct, pctOf, ratioVerdict, saysAllOrNothing, show, statedWan, type Approx } from '../relations';
import type { Claim, Fact } from '../types';
import type { NarrativeContext, NarrativeRule } from './context';

const normWords = (s: string) => s.normalize('NFKC').replace(/[\s"“”'、，,。:：;；]/g, '').replace(/的$/, '');

/** Does `subject` name `of` ("武汉市…局政府采购支出总额" names "政府采购支出总额")? */
function names(subject: string, of: string): boolean {
  const a = normWords(subject);
  const b = normWords(of);
  if (!a || !b) return false;
  if (a === b) return true;
  return Math.min(a.length, b.length) >= 4 && (a.endsWith(b) || b.endsWith(a));
}

/**
 * NARRATIVE.share: a share ("占本年收入 98.04%") is part ÷ whole of the table facts it names, or of
 * two amounts the text states ("授予小微企业合同金额493.28万元，占授予中小企业合同金额的23.42%"),
 * by interval arithmetic. "100%" and "0%" say all and nothing: right only when exact. The shares of
 * one partition may be printed by the largest-remainder rule (one last-digit unit off, adding to
 * 100). When the text agrees with the printed figures and a cell holds more decimals than it shows,
 * the cell is named, not the text.
 */
export const share: NarrativeRule = {
  sources: [
    {
      id: 'NARRATIVE.share',
      title: '说明中的占比与其分子、分母一致',
      severity: 'error',
      messages: {
        table: '情况说明中{{subject}}占比 {{quote}}，按表中 {{part}} {{partValue}} ÷ {{whole}} {{wholeValue}} 计算应为 {{expected}}。',
        tableAllOrNothing: '情况说明中{{subject}}占比写作 {{quote}}，但表中 {{part}} {{partValue}} ÷ {{whole}} {{wholeValue}} = {{expected}}，并非{{what}}；建议写作 {{expected}}。',
        stated: '情况说明中{{subject}}占比 {{quote}}，按 {{base}} 计算应为 {{expected}}。',
        statedTruncated: '情况说明中{{subject}}占比 {{quote}} 是截断的结果：{{base}} = {{exact}}，四舍五入应为 {{expected}}。',
        statedAllOrNothing: '情况说明中{{subject}}占比写作 {{quote}}，但 {{base}} = {{expected}}，并非{{what}}；建议写作 {{expected}}。',
        cellDecimals: '情况说明中{{subject}}占比 {{quote}} 与所印数字一致（{{printed}}）；是表中 {{cell}} 存有 {{stored}}，多于所印的两位小数（显示为 {{shown}}），按它计算才得 {{tableRate}}。建议将该单元格改为 {{shown}}。',
      },
    },
  ],
  run(ctx: NarrativeContext) {
    const source = this.sources[0];
    const adjusted = largestRemainderLists(ctx);
    const blamed = ctx.blamed;
    for (const claim of ctx.claims) {
      if (claim.kind !== 'share' || claim.unit !== '%' || ctx.otherYear(claim)) continue;
      const fact = ctx.resolver.share(claim);
      if (!fact || !fact.ratioOf) continue;
      ctx.resolved.set(claim, fact);
      const part = ctx.resolver.fact(fact.ratioOf.part);
      const whole = ctx.resolver.fact(fact.ratioOf.whole);
      if (!part || !whole) continue;
      const stated = claim.value.div(100);
      const exact = part.value.div(whole.value);
      const data = { subject: claim.subject || '该项', quote: claim.quote, part: part.label, partValue: show(part.value, 2), whole: whole.label, wholeValue: show(whole.value, 2) };
      if (saysAllOrNothing(claim) && !exact.equals(stated) && ratioConsistent(stated, part.value, whole.value, claim.decimals)) {
        ctx.report(source, 'tableAllOrNothing', { ...data, expected: `${show(fact.value, 2)}%`, what: claim.value.isZero() ? '为零' : '全部' }, claim, {
          fact,
          expected: `${show(fact.value, 2)}%`,
          actual: pct(claim),
          severity: 'warning',
        });
        continue;
      }
      if (!ratioConsistent(stated, part.value, whole.value, claim.decimals) && !adjusted.has(claim)) {
        const expected = `${show(fact.value, Math.max(2, claim.decimals))}%`;
        ctx.report(source, 'table', { ...data, expected }, claim, { fact, expected, actual: pct(claim) });
      }
    }
    for (const claim of ctx.claims) {
      if (claim.kind !== 'share' || claim.unit !== '%' || !claim.of || ctx.resolved.has(claim)) continue;
      internalShare(ctx, source, claim, blamed);
    }
  },
};

/**
 * Shares of a partition printed so that they add to exactly 100% (the largest-remainder rule): one
 * share may then be one last-digit unit off its own rounding. A list (the share claims of one
 * subsection) is accepted as such when its shares add to 100 exactly and each is within one unit.
 */
function largestRemainderLists(ctx: NarrativeContext): Set<Claim> {
  const groups = new Map<string, Claim[]>();
  for (const c of ctx.claims) {
    if (c.kind !== 'share' || c.unit !== '%') continue;
    const k = `${c.section}|${c.subsection ?? ''}|${c.project ?? ''}`;
    const list = groups.get(k);
    if (list) list.push(c);
    else groups.set(k, [c]);
  }
  const out = new Set<Claim>();
  for (const list of groups.values()) {
    if (list.length < 2) continue;
    let total = new Decimal(0);
    for (const c of list) total = total.plus(c.value);
    if (!total.equals(100)) continue;
    const within = list.every((c) => {
      const fact = ctx.resolver.share(c);
      if (!fact) return false;
      const unit = new Decimal(10).pow(-c.decimals);
      return c.value.minus(fact.value).abs().lessThanOrEqualTo(unit);
    });
    if (within) list.forEach((c) => out.add(c));
  }
  return out;
}

/**
 * A share the tables do not hold: its part is the amount just before it with the same words (else a
 * fact of that name), its whole the table fact or the earlier amount of the section that the words
 * after 占 name.
 */
function internalShare(ctx: NarrativeContext, source: NarrativeRule['sources'][number], c: Claim, blamed: Set<Fact>): void {
  const of = c.of!;
  const part = [...ctx.before(c)].reverse().find((x) => x.kind === 'amount' && x.subject === c.subject);
  if (!part) {
    const partFact = ctx.resolver.byWords(c.subject, c.section);
    const wholeFact = partFact && ctx.resolver.byWords(of, c.section);
    if (!partFact || !wholeFact) return;
    ctx.checked.set(c, []);
    const verdict = ratioVerdict(c.value, c.decimals, factWan(partFact), factWan(wholeFact));
    if (verdict === 'ok' || verdict === 'undefined') return;
    const expected = `${show(pctOf(factWan(partFact), factWan(wholeFact)), Math.max(2, c.decimals))}%`;
    ctx.report(source, 'stated', { subject: c.subject, quote: c.quote, base: `${partFact.derivation} ${show(partFact.value, 2)} ÷ ${wholeFact.derivation} ${show(wholeFact.value, 2)}`, expected }, c, {
      fact: partFact,
      expected,
      actual: pct(c),
      severity: verdict === 'truncated' ? 'warning' : 'error',
    });
    return;
  }
  const wholeFact = ctx.resolver.byWords(of, c.section);
  const i = ctx.indexOf(c);
  let wholeClaim: Claim | undefined;
  if (!wholeFact) {
    for (let k = i - 1; k >= 0 && k >= i - 200; k--) {
      const x = ctx.claims[k];
      if (x.section !== c.section) break;
      // "“三公”经费支出决算0.51万元" names the "“三公”经费" of "占“三公”经费的…" by its topic
      if (x !== part && x.kind === 'amount' && (names(x.subject, of) || (x.measure === '决算' && x.topic !== undefined && names(x.topic, of)))) {
        wholeClaim = x;
        break;
      }
    }
  }
  if (!wholeFact && !wholeClaim) return;
  ctx.checked.set(c, wholeClaim ? [part, wholeClaim] : [part]);
  ctx.mark(wholeClaim ? [part, wholeClaim] : [part], c);
  const partFact = ctx.resolve(part);
  const num: { approx: Approx; fact?: Fact } = partFact ? { approx: factWan(partFact), fact: partFact } : { approx: statedWan(part) };
  const wFact = wholeFact ?? (wholeClaim ? ctx.resolve(wholeClaim) : undefined);
  const den: { approx: Approx; fact?: Fact } = wFact ? { approx: factWan(wFact), fact: wFact } : { approx: statedWan(wholeClaim!) };
  const verdict = ratioVerdict(c.value, c.decimals, num.approx, den.approx);
  const exact = pctOf(num.approx, den.approx);
  const expected = `${show(exact, Math.max(2, c.decimals))}%`;
  const fact = den.fact ?? num.fact ?? null;
  const base = `${part.quote.trim()} ÷ ${wholeClaim ? wholeClaim.quote.trim() : `表中${wholeFact!.derivation} ${show(wholeFact!.value, 2)} 万元`}`;
  // the text's own figures make the share, a cell with more decimals than it shows does not: the cell is the suspect
  const statedWhole = wholeClaim ?? (wholeFact ? statedAs(ctx, c, wholeFact) : undefined);
  const printed = statedWhole && ratioVerdict(c.value, c.decimals, statedWan(part), statedWan(statedWhole));
  const suspect = [num.fact, den.fact].find((f): f is Fact => f !== undefined && hasExcessDecimals(f) && !blamed.has(f));
  const allOrNothingOff = saysAllOrNothing(c) && !num.approx.value.equals(c.value.isZero() ? 0 : den.approx.value);
  if (suspect && printed === 'ok' && (verdict !== 'ok' || allOrNothingOff)) {
    blamed.add(suspect);
    const shown = show(suspect.value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP), 2);
    ctx.report(
      source,
      'cellDecimals',
      { subject: c.subject, quote: c.quote, printed: `${part.quote.trim()} ÷ ${statedWhole!.quote.trim()}`, cell: `${suspect.cells[0].sheet}!${suspect.cells[0].address}`, stored: suspect.value.toString(), shown, tableRate: expected },
      c,
      { cells: suspect.cells, expected: shown, actual: suspect.value.toString(), severity: 'warning', fix: { cell: suspect.cells[0], value: shown } },
    );
    return;
  }
  if (allOrNothingOff && verdict === 'ok') {
    ctx.report(source, 'statedAllOrNothing', { subject: c.subject, quote: c.quote, base, expected, what: c.value.isZero() ? '为零' : '全部' }, c, { fact, expected, actual: pct(c), severity: 'warning' });
    return;
  }
  if (verdict === 'ok' || verdict === 'undefined') return;
  if (verdict === 'truncated') {
    ctx.report(source, 'statedTruncated', { subject: c.subject, quote: c.quote, base, exact: `${show(exact, 4)}%`, expected }, c, { fact, expected, actual: pct(c), severity: 'warning' });
    return;
  }
  ctx.report(source, 'stated', { subject: c.subject, quote: c.quote, base, expected }, c, { fact, expected, actual: pct(c) });
}

/** The claim before `c` in its section that states `fact` (the text's own printing of a whole). */
function statedAs(ctx: NarrativeContext, c: Claim, fact: Fact): Claim | undefined {
  const i = ctx.indexOf(c);
  for (let k = i - 1; k >= 0 && k >= i - 200; k--) {
    const x = ctx.claims[k];
    if (x.section !== c.section) return undefined;
    if (x.kind === 'amount' && ctx.resolve(x) === fact) return x;
  }
  return undefined;
}
