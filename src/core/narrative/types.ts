import type { CellPointer } from '../findings';
import type { Decimal } from '../money/decimal';

/**
 * A named number with provenance: every amount, share, change and rate the narrative sections
 * need, knowing the cells it comes from.
 */
export interface Fact {
  /** Stable key, e.g. "收入.本年收入合计", "收入.财政拨款", "支出.基本支出", "一般公共预算支出.类.221", "三公.决算.合计". */
  key: string;
  /** The name a report uses for it ("收入合计", "财政拨款收入", "住房保障支出"). */
  label: string;
  /** Other wordings that name the same fact in narratives ("收、支总计", "本年收入"). */
  aliases: string[];
  /** The 情况说明 section (一 … 十三) it belongs to, when it belongs to one. */
  section?: string;
  value: Decimal;
  /** 分 for scores (自评得分, 一级指标得分). */
  unit: '万元' | '元' | '%' | '分';
  /** Cells the value comes from (a sum lists all its parts). */
  cells: CellPointer[];
  /** How it is computed, in words: "公开01表 本年收入合计" or "基本支出 ÷ 本年支出合计". */
  derivation: string;
  /** For shares: the fact keys of part and whole. */
  ratioOf?: { part: string; whole: string };
  /**
   * The key of the fact this one states again from another table (公开02 合计行 for the 收入 of
   * 公开01, the 公开05 各项之和 for a 公开04 类 line): a claim that agrees with either is right, and the
   * finding says which table it was compared with.
   */
  sameAs?: string;
  /**
   * 'atMost': the fact is a wider total that bounds the figure a text names by it, not the figure
   * itself (机关运行经费 ≤ 公用经费合计: the 公用经费 of 行政 and 参公 units only). A stated amount is
   * then wrong only when it exceeds the fact, and nothing is computed from the fact.
   */
  bound?: 'atMost';
  /** Wordings that name the fact only inside its own section ("项目支出" in 五 is the 一般公共预算 one). */
  localAliases?: string[];
  /**
   * Wordings that may name other figures too (a bare 项 name such as "保障性住房租金补贴" is also a
   * project's): a claim named so is tied to the fact only when it agrees with it, never reported against it.
   */
  confirmAliases?: string[];
  /** For a 项目 report: the project the fact belongs to (the 项目名称 of its 自评表). */
  project?: string;
  /** The key of the same figure of the year before, when the tables hold it (基础数据表 上年决算数). */
  priorKey?: string;
}

export type Measure = '年初预算' | '全年预算' | '决算';

/** A number claim found in a narrative text. */
export interface Claim {
  /** The exact substring of the text that states the number (with its unit), e.g. "22899.22 万元", "6.53%". */
  quote: string;
  /** Offset of `quote` in the whole text. */
  start: number;
  /** The number as written, normalized ("22899. 27" → 22899.27). */
  value: Decimal;
  /** Decimals as written (for interval checks of percentages). */
  decimals: number;
  unit: '万元' | '元' | '%' | null;
  kind: 'amount' | 'share' | 'change' | 'growth' | 'completion' | 'rate' | 'score' | 'count' | 'other';
  /** The counting word or measure unit of a count as written ("户", "栋", "万平方米"); money and % have `unit`. */
  countUnit?: string;
  /** For change/growth: the direction word as written (增加/减少/增长/下降/持平/相同). */
  direction?: '增加' | '减少' | '增长' | '下降' | '持平' | null;
  /** The words naming what the number is about, nearest before it in its clause ("收入合计", "基本支出", "住房保障支出"). */
  subject: string;
  /** For shares: what it is a share of ("本年收入", "本年支出", "本年支出合计"), if said. */
  of?: string;
  /**
   * Which figure of its topic an amount states, when its words say so: "年初预算为 112.83 万元" →
   * 年初预算; "全年预算/年度预算/预算" → 全年预算; "支出决算/决算/执行数" → 决算. A completion rate
   * ("完成年初预算的 X%") carries the measure of its base.
   */
  measure?: Measure;
  /**
   * What the sentence is about when the claim's own words only name a measure: in "3. 社会保障和就业
   * 支出：年初预算为112.83万元，支出决算为133.15万元" both amounts have the topic 社会保障和就业支出.
   */
  topic?: string;
  /**
   * For an item of a list introduced by 其中 / 主要用于 / 分别为 / 包括: the index (in the claims
   * array) of the amount the list breaks down, and the introducing word.
   */
  partOf?: { index: number; via: string };
  /** The section heading it is under ("一、收入支出决算总体情况说明" → "一"), and the sub-heading "(二)" if any. */
  section: string;
  subsection?: string;
  /** The year its clause names first ("2023年度收入合计 …" → 2023), when it names one. */
  year?: number;
  /** The whole sentence, for messages (of a sentence over 600 characters, the 600 around the claim). */
  sentence: string;
  /** Offset of the sentence in the text: tells apart two sentences with the same words. */
  sentenceStart?: number;
  /**
   * The amount is the base a change is compared with, not this year's figure: "与上年决算数3.04万元相比，
   * 减少2.53万元".
   */
  comparison?: boolean;
  /**
   * The claim stands in a reason clause ("主要原因是住房保障支出增加 12185.80 万元"): it is about a part
   * of what its sentence is about, never about the sentence's total.
   */
  reason?: boolean;
  /** Where it is: 0-based line, 1-based paragraph, the text of the section heading it falls under. */
  line?: number;
  paragraph?: number;
  heading?: string;
  /** The number stands inside parentheses ("完成全年目标(4000套)的…"). */
  inParens?: boolean;
  /** The project of the report it stands in, when the text holds 项目 reports ('' for a 部门整体 report). */
  project?: string;
}
