/**
 * The batch report as one self-contained HTML page: inline CSS and inline SVG charts, no script,
 * no external font, image or request of any kind, so it opens anywhere (offline, from a mail
 * attachment). Sections: the totals, the charts (errors by rule, departments by number of errors),
 * the summary worst first (each problem cut short, whole in its tooltip), the counts by rule, one collapsible section per department
 * with every finding ready to send back, the files that could not be read, the matching.
 */
import { bySeverity, SEVERITY_ZH, type Finding } from '../../core/findings';
import { escapeControls } from '../terminal';
import { byDepartment, errorHistogram, ruleCounts, worstFirst, type BatchReport, type DepartmentGroup, type RuleCount, type Totals, type WorkbookEntry } from './report';
import { findingCells, listedFinding } from './render-xlsx';

const MATCHED_BY_ZH = { department: '按部门名称', 'file-name': '按文件名' } as const;
const STATUS_ZH = { checked: '已核对', unreadable: '无法读取', 'not-checked': '未核对（已中断）' } as const;

/** Text for HTML: control characters escaped (as on the terminal), markup characters as entities. */
export function esc(text: string | number | null | undefined): string {
  if (text === null || text === undefined) return '';
  return escapeControls(String(text)).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const CSS = `
:root { --err: #c0392b; --warn: #b9770e; --ok: #1e8449; --line: #d9dee7; --head: #eef2f8; --ink: #1f2933; --muted: #5f6b7a; }
* { box-sizing: border-box; }
body { margin: 0; padding: 24px 32px 48px; color: var(--ink); background: #fff;
  font: 14px/1.55 "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", "WenQuanYi Micro Hei", sans-serif; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
.sub { color: var(--muted); margin: 0 0 14px; }
nav a { margin-right: 14px; color: #1a5fb4; text-decoration: none; }
.incomplete { background: #fdecea; border: 1px solid var(--err); color: var(--err); padding: 8px 12px; margin: 10px 0; font-weight: bold; }
.cards { display: flex; flex-wrap: wrap; gap: 10px; margin: 14px 0; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px; min-width: 118px; }
.card b { display: block; font-size: 22px; }
.card.err b { color: var(--err); } .card.warn b { color: var(--warn); }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; }
th, td { border: 1px solid var(--line); padding: 4px 7px; text-align: left; vertical-align: top; }
th { background: var(--head); font-weight: 600; white-space: nowrap; }
td.n, th.n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.e { color: var(--err); font-weight: 600; } td.w { color: var(--warn); }
td.file, td.dept { white-space: nowrap; }
ol.top { margin: 0; padding-left: 18px; } ol.top li { margin: 0; }
.sev-error { color: var(--err); font-weight: 600; white-space: nowrap; } .sev-warning { color: var(--warn); white-space: nowrap; } .sev-info { color: var(--muted); white-space: nowrap; }
.charts { display: flex; flex-wrap: wrap; gap: 24px; }
.chart { border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; }
.chart h3 { font-size: 14px; margin: 0 0 6px; }
details { border: 1px solid var(--line); border-radius: 6px; margin: 6px 0; padding: 4px 10px; }
details > summary { cursor: pointer; font-weight: 600; }
details details { border-style: dashed; }
.muted { color: var(--muted); }
.book { margin: 8px 0 4px; }
`;

function sevCell(severity: Finding['severity'], rounding?: boolean): string {
  return `<td class="sev-${severity}">${rounding ? '尾差' : SEVERITY_ZH[severity]}</td>`;
}

function findingRows(findings: readonly Finding[]): string {
  return findings
    .map(
      (f) =>
        `<tr>${sevCell(f.severity, f.rounding)}<td>${esc(findingCells(f) || (f.quote ? `“${f.quote}”` : ''))}</td><td class="n">${esc(f.expected)}</td><td class="n">${esc(f.actual)}</td><td>${esc(f.message)}</td><td class="muted">${esc(f.rule)}</td></tr>`,
    )
    .join('\n');
}

/** A message cut for the summary table (the whole message is in the row's tooltip and the department's section). */
function short(message: string, max = 56): string {
  return message.length > max ? `${message.slice(0, max - 1)}…` : message;
}

const FINDING_HEAD = '<tr><th>级别</th><th>单元格</th><th class="n">应为</th><th class="n">实为</th><th>说明</th><th>规则</th></tr>';

function workbookSection(w: WorkbookEntry): string {
  const listed = [...w.findings].filter(listedFinding).sort(bySeverity);
  const main = listed.filter((f) => !f.rounding);
  const rounding = listed.filter((f) => f.rounding);
  const facts = [w.year ? `${w.year}年` : '年度未知', `${w.tables} 张表`, `错误 ${w.errors}`, `警告 ${w.warnings}`, `尾差 ${w.rounding}`];
  const lines = [`<div class="book"><b>${esc(w.file)}</b> <span class="muted">${esc(facts.join('，'))}</span></div>`];
  if (w.narrative) {
    const n = w.narrative;
    lines.push(
      `<div class="muted">情况说明：${esc(n.file)}（${MATCHED_BY_ZH[n.matchedBy]}匹配，${STATUS_ZH[n.status]}${n.status === 'checked' ? `：核对 ${n.numbers} 个数字，不符 ${n.mismatches} 处，未能核对 ${n.unresolved} 个` : ''}）${n.reason ? esc(`：${n.reason}`) : ''}</div>`,
    );
  }
  if (w.prior) lines.push(`<div class="muted">上年工作簿：${esc(w.prior.file)}（${MATCHED_BY_ZH[w.prior.matchedBy]}匹配）${w.prior.reason ? esc(`：${w.prior.reason}`) : ''}</div>`);
  if (main.length) lines.push(`<table>${FINDING_HEAD}\n${findingRows(main)}</table>`);
  else lines.push('<div class="muted">没有错误或警告。</div>');
  if (rounding.length) lines.push(`<details><summary>尾差 ${rounding.length} 处（均在四舍五入范围内）</summary><table>${FINDING_HEAD}\n${findingRows(rounding)}</table></details>`);
  return lines.join('\n');
}

function departmentSection(g: DepartmentGroup, i: number): string {
  const name = g.department ?? `（未注明部门）${g.workbooks[0].file}`;
  return `<details id="dept-${i + 1}"><summary>${esc(name)} <span class="muted">— ${g.workbooks.length} 个工作簿，错误 ${g.errors}，警告 ${g.warnings}</span></summary>\n${g.workbooks.map(workbookSection).join('\n')}\n</details>`;
}

/** Horizontal bars: errors per rule (the rules with most errors, at most `limit`). */
export function ruleChart(rules: readonly RuleCount[], limit = 15): string {
  const shown = rules.filter((r) => r.errors > 0).slice(0, limit);
  if (!shown.length) return '<p class="muted">没有错误。</p>';
  const labelWidth = 300;
  const barWidth = 300;
  const row = 24;
  const max = Math.max(...shown.map((r) => r.errors));
  const height = shown.length * row + 8;
  const bars = shown.map((r, i) => {
    const y = 4 + i * row;
    const w = Math.max(2, Math.round((r.errors / max) * barWidth));
    const label = r.title.length > 22 ? `${r.title.slice(0, 21)}…` : r.title;
    return (
      `<g><title>${esc(`${r.rule} ${r.title}：错误 ${r.errors} 处，涉及 ${r.workbooks} 个工作簿`)}</title>` +
      `<text x="${labelWidth - 8}" y="${y + 16}" text-anchor="end" font-size="12" fill="#1f2933">${esc(label)}</text>` +
      `<rect x="${labelWidth}" y="${y + 3}" width="${w}" height="${row - 8}" fill="#c0392b" rx="2"/>` +
      `<text x="${labelWidth + w + 6}" y="${y + 16}" font-size="12" fill="#1f2933">${r.errors}</text></g>`
    );
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${labelWidth + barWidth + 50}" height="${height}" role="img" aria-label="各规则错误数">${bars.join('')}</svg>`;
}

/** Vertical bars: how many departments have 0, 1, 2, 3–5 … errors. */
export function histogramChart(groups: readonly DepartmentGroup[]): string {
  const buckets = errorHistogram(groups);
  const width = 420;
  const plotHeight = 160;
  const top = 22;
  const slot = (width - 40) / buckets.length;
  const max = Math.max(1, ...buckets.map((b) => b.count));
  const bars = buckets.map((b, i) => {
    const h = Math.round((b.count / max) * plotHeight);
    const x = 30 + i * slot + 6;
    const y = top + plotHeight - h;
    const colour = b.label === '0' ? '#1e8449' : '#c0392b';
    return (
      `<g><title>${esc(`错误 ${b.label} 处：${b.count} 个部门`)}</title>` +
      `<rect x="${x}" y="${y}" width="${slot - 12}" height="${Math.max(h, b.count ? 2 : 0)}" fill="${colour}" rx="2"/>` +
      `<text x="${x + (slot - 12) / 2}" y="${y - 5}" text-anchor="middle" font-size="12" fill="#1f2933">${b.count}</text>` +
      `<text x="${x + (slot - 12) / 2}" y="${top + plotHeight + 16}" text-anchor="middle" font-size="12" fill="#1f2933">${esc(b.label)}</text></g>`
    );
  });
  const axis = `<line x1="30" y1="${top + plotHeight}" x2="${width - 4}" y2="${top + plotHeight}" stroke="#9aa5b1"/>`;
  const caption = `<text x="${width / 2}" y="${top + plotHeight + 34}" text-anchor="middle" font-size="12" fill="#5f6b7a">错误数（处）</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${top + plotHeight + 42}" role="img" aria-label="按错误数的部门分布">${axis}${bars.join('')}${caption}</svg>`;
}

export function renderHtml(report: BatchReport, totals: Totals): string {
  const groups = byDepartment(report.workbooks);
  const groupOf = new Map<string, number>();
  groups.forEach((g, i) => g.workbooks.forEach((w) => groupOf.set(w.file, i + 1)));
  const rules = ruleCounts(report.workbooks);
  const out: string[] = [];
  out.push(
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>决算公开批量检查报告</title>',
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    '<h1>决算公开批量检查报告</h1>',
    `<p class="sub">共 ${totals.workbooks} 个工作簿，已检查 ${totals.checked} 个；错误多的在前。各部门的全部问题见“各部门明细”，可直接发回修改。</p>`,
    '<nav><a href="#charts">图表</a><a href="#summary">汇总</a><a href="#rules">按规则</a><a href="#departments">各部门明细</a><a href="#unreadable">无法读取</a><a href="#matching">匹配</a></nav>',
  );
  if (!report.complete) out.push('<div class="incomplete">未完成：批量检查被中断，本报告只含已检查的部分。 / Incomplete: the batch was stopped.</div>');
  const card = (label: string, value: number, cls = '') => `<div class="card ${cls}"><b>${value}</b>${label}</div>`;
  out.push(
    '<div class="cards">',
    card('个工作簿', totals.workbooks),
    card('个有错误', totals.withErrors, totals.withErrors ? 'err' : ''),
    card('处错误', totals.errors, totals.errors ? 'err' : ''),
    card('处警告', totals.warnings, totals.warnings ? 'warn' : ''),
    card('处尾差', totals.rounding),
    card('份情况说明已核对', totals.narratives),
    card('个文件无法读取', totals.unreadable, totals.unreadable ? 'err' : ''),
    '</div>',
  );

  out.push(
    '<h2 id="charts">图表</h2>',
    '<div class="charts">',
    `<div class="chart"><h3>各规则错误数（前 15 条）</h3>${ruleChart(rules)}</div>`,
    `<div class="chart"><h3>部门按错误数分布（${groups.length} 个部门）</h3>${histogramChart(groups)}</div>`,
    '</div>',
  );

  out.push('<h2 id="summary">汇总</h2>', '<table>', '<tr><th>文件</th><th>部门</th><th class="n">年度</th><th class="n">表</th><th class="n">错误</th><th class="n">警告</th><th class="n">尾差</th><th class="n">情况说明不符</th><th>最严重的问题</th></tr>');
  for (const w of worstFirst(report.workbooks)) {
    const top = w.top.length
      ? `<ol class="top">${w.top.map((t) => `<li title="${esc(t.message)}"><span class="sev-${t.severity}">${SEVERITY_ZH[t.severity]}</span> ${esc(t.cell ?? '情况说明')} ${esc(short(t.message))}</li>`).join('')}</ol>`
      : '<span class="muted">—</span>';
    const narrative = w.narrative ? (w.narrative.status === 'checked' ? String(w.narrative.mismatches) : STATUS_ZH[w.narrative.status]) : '';
    out.push(
      `<tr><td class="file"><a href="#dept-${groupOf.get(w.file)}">${esc(w.file)}</a></td><td class="dept">${esc(w.department ?? '（未注明）')}</td><td class="n">${esc(w.year)}</td><td class="n">${w.tables}</td>` +
        `<td class="n${w.errors ? ' e' : ''}">${w.errors}</td><td class="n${w.warnings ? ' w' : ''}">${w.warnings}</td><td class="n">${w.rounding}</td><td class="n">${esc(narrative)}</td><td>${top}</td></tr>`,
    );
  }
  out.push('</table>');

  out.push('<h2 id="rules">按规则</h2>', '<table>', '<tr><th>规则</th><th>名称</th><th class="n">错误</th><th class="n">警告</th><th class="n">尾差</th><th class="n">涉及工作簿</th></tr>');
  for (const r of rules) out.push(`<tr><td>${esc(r.rule)}</td><td>${esc(r.title)}</td><td class="n${r.errors ? ' e' : ''}">${r.errors}</td><td class="n">${r.warnings}</td><td class="n">${r.rounding}</td><td class="n">${r.workbooks}</td></tr>`);
  out.push('</table>');

  out.push('<h2 id="departments">各部门明细</h2>', ...groups.map(departmentSection));

  out.push('<h2 id="unreadable">无法读取</h2>');
  if (report.unreadable.length) {
    out.push('<table><tr><th>文件</th><th>原因</th></tr>', ...report.unreadable.map((u) => `<tr><td class="file">${esc(u.file)}</td><td>${esc(u.reason)}</td></tr>`), '</table>');
  } else out.push('<p class="muted">所有文件都已读取。</p>');

  out.push('<h2 id="matching">匹配</h2>');
  const matched = report.workbooks.filter((w) => w.narrative || w.prior);
  if (matched.length) {
    out.push('<table><tr><th>工作簿</th><th>情况说明</th><th>上年工作簿</th></tr>');
    for (const w of matched) {
      const n = w.narrative ? `${esc(w.narrative.file)} <span class="muted">（${MATCHED_BY_ZH[w.narrative.matchedBy]}，${STATUS_ZH[w.narrative.status]}）</span>` : '';
      const p = w.prior ? `${esc(w.prior.file)} <span class="muted">（${MATCHED_BY_ZH[w.prior.matchedBy]}${w.prior.reason ? '，无法读取' : ''}）</span>` : '';
      out.push(`<tr><td class="file">${esc(w.file)}</td><td>${n}</td><td>${p}</td></tr>`);
    }
    out.push('</table>');
  } else out.push('<p class="muted">没有匹配到情况说明或上年工作簿。</p>');
  if (report.unmatched.length) {
    out.push('<table><tr><th>未匹配的文件</th><th>原因</th></tr>', ...report.unmatched.map((u) => `<tr><td class="file">${u.kind === 'narrative' ? '情况说明' : '上年工作簿'} ${esc(u.file)}</td><td>${esc(u.reason)}</td></tr>`), '</table>');
  }
  out.push('</body>', '</html>', '');
  return out.join('\n');
}
