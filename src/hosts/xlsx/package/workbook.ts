/** The workbook part (xl/workbook.xml): its sheets, and the flag that makes Excel recalculate. */

import { unreadablePart } from './errors';
import type { Relationship } from './relationships';
import { editStartTag, findElement, findElements, parseAttributes, rootPrefix, setAttribute } from './xml';

export interface SheetInfo {
  name: string;
  /** The worksheet's part name. */
  path: string;
}

/** The sheets in workbook order, each with the part its relationship points at. */
export function parseSheets(workbookXml: string, rels: readonly Relationship[]): SheetInfo[] {
  const p = rootPrefix(workbookXml, 'workbook');
  const out: SheetInfo[] = [];
  for (const el of findElements(workbookXml, `${p}sheet`)) {
    const a = parseAttributes(el.attrs);
    const name = a.get('name');
    const rid = [...a.entries()].find(([k]) => /^[^:]+:id$/.test(k))?.[1];
    const rel = rid === undefined ? undefined : rels.find((r) => r.id === rid);
    if (name !== undefined && rel) out.push({ name, path: rel.target });
  }
  return out;
}

/** The elements that may follow calcPr in a workbook, in schema order. */
const CALC_PR_FOLLOWERS = [
  'oleSize',
  'customWorkbookViews',
  'pivotCaches',
  'smartTagPr',
  'smartTagTypes',
  'webPublishing',
  'fileRecoveryPr',
  'webPublishObjects',
  'extLst',
];

/** Sets `<calcPr fullCalcOnLoad="1">`, adding calcPr at its place in the schema order when missing. */
export function setFullCalcOnLoad(xml: string): string {
  const p = rootPrefix(xml, 'workbook');
  const calcPr = findElement(xml, `${p}calcPr`);
  if (calcPr) return editStartTag(xml, calcPr, (tag) => setAttribute(tag, 'fullCalcOnLoad', '1'));
  const element = `<${p}calcPr fullCalcOnLoad="1"/>`;
  for (const name of CALC_PR_FOLLOWERS) {
    const next = findElement(xml, `${p}${name}`);
    if (next) return xml.slice(0, next.start) + element + xml.slice(next.start);
  }
  const end = xml.lastIndexOf(`</${p}workbook>`);
  if (end < 0) throw unreadablePart('workbook.xml');
  return xml.slice(0, end) + element + xml.slice(end);
}
