/**
 * The batch report for people on stdout (no -o): the summary worst first with each workbook's three
 * most serious problems, the counts by rule, the files that could not be read and the narratives or
 * prior-year workbooks that went with no workbook. The full findings are in the -o reports.
 */
import { SEVERITY_ZH } from '../../core/findings';
import { ruleCounts, worstFirst, type BatchReport, type WorkbookEntry } from './report';

const MATCHED_BY_ZH = { department: '按部门名称', 'file-name': '按文件名' } as const;

function workbookLines(w: WorkbookEntry): string[] {
  const facts = [
    w.department ?? '（未注明部门）',
    w.year ? `${w.year}年` : '年度未知',
    `${w.tables} 张表`,
    `错误 ${w.errors}`,
    `警告 ${w.warnings}`,
    `尾差 ${w.rounding}`,
  ];
  if (w.narrative) facts.push(w.narrative.status === 'checked' ? `情况说明不符 ${w.narrative.mismatches}` : `情况说明${w.narrative.status === 'unreadable' ? '无法读取' : '未核对'}`);
  const lines = [`${w.file}  ${facts.join('  ')}`];
  w.top.forEach((t, i) => lines.push(`    ${i + 1}. ${SEVERITY_ZH[t.severity]} ${t.cell ?? '情况说明'} ${t.message} [${t.rule}]`));
  if (w.narrative) {
    const n = w.narrative;
    lines.push(`    情况说明：${n.file}（${MATCHED_BY_ZH[n.matchedBy]}匹配）${n.reason ? `：${n.reason}` : n.status === 'checked' ? `，核对 ${n.numbers} 个数字，不符 ${n.mismatches} 处，未能核对 ${n.unresolved} 个` : ''}`);
  }
  if (w.prior) lines.push(`    上年工作簿：${w.prior.file}（${MATCHED_BY_ZH[w.prior.matchedBy]}匹配）${w.prior.reason ? `：${w.prior.reason}` : ''}`);
  return lines;
}

export function renderText(report: BatchReport): string {
  const out: string[] = [];
  if (!report.complete) out.push('【未完成】批量检查被中断，以下只是已检查的部分。 / Incomplete: the batch was stopped; what follows is the part checked.', '');
  out.push(`【汇总】${report.workbooks.length} 个工作簿，错误多的在前 / Summary, worst first`);
  for (const w of worstFirst(report.workbooks)) out.push(...workbookLines(w));
  const rules = ruleCounts(report.workbooks).filter((r) => r.errors + r.warnings > 0);
  if (rules.length) {
    out.push('', '【按规则】错误、警告（不含尾差）、涉及工作簿数 / By rule: errors, warnings, workbooks');
    for (const r of rules) out.push(`  ${r.rule}  ${r.title}  错误 ${r.errors}  警告 ${r.warnings}  工作簿 ${r.workbooks}`);
  }
  if (report.unreadable.length) {
    out.push('', `【无法读取】${report.unreadable.length} 个文件 / Unreadable files`);
    for (const u of report.unreadable) out.push(`  ${u.file}：${u.reason}`);
  }
  if (report.unmatched.length) {
    out.push('', `【未匹配】${report.unmatched.length} 个文件 / Not matched to a workbook`);
    for (const u of report.unmatched) out.push(`  ${u.kind === 'narrative' ? '情况说明' : '上年工作簿'} ${u.file}：${u.reason}`);
  }
  return out.join('\n');
}
