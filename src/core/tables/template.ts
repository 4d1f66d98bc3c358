import { refToA1, type RangeRef } from '../grid/address';
import type { Grid } from '../grid/grid';
import { findYear, normalizeLabel } from '../grid/text';
import type { SemanticTable, TableType, Unit } from './types';

/** A rectangle of a sheet believed to hold one table, with the title found for it. */
export interface Region {
  grid: Grid;
  range: RangeRef;
  /** Row of the title, or of the first header row when the table has no title. */
  titleRow: number;
  title: string;
}

export interface TemplateMatch {
  type: TableType;
  /** Higher is more specific; the most specific template of a title wins. */
  score: number;
}

/**
 * One table template = one file under src/core/tables/: how to know its title, and how to lay out
 * a region into lines and columns. A layout that does not fit returns a reason instead of a table.
 */
export interface TableTemplate {
  type: TableType;
  /** Chinese name for messages and listings. */
  name: string;
  /** Does this (normalized) title text name this template? 0 = no; larger = more specific. */
  matchTitle(title: string): number;
  /**
   * Header keywords that identify the table when it has no title line (all must occur in the
   * first rows of the region, after normalizeLabel).
   */
  headerSignature: readonly string[];
  layout(region: Region): SemanticTable | LayoutFailure;
}

export interface LayoutFailure {
  failure: string;
}

export function isFailure(x: SemanticTable | LayoutFailure): x is LayoutFailure {
  return (x as LayoutFailure).failure !== undefined;
}

/** Facts from the lines around a title: 部门, 单位, 公开0N表 label, year. */
export interface HeadFacts {
  department: string | null;
  unit: Unit | null;
  label: string | null;
  year: number | null;
}

const DEPARTMENT_PREFIX = /^(?:部门(?:名称)?|编制部门|编制单位|填报单位|预算部门名称|预算单位名称|单位名称)[:：]?(.*)$/;
const UNIT_TEXT = /(?:金额)?单位[:：]\s*(万元|元)/;
const LABEL_TEXT = /公开0?(\d{1,2})表/;

/** Reads 部门/单位/label lines in the first `depth` rows of a region (title row included). */
export function readHeadFacts(region: Region, depth = 4): HeadFacts {
  const { grid, range } = region;
  const facts: HeadFacts = { department: null, unit: null, label: null, year: findYear(region.title) };
  const last = Math.min(range.bottom, region.titleRow + depth);
  for (let r = Math.max(range.top, region.titleRow - 2); r <= last; r++) {
    for (let c = range.left; c <= range.right; c++) {
      if (!grid.isMasterOrSingle(r, c)) continue;
      const raw = grid.text(r, c);
      if (!raw) continue;
      const text = raw.normalize('NFKC').trim();
      const unit = UNIT_TEXT.exec(text.replace(/\s+/g, ''));
      if (unit && !facts.unit) facts.unit = unit[1] as Unit;
      const label = LABEL_TEXT.exec(text.replace(/\s+/g, ''));
      if (label && !facts.label) facts.label = `公开${label[1].padStart(2, '0')}表`;
      const dep = DEPARTMENT_PREFIX.exec(text.replace(/\s+/g, ''));
      if (dep && !facts.department) {
        const value = dep[1].replace(UNIT_TEXT, '').trim();
        if (value) facts.department = value;
        else {
          // "单位名称 | 江岸区住房保障和房屋管理局": the name is in the next filled cell to the right.
          const m = grid.mergeAt(r, c);
          for (let cc = (m ? m.right : c) + 1; cc <= range.right; cc++) {
            const t = grid.text(r, cc);
            if (t) {
              facts.department = t.replace(/\s+/g, '');
              break;
            }
          }
        }
      }
      if (!facts.year && /年度?/.test(text)) facts.year = findYear(text);
    }
  }
  return facts;
}

/** Normalized text of a cell through merges, '' when empty. */
export function labelAt(grid: Grid, row: number, col: number): string {
  const t = grid.text(row, col);
  return t ? normalizeLabel(t) : '';
}

/** "B5" for a 0-based cell. */
export function cellName(row: number, col: number): string {
  return refToA1({ row, col });
}

/** "第 5 行" or "第 4–6 行" for 0-based rows. */
export function rowsName(first: number, last = first): string {
  return last > first ? `第 ${first + 1}–${last + 1} 行` : `第 ${first + 1} 行`;
}

/** `B5 的“收入合计”` — a cell and the text it shows. */
export function cellWords(grid: Grid, row: number, col: number): string {
  return `${cellName(row, col)} 的“${normalizeLabel(grid.text(row, col))}”`;
}
