import { Decimal } from '../../money/decimal';
import type { Fact } from '../types';
import { printedWan } from '../printed';

/**
 * What the 情况说明 needs that the 决算 tables do not hold (docs/domain.md §4.5). Every field is optional:
 * a drafter that lacks one writes an `input` slot where the number would go, never a guess.
 *
 * Amounts are in 万元.
 */
export interface DraftInputs {
  /** The 决算 year (default: the year of the recognized tables). */
  year?: number;
  /** The department's full name (default: the 部门 line of the recognized tables). */
  department?: string;
  /**
   * Prior-year values by fact key, e.g. '收支总计', '收入.本年收入合计', '支出.本年支出合计',
   * '财政拨款.收支总计', '财政拨款收入.一般公共预算', '一般公共预算支出.合计', '三公.决算.合计',
   * '三公.决算.公务用车购置及运行维护费', and per 类 '支出.类.221' (公开01) / '一般公共预算支出.类.221'
   * (公开04). `priorFromFacts` builds it from the prior year's workbook.
   *
   * 类 values are read as a set: once any '支出.类.*' (or '一般公共预算支出.类.*') key is given, a 类
   * missing from the set counts as 0 in the prior year (the facts list only non-zero 类).
   */
  prior?: Record<string, Decimal>;
  /**
   * 年初预算 from the 部门预算公开: '一般公共预算支出.年初预算', '一般公共预算支出.类.221.年初预算',
   * '机关运行经费.年初预算'.
   */
  budget?: Record<string, Decimal>;
  /** 十、政府采购 (from the 政府采购 statistics). */
  purchases?: PurchaseInputs;
  /** 九(二)2 公务用车保有量 and 十二、车辆 (from the 资产报表). */
  vehicles?: VehicleInputs;
  /**
   * The year and department of the workbook `prior` was read from (set by `priorInputsOf`): a
   * workbook of the same year, or of another department, is no prior year (NarrativeSession refuses it).
   */
  priorOf?: { year?: number; department?: string; fileName?: string };
  /**
   * How a whole amount or percentage is printed: 'plain' (the seed's way: "12万元", "0万元", "100%")
   * or 'fixed' ("12.00万元"). Everything else always has 2 decimals. Default 'plain'.
   */
  wholeNumbers?: 'plain' | 'fixed';
}

/** 十一、政府采购支出 (万元). */
export interface PurchaseInputs {
  /** 政府采购支出总额 */
  total?: Decimal;
  /** 政府采购货物支出 */
  goods?: Decimal;
  /** 政府采购工程支出 (the sentence names it only when given and non-zero) */
  works?: Decimal;
  /** 政府采购服务支出 */
  services?: Decimal;
  /** 授予中小企业合同金额 */
  sme?: Decimal;
  /** 授予小微企业合同金额 */
  smallMicro?: Decimal;
  /** 货物采购授予中小企业合同金额 */
  goodsSme?: Decimal;
  /** 工程采购授予中小企业合同金额 */
  worksSme?: Decimal;
  /** 服务采购授予中小企业合同金额 */
  servicesSme?: Decimal;
}

/** Vehicles at 12月31日 (资产报表). */
export interface VehicleInputs {
  /** 开支财政拨款的公务用车保有量 (九(二)2). */
  officialCars?: number;
  /** 共有车辆 (十二). */
  total?: number;
  /** The 其中 list of 十二, e.g. [{ label: '二级单位车辆', count: 3 }, { label: '抢险排危专用车辆', count: 1 }]. */
  breakdown?: { label: string; count: number }[];
}


/**
 * The prior-year values a draft compares with, from the facts of the prior year's workbook (recognized
 * like any other): every amount fact by its key, in 万元 as that year's report printed it (0.01). Shares
 * and rates are left out.
 */
export function priorFromFacts(priorFacts: Fact[]): Record<string, Decimal> {
  const out: Record<string, Decimal> = {};
  for (const f of priorFacts) {
    if ((f.unit !== '万元' && f.unit !== '元') || f.key in out) continue;
    out[f.key] = printedWan(f);
  }
  return out;
}
