import { SEVERITY_ORDER, type Finding, type Severity } from '../core/findings/types';

export { bySeverity } from '../core/findings/types';

/** How the pane names and colours each severity, most severe first. */
export const SEVERITIES: { severity: Severity; label: string; color: 'danger' | 'warning' | 'informative' }[] = [
  { severity: 'error', label: '错误', color: 'danger' },
  { severity: 'warning', label: '警告', color: 'warning' },
  { severity: 'info', label: '提示', color: 'informative' },
];

export function severityOf(severity: Severity): (typeof SEVERITIES)[number] {
  return SEVERITIES[SEVERITY_ORDER[severity]];
}

/** A finding's badge: its severity's, but a 尾差 is named 尾差 (a tinted warning) wherever it shows. */
export function kindBadge(f: Pick<Finding, 'severity' | 'rounding'>): { label: string; color: 'danger' | 'warning' | 'informative'; appearance: 'filled' | 'tint' } {
  if (f.rounding) return { label: '尾差', color: 'warning', appearance: 'tint' };
  const { label, color } = severityOf(f.severity);
  return { label, color, appearance: 'filled' };
}
