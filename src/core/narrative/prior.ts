import type { DraftInputs } from './draft/inputs';

/**
 * A prior-year workbook (--prior) must be of the year before and of the same department: the same
 * file given as its own prior drafts "持平" everywhere and makes every stated change look wrong.
 */

/** Why a workbook cannot be the prior year of another: its year, or its department. */
export type PriorProblem =
  | { kind: 'same-year'; year: number }
  | { kind: 'not-prior-year'; year: number; priorYear: number }
  | { kind: 'other-department'; department: string; priorDepartment: string };

/** A prior-year workbook as read for another: its values, or why it cannot serve. */
export type PriorReading = { inputs: Partial<DraftInputs>; problem?: undefined; message?: undefined } | { problem: PriorProblem; message: string; inputs?: undefined };

/** The Chinese (then English) line for a prior workbook that cannot serve. */
export function priorProblemMessage(problem: PriorProblem, fileName = '上年工作簿'): string {
  switch (problem.kind) {
    case 'same-year':
      return `“${fileName}”与本工作簿同为 ${problem.year} 年度，不能作为上年数（--prior 应是 ${problem.year - 1} 年度的决算）；未使用其中的数字。 / "${fileName}" is of the same year ${problem.year}; --prior needs the ${problem.year - 1} workbook. Its figures were not used.`;
    case 'not-prior-year':
      return `“${fileName}”是 ${problem.priorYear} 年度的，不是本工作簿（${problem.year} 年度）的上一年；未使用其中的数字。 / "${fileName}" is of ${problem.priorYear}, not the year before ${problem.year}. Its figures were not used.`;
    case 'other-department':
      return `“${fileName}”是“${problem.priorDepartment}”的，与本工作簿的“${problem.department}”不是同一部门；未使用其中的数字。 / "${fileName}" belongs to another department (${problem.priorDepartment}). Its figures were not used.`;
  }
}

/** A prior workbook of the wrong year or department, given where a draft needs its figures. */
export class PriorWorkbookError extends Error {
  constructor(
    readonly problem: PriorProblem,
    fileName?: string,
  ) {
    super(priorProblemMessage(problem, fileName));
    this.name = 'PriorWorkbookError';
  }
}

/** The region a name starts with ("武汉市江岸区"), if it names one. */
const REGION = /^(?:.{1,8}?(?:省|自治区))?(?:.{1,8}?(?:市|州|盟))?(?:.{1,8}?(?:区|县|旗))?/;

/**
 * Two department names of one department: one contains the other, or they share their region and at
 * least half the characters of the shorter rest (a department renamed by a merger keeps most of its
 * name: 住房保障和房屋管理局 → 住房和城市更新局).
 */
export function sameDepartment(a: string, b: string): boolean {
  if (a.includes(b) || b.includes(a)) return true;
  const ra = REGION.exec(a)?.[0] ?? '';
  const rb = REGION.exec(b)?.[0] ?? '';
  if (!ra || ra !== rb) return false;
  const restA = [...new Set(a.slice(ra.length))];
  const restB = new Set(b.slice(rb.length));
  const shared = restA.filter((ch) => restB.has(ch)).length;
  return shared * 2 >= Math.min(restA.length, restB.size);
}

/** Why values read from a workbook of `prior` year and department cannot be this workbook's prior year. */
export function priorProblemOf(current: { year?: number; department?: string }, prior: { year?: number; department?: string } | undefined): PriorProblem | undefined {
  if (!prior) return undefined;
  if (current.year !== undefined && prior.year !== undefined && prior.year !== current.year - 1) {
    return prior.year === current.year ? { kind: 'same-year', year: current.year } : { kind: 'not-prior-year', year: current.year, priorYear: prior.year };
  }
  if (current.department && prior.department && !sameDepartment(current.department, prior.department)) {
    return { kind: 'other-department', department: current.department, priorDepartment: prior.department };
  }
  return undefined;
}

