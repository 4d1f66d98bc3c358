/**
 * The findings report as one HTML page that opens anywhere — a browser, a mail client's preview, a
 * phone — with nothing outside it: no script, no external style sheet, font or image (a
 * Content-Security-Policy of `default-src 'none'` says so to the browser), system fonts for Chinese.
 * It prints on A4 landscape. Every text from the workbook is escaped.
 */
import { REPORT_COLUMNS, severityLine, type ReviewReport } from './report';

const esc = (s: string | number): string =>
  String(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

const STYLE = `
:root { color-scheme: light dark; }
body { font-family: "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", SimSun, sans-serif;
  margin: 24px; line-height: 1.6; color: #1f1f1f; background: #fff; }
h1 { font-size: 22px; text-align: center; margin: 0 0 16px; }
h2 { font-size: 17px; margin: 28px 0 8px; }
h2 small { font-weight: normal; color: #555; font-size: 14px; margin-left: 8px; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { border: 1px solid #bbb; padding: 4px 6px; vertical-align: top; text-align: left; }
th { background: #eef2f7; position: sticky; top: 0; }
table.summary { width: auto; min-width: 50%; }
table.summary th { width: 8em; position: static; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.error td.level { color: #9c0006; font-weight: bold; }
tr.warning td.level, tr.rounding td.level { color: #7f6000; }
tr.fixed td { color: #666; }
tr.fixed td.status { color: #2e7d32; }
td.status { white-space: nowrap; }
.c-cell, .c-level { white-space: nowrap; }
.c-explanation, .c-comment { min-width: 10em; }
.c-updated { min-width: 7em; }
.c-ruleTitle { min-width: 6em; }
@media (prefers-color-scheme: dark) {
  body { color: #e6e6e6; background: #1e1e1e; }
  th { background: #2b3440; } th, td { border-color: #555; }
  tr.error td.level { color: #ff8a80; } tr.warning td.level, tr.rounding td.level { color: #ffd54f; }
  tr.fixed td { color: #aaa; } h2 small { color: #bbb; }
}
@media print { @page { size: A4 landscape; margin: 12mm; } body { margin: 0; } th { position: static; } }
`;

const NUMERIC = new Set(['no', 'expected', 'actual']);

export function reportHtml(report: ReviewReport): string {
  const title = `${report.department ? `${report.department} ` : ''}${report.year ? `${report.year}年度 ` : ''}${report.title}`;
  const out: string[] = [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="Gongkai Lens 决算公开助手">',
    `<title>${esc(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1>${esc(title)}</h1>`,
    '<section id="summary"><h2>汇总</h2><table class="summary"><tbody>',
    ...report.summaryRows.map(([k, v]) => `<tr><th scope="row">${esc(k)}</th><td>${esc(v)}</td></tr>`),
    '</tbody></table></section>',
  ];
  if (!report.sections.length) out.push('<p>没有需要列出的审核发现。</p>');
  const columns = REPORT_COLUMNS.filter((c) => c.key !== 'table');
  report.sections.forEach((section, i) => {
    const counts = severityLine(section.rows);
    out.push(
      `<section class="table" id="t${i + 1}"><h2>${esc(section.title)}${counts ? `<small>${esc(counts)}</small>` : ''}</h2>`,
      '<table class="findings"><thead><tr>',
      ...columns.map((c) => `<th scope="col" class="c-${c.key}">${esc(c.zh)}</th>`),
      '</tr></thead><tbody>',
    );
    for (const row of section.rows) {
      const cls = row.status === 'fixed' ? `${row.kind} fixed` : row.kind;
      out.push(
        `<tr class="${cls}" data-status="${row.status}">` +
          columns
            .map((c) => {
              const klass = c.key === 'level' ? ' class="level"' : c.key === 'statusText' ? ' class="status"' : NUMERIC.has(c.key) ? ' class="num"' : '';
              return `<td${klass}>${esc(row[c.key])}</td>`;
            })
            .join('') +
          '</tr>',
      );
    }
    out.push('</tbody></table></section>');
  });
  out.push('</body>', '</html>', '');
  return out.join('\n');
}
