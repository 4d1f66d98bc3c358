import {
  blameSentence,
  contractReport,
  formatDifference,
  groupBySheet,
  narrativeFindings,
  SEVERITY_ZH,
  type CheckReport,
  type Finding,
  type Severity,
} from '../core/findings';

/** JSON on stdout, UTF-8: the output contract's fields (plus allowed additions). */
export function formatJson(report: CheckReport): string {
  return JSON.stringify(contractReport(report), null, 2);
}

/** One report per line, for several files (JSON Lines). */
export function formatJsonLine(report: CheckReport): string {
  return JSON.stringify(contractReport(report));
}

/** Human-readable: grouped by sheet, one finding a line, a summary line at the end. */
export interface TextOptions {
  /** List every 尾差 instead of one line per sheet. */
  expandRounding?: boolean;
  /** How the narrative's numbers were checked: against the tables, against each other. */
  narrative?: { resolved: number; verified: number };
}

const at = (sheet: string, c: { sheet: string; address: string }) => (c.sheet === sheet ? c.address : `${c.sheet}!${c.address}`);

function findingLine(sheet: string, f: Finding): string {
  // The first cell (the total or the left side) is the one to look at; the rest are listed after.
  const cells = f.cells.map((c) => at(sheet, c));
  const where = cells.length > 4 ? `${cells.slice(0, 3).join(',')} 等 ${cells.length} 格` : cells.join(',');
  // only what is known: "（应为 X，实为 Y）", "（应为 X）" or "（实为 Y）"
  const known = [f.expected !== null ? `应为 ${f.expected}` : '', f.actual !== null ? `实为 ${f.actual}` : ''].filter(Boolean);
  const values = known.length ? `（${known.join('，')}）` : '';
  return `  ${SEVERITY_ZH[f.severity]} ${where} ${f.message}${blameSentence(f)}${values} [${f.rule}]`;
}

export function formatText(report: CheckReport, options: TextOptions = {}): string {
  const out: string[] = [`文件 ${report.file}`];
  const sections = new Map<string, string[]>();
  const section = (sheet: string) => {
    let e = sections.get(sheet);
    if (!e) sections.set(sheet, (e = []));
    return e;
  };
  for (const t of report.tables) {
    const facts = [t.year ? `${t.year}年` : '年份未知', t.unit ?? '单位未标明', t.department ? `部门：${t.department}` : ''].filter(Boolean);
    section(t.sheet).push(`  ${t.range.padEnd(8)} ${t.type.padEnd(12)} ${t.title || '（无标题）'}（${facts.join('，')}）`);
  }
  for (const u of report.unrecognized) section(u.sheet).push(`  未识别：${u.reason}${u.bestGuess ? `（最接近 ${u.bestGuess}）` : ''}`);
  // sheets in the order they were first named (tables, then unrecognized, then findings)
  const order = [...sections.keys()];
  const groups = new Map(groupBySheet(report.findings, order, { foldRounding: !options.expandRounding }).map((g) => [g.sheet, g]));
  for (const sheet of groups.keys()) section(sheet);
  for (const [sheet, lines] of sections) {
    out.push('', `【${sheet}】`, ...lines);
    const g = groups.get(sheet);
    if (!g) continue;
    for (const f of g.findings) out.push(findingLine(sheet, f));
    if (g.rounding.length) {
      // 尾差 are grouped into one line per sheet so they never bury the errors.
      const firsts = [...new Set(g.rounding.map((f) => f.cells[0]).filter(Boolean).map((c) => at(sheet, c)))];
      out.push(
        `  警告 尾差 ${g.rounding.length} 处，最大相差 ${formatDifference(g.largestRounding)}（${firsts.slice(0, 8).join(',')}${firsts.length > 8 ? ' 等' : ''}），均在四舍五入范围内；用 --show-rounding 逐条列出。`,
      );
    }
  }
  const narrative = narrativeFindings(report.findings);
  if (narrative.checked.length || narrative.unresolved.length) {
    out.push('', '【情况说明】');
    for (const f of narrative.checked) {
      const cells = f.cells.length ? `（表中：${f.cells.slice(0, 3).map((c) => `${c.sheet}!${c.address}`).join(',')}${f.cells.length > 3 ? ' 等' : ''}）` : '';
      out.push(`  ${SEVERITY_ZH[f.severity]} “${f.quote}” ${f.message}${cells} [${f.rule}]`);
    }
    if (options.narrative)
      out.push(`  已核对 ${options.narrative.resolved + options.narrative.verified} 个数字：${options.narrative.resolved} 个与表中数据对照，${options.narrative.verified} 个与文中其他数字相互核对（完成率、增减、合计等）。`);
    if (narrative.unresolved.length)
      out.push(`  提示 另有 ${narrative.unresolved.length} 个数字未能与表中数据或文中其他数字对应，未核对；上年数、年初预算、政府采购数可用 --prior 或 --inputs 提供；--format json 可逐条查看。`);
  }
  const count = (s: Severity) => report.findings.filter((f) => f.severity === s).length;
  out.push(
    '',
    `识别 ${report.tables.length} 张表，未识别 ${report.unrecognized.length} 处；错误 ${count('error')}，警告 ${count('warning')}，提示 ${count('info')}。` +
      ` / ${plural(report.tables.length, 'table')} recognized, ${report.unrecognized.length} unrecognized; ${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${count('info')} info.`,
  );
  return out.join('\n');
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** `gongkai check --rules`: what is checked, so a reviewer can see it. */
export function formatRules(rules: readonly { meta: { id: string; title: string; identity: string; severity: Severity; source: string } }[]): string {
  const lines = rules.map((r) => `${r.meta.id}\t${SEVERITY_ZH[r.meta.severity]}\t${r.meta.title}\t${r.meta.identity}\t（${r.meta.source}）`);
  return [`共 ${rules.length} 条规则 / ${rules.length} rules`, 'id\t级别\t名称\t等式\t来源', ...lines].join('\n');
}
