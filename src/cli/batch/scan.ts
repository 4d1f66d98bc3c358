/**
 * The files of a batch: every file with one of the given extensions under a folder, recursively,
 * as paths relative to it ('/'-separated) sorted by code point, so the order never depends on the
 * file system or the locale. Hidden files and folders (".…") and the lock files Excel leaves beside
 * an open workbook ("~$…") are not files of the batch; folders reached twice through links are
 * walked once; `skip` (real paths) leaves out, say, the report being written.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import type { FileRef } from './types';

export const WORKBOOK_EXTENSIONS = ['.xlsx', '.xlsm', '.xls'];
export const NARRATIVE_EXTENSIONS = ['.txt', '.docx'];

export async function scanFolder(root: string, extensions: readonly string[], skip: ReadonlySet<string> = new Set()): Promise<FileRef[]> {
  const base = path.resolve(root);
  const found: FileRef[] = [];
  const seen = new Set<string>();
  const walk = async (dir: string, rel: string): Promise<void> => {
    const real = await fs.realpath(dir);
    if (seen.has(real)) return;
    seen.add(real);
    // in name order, so that a folder reached twice is always listed under the same name
    const entries = (await fs.readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name.startsWith('~$')) continue;
      const abs = path.join(dir, entry.name);
      const shown = rel ? `${rel}/${entry.name}` : entry.name;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const target = await fs.stat(abs).catch(() => null);
        // a dangling link is listed when its name says workbook: it is then reported as missing
        isDir = !!target?.isDirectory();
        isFile = !target || target.isFile();
      }
      if (isDir) await walk(abs, shown);
      else if (isFile && extensions.includes(path.extname(entry.name).toLowerCase())) {
        if (skip.size && skip.has(await fs.realpath(abs).catch(() => abs))) continue;
        found.push({ abs, rel: shown });
      }
    }
  };
  await walk(base, '');
  return found.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}

/** Whether `inner` is `outer` or inside it (real paths). */
export function isInside(inner: string, outer: string): boolean {
  const rel = path.relative(outer, inner);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
