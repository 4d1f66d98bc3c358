import type { Finding } from '../findings';
import type { Block, NarrativeDraft } from './blocks';
import { paragraphText } from './render';

/**
 * Where a number of the draft that the self-check finds wrong came from: a value a person supplied
 * (上年数, 年初预算, 政府采购… from --inputs, the workbook's “上年数及其他” sheet or --prior, and what
 * is computed from them: a change against the prior year, a 完成年初预算 rate), or the tables alone —
 * then the tables disagree among themselves and the draft only repeats them.
 */
export type SelfCheckCause = 'inputs' | 'tables';

export interface SelfCheckFinding extends Finding {
  cause: SelfCheckCause;
  /** For `inputs`: what was supplied ("年初预算", "上年数（上年“三公”经费支出决算，万元）"). */
  input?: string;
}

/** Numbers of the draft computed from a supplied value (the fact key's suffix says against what). */
const FROM_INPUTS = /\/(?:较上年|较年初预算|完成年初预算)(?:幅度)?$/;

/** The numbers a quote states ("1405.65万元" → 1405.65), as printed. */
function numbersOf(quote: string): string[] {
  return quote.match(/\d+(?:\.\d+)?/g) ?? [];
}

/**
 * The block each line of `renderText(draft, { fill: true })` belongs to: the title is line 1, then each
 * block is one line with a blank line before it.
 */
function blockAtLine(draft: NarrativeDraft, line: number): Block | undefined {
  const i = line - 3;
  return i >= 0 && i % 2 === 0 ? draft.blocks[i / 2] : undefined;
}

/** The cause of one finding: the runs of its paragraph that print its numbers. */
function causeOf(draft: NarrativeDraft, f: Finding): { cause: SelfCheckCause; input?: string } {
  const block = f.location ? blockAtLine(draft, f.location.line) : undefined;
  const blocks = block ? [block] : draft.blocks;
  const wanted = numbersOf(f.quote ?? '');
  for (const b of blocks) {
    if (b.type !== 'paragraph') continue;
    if (f.quote && !paragraphText(b.runs, { fill: true }).includes(f.quote)) continue;
    for (const r of b.runs) {
      if (!wanted.some((n) => r.text.includes(n))) continue;
      if (r.type === 'slot' && r.kind === 'input' && r.text) return { cause: 'inputs', input: r.label };
      if (r.type === 'number' && FROM_INPUTS.test(r.factKey)) return { cause: 'inputs', input: r.factKey.includes('年初预算') ? '年初预算' : '上年数' };
    }
  }
  return { cause: 'tables' };
}

/** The self-check's findings, each with where its number came from. */
export function blameSelfCheck(draft: NarrativeDraft, findings: readonly Finding[]): SelfCheckFinding[] {
  return findings.map((f) => ({ ...f, ...causeOf(draft, f) }));
}

/**
 * The self-check's summary line (Chinese, then English): says which side is to be corrected — the
 * supplied values, or the tables (whose errors `gongkai check` lists) — never blames inputs that were
 * not given.
 */
export function selfCheckSummary(findings: readonly SelfCheckFinding[]): string {
  const inputs = findings.filter((f) => f.cause === 'inputs').length;
  const tables = findings.length - inputs;
  const parts: string[] = [];
  const en: string[] = [];
  if (inputs) {
    parts.push(`${inputs} 处来自所填的上年数、年初预算等，与表中数据不符，请核对所填数值`);
    en.push(`${inputs} from the supplied inputs (check them)`);
  }
  if (tables) {
    parts.push(`${tables} 处来自表格本身的不一致（草稿照表中数字起草；gongkai check 会列出表中的错误），请先改正表格`);
    en.push(`${tables} from the tables themselves (the check lists their errors)`);
  }
  return `草稿自检：有 ${findings.length} 处数字前后不一致：${parts.join('；')}。 / Self-check: ${findings.length} number(s) of the draft disagree: ${en.join('; ')}.`;
}
