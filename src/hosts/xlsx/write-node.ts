import { promises as fsp } from 'fs';
import { writeFileSafely, type WriteFileOptions } from '../node/safe-write';

/**
 * Writing a workbook's bytes to disk (Node only): the safe writes of hosts/node/safe-write — never
 * over an input, atomic, a temporary file removed on failure and on SIGINT/SIGTERM, one-line errors.
 */
export { backupPath, replaceWithBackup, WorkbookFileError, type WriteFileOptions, type WriteFileProblem } from '../node/safe-write';

/**
 * Writes `bytes` to `outPath` atomically: into a temporary file in the same folder, flushed to disk,
 * then moved into place, so `outPath` never holds a half-written workbook and the temporary file is
 * removed on any failure. Without `overwriteExisting` an existing `outPath` is refused (also when it
 * appears while writing: the final step only links a name that does not exist yet).
 */
export async function writeWorkbookFile(outPath: string, bytes: Uint8Array, options: WriteFileOptions = {}): Promise<void> {
  await writeFileSafely(outPath, bytes, { fs: fsp, ...options });
}
