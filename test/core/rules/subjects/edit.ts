import { fromA1 } from '../../../../src/core/grid/address';
import type { Cell, Workbook } from '../../../../src/core/grid/grid';
import { loadFixture } from '../../../helpers/fixtures';
import { variantWorkbook } from '../../../helpers/variant-workbook';

/**
 * A case workbook: a fixture with raw cells edited by address ("公开02表!B29"), for what `set` cannot
 * reach (codes, names, titles, unit lines, formulas). A string or number replaces the value (and
 * drops any formula); a Cell object replaces the cell.
 */
export function edited(fixture: string, edits: Record<string, string | number | null | Cell>): () => Promise<Workbook> {
  return editedFrom(() => loadFixture(fixture), edits);
}

/** The same on a generated layout variant (test/fixtures/variants.ts), e.g. 'national-single-code-column'. */
export function editedVariant(name: string, edits: Record<string, string | number | null | Cell> = {}): () => Promise<Workbook> {
  return editedFrom(() => variantWorkbook(name), edits);
}

function editedFrom(load: () => Promise<Workbook>, edits: Record<string, string | number | null | Cell>): () => Promise<Workbook> {
  return async () => {
    const wb = await load();
    for (const [where, value] of Object.entries(edits)) {
      const [sheet, address] = where.split('!');
      const grid = wb.sheets.find((s) => s.name === sheet);
      if (!grid) throw new Error(`no sheet ${sheet}`);
      const { row, col } = fromA1(address);
      const old = grid.cell(row, col);
      const cell: Cell =
        value !== null && typeof value === 'object' ? value : { ...(old ?? {}), value, formula: undefined, noCachedResult: undefined };
      grid.set(row, col, cell);
    }
    return wb;
  };
}

export const GONGKAI = 'jiangan-2024-gongkai.xlsx';
export const JIXIAO = 'jiangan-2024-jixiao.xlsx';
