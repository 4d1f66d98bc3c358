import { SEVERITY_ORDER, type Severity } from '../core/findings';

export { bySeverity } from '../core/findings';

/** How the pane names and colours each severity, most severe first. */
export const SEVERITIES: { severity: Severity; label: string; color: 'danger' | 'warning' | 'informative' }[] = [
  { severity: 'error', label: '错误', color: 'danger' },
  { severity: 'warning', label: '警告', color: 'warning' },
  { severity: 'info', label: '提示', color: 'informative' },
];

export function severityOf(severity: Severity): (typeof SEVERITIES)[number] {
  return SEVERITIES[SEVERITY_ORDER[severity]];
}
