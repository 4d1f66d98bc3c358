import { decodeXmlBytes, rootNamespace, type CustomXmlItem } from '../custom-xml';
import { Budget, DEFAULT_READ_LIMITS, type ReadLimits } from './limits';
import { Parts } from './parts';
import { relationships, type Rel } from './workbook-part';

const CUSTOM_XML_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml';

/** The most one custom XML item may inflate to: a review of thousands of findings is well under 2 MiB. */
export const MAX_CUSTOM_XML_BYTES = 16 * 1024 * 1024;

/**
 * The custom XML items of a workbook (related from the workbook part, or from the package), each
 * with the namespace of its root element: the reader's one look at parts beyond the grid, for the
 * add-in's review and settings. Within the reader's budget; throws ReadFailure.
 */
export function readCustomXml(bytes: Uint8Array, limits: Partial<ReadLimits> = {}): CustomXmlItem[] {
  const parts = new Parts(bytes, new Budget({ ...DEFAULT_READ_LIMITS, ...limits }));
  const isCustom = (r: Rel) => r.type === CUSTOM_XML_REL && parts.has(r.target);
  const root = [...relationships(parts, '').values()];
  const workbook = root.find((r) => r.type.endsWith('/officeDocument') && parts.has(r.target))?.target ?? 'xl/workbook.xml';
  const targets = new Set([...relationships(parts, workbook).values(), ...root].filter(isCustom).map((r) => r.target));
  const out: CustomXmlItem[] = [];
  for (const path of targets) {
    const raw = parts.partBytes(path, MAX_CUSTOM_XML_BYTES);
    if (!raw) continue;
    const xml = decodeXmlBytes(raw);
    out.push({ path, namespace: rootNamespace(xml) ?? '', xml });
  }
  return out;
}
