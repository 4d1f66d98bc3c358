import type { CheckReport, Finding, Severity } from '../core/report';

const SEVERITY_ZH: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

/** CONTRACT.md: JSON on stdout, UTF-8, exactly the contract's fields (plus allowed additions). */
export function formatJson(report: CheckReport): string {
  return JSON.stringify(report, null, 2);
}

/** Human-readable: grouped by sheet, one finding a line, a summary line at the end. */
export function formatText(report: CheckReport): string {
  const out: string[] = [];
  out.push(`文件 ${report.file}`);
  const sheets = new Map<string, { tables: string[]; findings: Finding[]; notes: string[] }>();
  const entry = (sheet: string) => {
    let e = sheets.get(sheet);
    if (!e) sheets.set(sheet, (e = { tables: [], findings: [], notes: [] }));
    return e;
  };
  for (const t of report.tables) {
    const facts = [t.year ? `${t.year}年` : '年份未知', t.unit ?? '单位未标明', t.department ? `部门：${t.department}` : ''].filter(Boolean);
    entry(t.sheet).tables.push(`  ${t.range.padEnd(8)} ${t.type.padEnd(12)} ${t.title || '（无标题）'}（${facts.join('，')}）`);
  }
  for (const u of report.unrecognized) {
    entry(u.sheet).notes.push(`  未识别：${u.reason}${u.bestGuess ? `（最接近 ${u.bestGuess}）` : ''}`);
  }
  for (const f of report.findings) entry(f.cells[0]?.sheet ?? '（工作簿）').findings.push(f);
  for (const [sheet, e] of sheets) {
    out.push('', `【${sheet}】`, ...e.tables, ...e.notes);
    for (const f of e.findings) {
      const cells = f.cells.map((c) => (c.sheet === sheet ? c.address : `${c.sheet}!${c.address}`)).join(',');
      const values = f.expected !== null || f.actual !== null ? `（应为 ${f.expected ?? '—'}，实为 ${f.actual ?? '—'}）` : '';
      out.push(`  ${SEVERITY_ZH[f.severity]} ${cells} ${f.message}${values} [${f.rule}]`);
    }
  }
  const count = (s: Severity) => report.findings.filter((f) => f.severity === s).length;
  out.push(
    '',
    `识别 ${report.tables.length} 张表，未识别 ${report.unrecognized.length} 处；错误 ${count('error')}，警告 ${count('warning')}，提示 ${count('info')}。` +
      ` / ${report.tables.length} tables recognized, ${report.unrecognized.length} unrecognized; ${count('error')} errors, ${count('warning')} warnings, ${count('info')} info.`,
  );
  return out.join('\n');
}
