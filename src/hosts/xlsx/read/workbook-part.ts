import { relsPathOf, resolveTarget } from '../package/relationships';
import type { Parts } from './parts';

export interface SheetEntry {
  name: string;
  /** The worksheet's part name, resolved from the workbook's relationships. */
  path: string | null;
}

export interface WorkbookParts {
  /** Worksheets in workbook order (chart, dialog and macro sheets are left out), hidden ones included. */
  sheets: SheetEntry[];
  sharedStrings: string | null;
  styles: string | null;
  /** Dates count from 1904-01-01 (workbooks from old Mac Excel). */
  date1904: boolean;
}

export interface Rel {
  type: string;
  target: string;
}

/** The relationships of `source` by id; targets resolved to part names, external ones left out. */
export function relationships(parts: Parts, source: string): Map<string, Rel> {
  const out = new Map<string, Rel>();
  parts.parse(relsPathOf(source), {
    open(name, a) {
      if (name !== 'Relationship' || a.TargetMode === 'External' || a.Id === undefined) return;
      out.set(a.Id, { type: a.Type ?? '', target: resolveTarget(source, a.Target ?? '') });
    },
  });
  return out;
}

const isType = (rel: Rel, kind: string): boolean => rel.type.endsWith(`/${kind}`);

/** Reads the package's relationships and the workbook part: which sheets, where their parts are. */
export function readWorkbookPart(parts: Parts): WorkbookParts {
  const root = [...relationships(parts, '').values()].find((r) => isType(r, 'officeDocument') && parts.has(r.target));
  const workbookPath = root?.target ?? 'xl/workbook.xml';
  const rels = relationships(parts, workbookPath);
  const declared: { name: string; rid: string | undefined }[] = [];
  let date1904 = false;
  parts.parse(workbookPath, {
    open(name, a) {
      if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
      else if (name === 'sheet' && a.name !== undefined) {
        // r:id, whatever the relationships namespace's prefix is
        const rid = Object.keys(a).find((k) => k.endsWith(':id'));
        declared.push({ name: a.name, rid: rid === undefined ? undefined : a[rid] });
      }
    },
  });
  const sheets: SheetEntry[] = [];
  for (const s of declared) {
    const rel = s.rid === undefined ? undefined : rels.get(s.rid);
    if (rel && !isType(rel, 'worksheet')) continue; // a chart, dialog or macro sheet holds no cells to check
    sheets.push({ name: s.name, path: rel && parts.has(rel.target) ? rel.target : null });
  }
  const find = (kind: string, fallback: string): string | null => {
    const rel = [...rels.values()].find((r) => isType(r, kind) && parts.has(r.target));
    return rel?.target ?? (parts.has(fallback) ? fallback : null);
  };
  return { sheets, sharedStrings: find('sharedStrings', 'xl/sharedStrings.xml'), styles: find('styles', 'xl/styles.xml'), date1904 };
}
