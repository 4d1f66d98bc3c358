import type { Severity } from '../core/findings';

/** How the pane names and colours each severity, most severe first. */
export const SEVERITIES: { severity: Severity; label: string; color: 'danger' | 'warning' | 'informative' }[] = [
  { severity: 'error', label: '错误', color: 'danger' },
  { severity: 'warning', label: '警告', color: 'warning' },
  { severity: 'info', label: '提示', color: 'informative' },
];

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function severityOf(severity: Severity): (typeof SEVERITIES)[number] {
  return SEVERITIES[SEVERITY_ORDER[severity]];
}

/** Sorts most severe first (a stable sort keeps the core's order within a severity). */
export function bySeverity(a: { severity: Severity }, b: { severity: Severity }): number {
  return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
}
