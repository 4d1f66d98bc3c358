import type { Finding, Severity } from '../report';
import type { TableType } from '../tables/types';
import type { RuleContext } from './context';

/** eslint-style rule module: metadata beside its check. */
export interface RuleMeta {
  /** Stable id, e.g. "GK01.income-total", "GK02-GK03.row-total". */
  id: string;
  /** Chinese title for listings. */
  title: string;
  /** Severity of a break beyond rounding (rounding differences are always warnings). */
  severity: Severity;
  /** The identity in words (Chinese). */
  identity: string;
  /** Tables the rule needs; it runs only when all are present. */
  tables: readonly TableType[];
  /** Where the identity comes from: DOMAIN.md §2 ids such as "A06", "B08", or a hygiene tag. */
  source: string;
  /** 审核公式 level: mandatory (强制) or advisory (提示). */
  level: 'mandatory' | 'advisory';
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): Finding[];
}
