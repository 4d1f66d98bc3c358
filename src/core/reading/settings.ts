import { DEFAULT_TOLERANCE, type ToleranceSettings } from '../money/tolerance';

/** What a check may be told: the rounding envelope and the 0/0 convention of rates. */
export interface CheckSettings {
  tolerance: ToleranceSettings;
  /** 0/0 执行率 and 控制率: the seeds print 100% (nothing to spend, nothing unspent). */
  zeroOverZeroRate: '100%' | '0%' | 'blank';
}

export const DEFAULT_SETTINGS: CheckSettings = { tolerance: DEFAULT_TOLERANCE, zeroOverZeroRate: '100%' };
