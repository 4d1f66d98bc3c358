/**
 * The batch report as an .xlsx (written with exceljs, loaded only for this): 汇总 (one row per
 * workbook, worst first), 明细 (every finding with its department, cells, 应为 / 实为 and message —
 * one sheet with a department column and filters, not one sheet per department), 按规则, 无法读取,
 * 匹配 (each workbook's narrative and prior-year workbook, and the files that went with none).
 * Every table has its header row frozen and an auto-filter.
 */
import type { Worksheet } from 'exceljs';
import { bySeverity, SEVERITY_ZH, type Finding } from '../../core/findings';
import { escapeControls } from '../terminal';
import { byDepartment, ruleCounts, ruleTitle, worstFirst, type BatchReport, type Totals } from './report';

const MATCHED_BY_ZH = { department: '按部门名称', 'file-name': '按文件名' } as const;
const STATUS_ZH = { checked: '已核对', unreadable: '无法读取', 'not-checked': '未核对（已中断）' } as const;

type Cell = string | number | null;

/** Findings listed in 明细: all but the narrative numbers that could be tied to nothing (not checked). */
export const listedFinding = (f: Finding): boolean => !f.unresolved;

export function findingCells(f: Finding): string {
  return f.cells.map((c) => `${c.sheet}!${c.address}`).join(', ');
}

export async function renderXlsx(report: BatchReport, totals: Totals): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = 'gongkai batch';
  // fixed dates: the same batch gives the same workbook content
  book.created = book.modified = new Date(Date.UTC(2000, 0, 1));

  const banner =
    `决算公开批量检查：共 ${totals.workbooks} 个工作簿，已检查 ${totals.checked} 个，无法读取 ${totals.unreadable} 个；` +
    `错误 ${totals.errors} 处（${totals.withErrors} 个工作簿），警告 ${totals.warnings} 处，尾差 ${totals.rounding} 处。` +
    (report.complete ? '' : '【未完成：批量检查被中断，只含已检查的部分】');
  const summary = table(
    book.addWorksheet('汇总'),
    [
      ['文件', 36],
      ['部门', 30],
      ['年度', 7],
      ['表数', 6],
      ['错误', 6],
      ['警告', 6],
      ['尾差', 6],
      ['情况说明', 24],
      ['其中：情况说明不符', 10],
      ['上年工作簿', 24],
      ['主要问题1', 60],
      ['主要问题2', 60],
      ['主要问题3', 60],
    ],
    worstFirst(report.workbooks).map((w) => {
      const top = w.top.map((t) => `${SEVERITY_ZH[t.severity]} ${t.cell ?? '情况说明'}：${t.message}`);
      return [
        w.file,
        w.department,
        w.year,
        w.tables,
        w.errors,
        w.warnings,
        w.rounding,
        w.narrative ? `${w.narrative.file}（${MATCHED_BY_ZH[w.narrative.matchedBy]}，${STATUS_ZH[w.narrative.status]}）` : null,
        w.narrative?.status === 'checked' ? w.narrative.mismatches : null,
        w.prior ? `${w.prior.file}（${MATCHED_BY_ZH[w.prior.matchedBy]}${w.prior.reason ? '，无法读取' : ''}）` : null,
        top[0] ?? null,
        top[1] ?? null,
        top[2] ?? null,
      ];
    }),
    banner,
  );
  summary.getCell('A1').font = { bold: true, color: { argb: report.complete ? 'FF000000' : 'FFC00000' } };

  const detail: Cell[][] = [];
  for (const g of byDepartment(report.workbooks)) {
    for (const w of g.workbooks) {
      for (const f of [...w.findings].filter(listedFinding).sort(bySeverity)) {
        detail.push([
          w.department ?? '（未注明部门）',
          w.file,
          SEVERITY_ZH[f.severity],
          f.rounding ? '是' : null,
          f.source === 'narrative' ? '情况说明' : '表格',
          findingCells(f) || null,
          f.expected,
          f.actual,
          f.message,
          f.quote ?? null,
          f.rule,
          ruleTitle(f.rule),
          f.id ?? null,
        ]);
      }
    }
  }
  table(
    book.addWorksheet('明细'),
    [
      ['部门', 30],
      ['文件', 36],
      ['级别', 6],
      ['尾差', 6],
      ['来源', 8],
      ['单元格', 28],
      ['应为', 12],
      ['实为', 12],
      ['说明', 90],
      ['情况说明原文', 16],
      ['规则', 24],
      ['规则名称', 36],
      ['编号', 40],
    ],
    detail,
  );

  table(
    book.addWorksheet('按规则'),
    [
      ['规则', 28],
      ['名称', 44],
      ['错误', 8],
      ['警告', 8],
      ['尾差', 8],
      ['涉及工作簿', 10],
    ],
    ruleCounts(report.workbooks).map((r) => [r.rule, r.title, r.errors, r.warnings, r.rounding, r.workbooks]),
  );

  table(
    book.addWorksheet('无法读取'),
    [
      ['文件', 40],
      ['原因', 120],
    ],
    report.unreadable.map((u) => [u.file, u.reason]),
  );

  table(
    book.addWorksheet('匹配'),
    [
      ['工作簿', 36],
      ['部门', 30],
      ['情况说明', 36],
      ['匹配方式', 12],
      ['核对', 16],
      ['上年工作簿', 36],
      ['匹配方式', 12],
      ['说明', 60],
    ],
    [
      ...report.workbooks.map((w): Cell[] => [
        w.file,
        w.department,
        w.narrative?.file ?? null,
        w.narrative ? MATCHED_BY_ZH[w.narrative.matchedBy] : null,
        w.narrative ? STATUS_ZH[w.narrative.status] : null,
        w.prior?.file ?? null,
        w.prior ? MATCHED_BY_ZH[w.prior.matchedBy] : null,
        [w.narrative?.reason, w.prior?.reason, ...(w.narrative?.notes ?? [])].filter(Boolean).join('；') || null,
      ]),
      ...report.unmatched.map((u): Cell[] => [null, null, u.kind === 'narrative' ? u.file : null, '未匹配', null, u.kind === 'prior' ? u.file : null, u.kind === 'prior' ? '未匹配' : null, u.reason]),
    ],
  );

  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** A table on `sheet`: an optional banner line, the header (bold, frozen, filtered), the rows. */
function table(sheet: Worksheet, columns: [string, number][], rows: Cell[][], banner?: string): Worksheet {
  const headerRow = banner ? 2 : 1;
  if (banner) sheet.getCell('A1').value = escapeControls(banner);
  sheet.columns = columns.map(([, width]) => ({ width }));
  const header = sheet.getRow(headerRow);
  header.values = columns.map(([name]) => name);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  for (const [i, r] of rows.entries()) {
    sheet.getRow(headerRow + 1 + i).values = r.map((v) => (typeof v === 'string' ? escapeControls(v) : v));
  }
  sheet.views = [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }];
  sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow + Math.max(rows.length, 1), column: columns.length } };
  return sheet;
}
