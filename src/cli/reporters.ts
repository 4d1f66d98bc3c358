import type { CheckReport, Finding, Severity } from '../core/findings';

const SEVERITY_ZH: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

/** CONTRACT.md: JSON on stdout, UTF-8, exactly the contract's fields (plus allowed additions). */
export function formatJson(report: CheckReport): string {
  return JSON.stringify(report, null, 2);
}

/** Human-readable: grouped by sheet, one finding a line, a summary line at the end. */
export interface TextOptions {
  /** List every 尾差 instead of one line per sheet. */
  expandRounding?: boolean;
  /** How the narrative's numbers were checked: against the tables, against each other. */
  narrative?: { resolved: number; verified: number };
}

export function formatText(report: CheckReport, options: TextOptions = {}): string {
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
  const narrative = report.findings.filter((f) => f.source === 'narrative');
  for (const f of report.findings) if (f.source !== 'narrative') entry(f.cells[0]?.sheet ?? '（工作簿）').findings.push(f);
  const order: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  for (const [sheet, e] of sheets) {
    out.push('', `【${sheet}】`, ...e.tables, ...e.notes);
    const rounding = options.expandRounding ? [] : e.findings.filter((f) => f.rounding);
    const shown = e.findings.filter((f) => !rounding.includes(f)).sort((a, b) => order[a.severity] - order[b.severity]);
    for (const f of shown) {
      // The first cell (the total or the left side) is the one to look at; the rest are listed after.
      const cells = f.cells.map((c) => (c.sheet === sheet ? c.address : `${c.sheet}!${c.address}`));
      const where = cells.length > 4 ? `${cells.slice(0, 3).join(',')} 等 ${cells.length} 格` : cells.join(',');
      const values = f.expected !== null || f.actual !== null ? `（应为 ${f.expected ?? '—'}，实为 ${f.actual ?? '—'}）` : '';
      out.push(`  ${SEVERITY_ZH[f.severity]} ${where} ${f.message}${values} [${f.rule}]`);
    }
    if (rounding.length) {
      // 尾差 are grouped into one line per sheet so they never bury the errors.
      const largest = rounding.reduce((m, f) => {
        const d = Math.abs(Number(f.difference ?? 0));
        return d > m ? d : m;
      }, 0);
      const firsts = [...new Set(rounding.map((f) => f.cells[0]).filter(Boolean).map((c) => (c.sheet === sheet ? c.address : `${c.sheet}!${c.address}`)))];
      out.push(
        `  警告 尾差 ${rounding.length} 处，最大相差 ${largest.toFixed(largest < 0.01 ? 3 : 2)}（${firsts.slice(0, 8).join(',')}${firsts.length > 8 ? ' 等' : ''}），均在四舍五入范围内；用 --show-rounding 逐条列出。`,
      );
    }
  }
  if (narrative.length) {
    out.push('', '【情况说明】');
    const checked = narrative.filter((f) => f.rule !== 'NARRATIVE.unresolved');
    for (const f of checked.sort((a, b) => order[a.severity] - order[b.severity])) {
      const cells = f.cells.length ? `（表中：${f.cells.slice(0, 3).map((c) => `${c.sheet}!${c.address}`).join(',')}${f.cells.length > 3 ? ' 等' : ''}）` : '';
      out.push(`  ${SEVERITY_ZH[f.severity]} “${f.quote}” ${f.message}${cells} [${f.rule}]`);
    }
    if (options.narrative)
      out.push(`  已核对 ${options.narrative.resolved + options.narrative.verified} 个数字：${options.narrative.resolved} 个与表中数据对照，${options.narrative.verified} 个与文中其他数字相互核对（完成率、增减、合计等）。`);
    const unresolved = narrative.length - checked.length;
    if (unresolved) out.push(`  提示 另有 ${unresolved} 个数字未能与表中数据或文中其他数字对应，未核对；上年数、年初预算、政府采购数可用 --prior 或 --inputs 提供；--format json 可逐条查看。`);
  }
  const count = (s: Severity) => report.findings.filter((f) => f.severity === s).length;
  out.push(
    '',
    `识别 ${report.tables.length} 张表，未识别 ${report.unrecognized.length} 处；错误 ${count('error')}，警告 ${count('warning')}，提示 ${count('info')}。` +
      ` / ${report.tables.length} tables recognized, ${report.unrecognized.length} unrecognized; ${count('error')} errors, ${count('warning')} warnings, ${count('info')} info.`,
  );
  return out.join('\n');
}

/** `gongkai check --rules`: what is checked, so a reviewer can see it. */
export function formatRules(rules: readonly { meta: { id: string; title: string; identity: string; severity: Severity; source: string } }[]): string {
  const lines = rules.map((r) => `${r.meta.id}\t${SEVERITY_ZH[r.meta.severity]}\t${r.meta.title}\t${r.meta.identity}\t（${r.meta.source}）`);
  return [`共 ${rules.length} 条规则 / ${rules.length} rules`, 'id\t级别\t名称\t等式\t来源', ...lines].join('\n');
}
