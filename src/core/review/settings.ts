/**
 * Settings that belong to a workbook rather than to a machine — its region preset (scoring rules), the
 * tolerances of its amounts, how fills are written, the 科目 catalog edition it follows — kept with the
 * document the way the review is: a custom XML part in a namespace of our own.
 *
 * ```xml
 * <settings xmlns="urn:gongkai-lens:settings:1" version="1">
 *   <setting key="region" value="hunan"/>
 *   <setting key="fillMode" value="values"/>
 * </settings>
 * ```
 *
 * A key this version does not know is kept as it is and written back, so an older add-in never drops
 * what a newer one stored.
 */
import { DEFAULT_SETTINGS, type CheckSettings } from '../reading';
import { ReviewDocumentError } from './document';
import { attrText, childrenNamed, parseXml, XmlReadError, type XmlNode } from './xml';

export const SETTINGS_NAMESPACE = 'urn:gongkai-lens:settings:1';

/** 湖北, 湖南, the national templates, 四川 scoring. */
export type RegionPreset = 'hubei' | 'hunan' | 'national' | 'sichuan';

export const REGION_ZH: Record<RegionPreset, string> = { hubei: '湖北', hunan: '湖南', national: '全国通用', sichuan: '四川' };

export interface DocumentSettings {
  region?: RegionPreset;
  /** Fills as live formulas or as values. */
  fillMode?: 'formulas' | 'values';
  /** The year of the 支出功能分类科目 edition the workbook follows (2024 …). */
  catalogEdition?: number;
  /** Half of the last shown digit of amounts ("0.005"), the cap of the 尾差 envelope ("0.05"), decimals of percentages. */
  tolerance?: { halfUlp?: string; maxEnvelope?: string; percentDecimals?: number };
  /** 0/0 执行率 and 控制率. */
  zeroOverZeroRate?: '100%' | '0%' | 'blank';
  /** Keys this version does not know, kept and written back unchanged. */
  other?: Record<string, string>;
}

const REGIONS = new Set<RegionPreset>(['hubei', 'hunan', 'national', 'sichuan']);
const DECIMAL = /^\d+(\.\d+)?$/;

export function serializeSettings(s: DocumentSettings): string {
  const pairs: [string, string][] = [];
  if (s.region) pairs.push(['region', s.region]);
  if (s.fillMode) pairs.push(['fillMode', s.fillMode]);
  if (s.catalogEdition !== undefined) pairs.push(['catalogEdition', String(s.catalogEdition)]);
  if (s.tolerance?.halfUlp !== undefined) pairs.push(['tolerance.halfUlp', s.tolerance.halfUlp]);
  if (s.tolerance?.maxEnvelope !== undefined) pairs.push(['tolerance.maxEnvelope', s.tolerance.maxEnvelope]);
  if (s.tolerance?.percentDecimals !== undefined) pairs.push(['tolerance.percentDecimals', String(s.tolerance.percentDecimals)]);
  if (s.zeroOverZeroRate) pairs.push(['zeroOverZeroRate', s.zeroOverZeroRate]);
  for (const [k, v] of Object.entries(s.other ?? {})) if (!pairs.some(([p]) => p === k)) pairs.push([k, v]);
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    `<settings xmlns="${SETTINGS_NAMESPACE}" version="1">`,
    ...pairs.map(([key, value]) => `<setting${attrText([['key', key], ['value', value]])}/>`),
    '</settings>',
  ].join('\n');
}

/** The settings in `xml` (none: null). A value that cannot be used is kept under `other`, not applied. */
export function parseSettings(xml: string | null): DocumentSettings {
  if (xml === null) return {};
  let root: XmlNode;
  try {
    root = parseXml(xml, { maxChars: 1024 * 1024, maxElements: 10_000, maxDepth: 8 });
  } catch (cause) {
    if (!(cause instanceof XmlReadError)) throw cause;
    throw new ReviewDocumentError(`工作簿中的设置已损坏（${cause.message}）。 / The settings stored in the workbook are damaged (${cause.message}).`, { cause });
  }
  if (root.name !== 'settings' || root.ns !== SETTINGS_NAMESPACE) {
    throw new ReviewDocumentError(`工作簿中的设置不是本程序的格式。 / The settings part is not ours (<${root.name}> in "${root.ns}").`);
  }
  const out: DocumentSettings = {};
  const other: Record<string, string> = {};
  const tolerance: NonNullable<DocumentSettings['tolerance']> = {};
  for (const node of childrenNamed(root, 'setting', SETTINGS_NAMESPACE)) {
    const key = node.attrs.get('key');
    const value = node.attrs.get('value') ?? '';
    if (!key) continue;
    const int = Number(value);
    if (key === 'region' && REGIONS.has(value as RegionPreset)) out.region = value as RegionPreset;
    else if (key === 'fillMode' && (value === 'formulas' || value === 'values')) out.fillMode = value;
    else if (key === 'catalogEdition' && Number.isInteger(int) && int >= 2000 && int <= 2100) out.catalogEdition = int;
    else if (key === 'tolerance.halfUlp' && DECIMAL.test(value)) tolerance.halfUlp = value;
    else if (key === 'tolerance.maxEnvelope' && DECIMAL.test(value)) tolerance.maxEnvelope = value;
    else if (key === 'tolerance.percentDecimals' && Number.isInteger(int) && int >= 0 && int <= 6) tolerance.percentDecimals = int;
    else if (key === 'zeroOverZeroRate' && (value === '100%' || value === '0%' || value === 'blank')) out.zeroOverZeroRate = value;
    else other[key] = value;
  }
  if (Object.keys(tolerance).length) out.tolerance = tolerance;
  if (Object.keys(other).length) out.other = other;
  return out;
}

/** The check settings these document settings ask for (the defaults where they say nothing). */
export function checkSettingsOf(s: DocumentSettings): CheckSettings {
  return {
    tolerance: { ...DEFAULT_SETTINGS.tolerance, ...s.tolerance },
    zeroOverZeroRate: s.zeroOverZeroRate ?? DEFAULT_SETTINGS.zeroOverZeroRate,
  };
}
