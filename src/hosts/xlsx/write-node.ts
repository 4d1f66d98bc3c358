import { randomBytes } from 'crypto';
import { existsSync, promises as fs } from 'fs';
import * as path from 'path';

export interface WriteFileOptions {
  /** Replace a file already at `outPath` (for --in-place and --force). Default: refuse. */
  overwriteExisting?: boolean;
}

export type WriteFileProblem = 'exists' | 'directory' | 'missing-folder' | 'permission' | 'io';

/** The output could not be written; nothing was left behind. One line, Chinese first, then English. */
export class WorkbookFileError extends Error {
  constructor(
    message: string,
    readonly problem: WriteFileProblem,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'WorkbookFileError';
  }
}

/**
 * Writes `bytes` to `outPath` atomically: into a temporary file in the same folder, flushed to disk,
 * then moved into place, so `outPath` never holds a half-written workbook and the temporary file is
 * removed on any failure. Without `overwriteExisting` an existing `outPath` is refused (also when it
 * appears while writing: the final step only links a name that does not exist yet).
 */
export async function writeWorkbookFile(outPath: string, bytes: Uint8Array, options: WriteFileOptions = {}): Promise<void> {
  const target = path.resolve(outPath);
  const dir = path.dirname(target);
  const existing = await statOrNull(target);
  if (existing?.isDirectory()) {
    throw new WorkbookFileError(`“${outPath}”是文件夹，不能作为输出文件。 / "${outPath}" is a directory, not an output file.`, 'directory');
  }
  if (existing && !options.overwriteExisting) throw existsError(outPath);

  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  let tempExists = false;
  try {
    const handle = await fs.open(temp, 'wx');
    tempExists = true;
    try {
      // A replaced file keeps its permissions.
      if (existing) await handle.chmod(existing.mode & 0o7777).catch(() => undefined);
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.overwriteExisting) {
      await fs.rename(temp, target);
      tempExists = false;
    } else {
      await placeWithoutReplacing(temp, target, outPath);
      tempExists = false;
    }
  } catch (cause) {
    if (tempExists) await fs.rm(temp, { force: true }).catch(() => undefined);
    if (cause instanceof WorkbookFileError) throw cause;
    throw fileError(outPath, dir, cause);
  }
}

/**
 * A hard link fails when the name exists, so no other writer's file is ever replaced; on file
 * systems without hard links (FAT, some network shares) the check and the rename are two steps.
 */
async function placeWithoutReplacing(temp: string, target: string, outPath: string): Promise<void> {
  try {
    await fs.link(temp, target);
    await fs.rm(temp, { force: true });
    return;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw existsError(outPath);
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK', 'EINVAL'].includes(code ?? '')) throw error;
  }
  if (await statOrNull(target)) throw existsError(outPath);
  await fs.rename(temp, target);
}

/**
 * A free name beside `inPath` for the backup kept by --in-place: "IN.backup-20261122-0130.xlsx"
 * (local time), then "IN.backup-20261122-0130-2.xlsx" and so on if that name is taken.
 */
export function backupPath(inPath: string, now: Date = new Date()): string {
  const ext = path.extname(inPath);
  const stem = ext ? inPath.slice(0, -ext.length) : inPath;
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}`;
  for (let i = 1; ; i++) {
    const candidate = `${stem}.backup-${stamp}${i === 1 ? '' : `-${i}`}${ext}`;
    if (!existsSync(candidate)) return candidate;
  }
}

async function statOrNull(p: string) {
  try {
    return await fs.stat(p);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    if (code === 'ENOTDIR') return null; // the folder part is a file: reported when writing
    throw fileError(p, path.dirname(p), error);
  }
}

function existsError(outPath: string): WorkbookFileError {
  return new WorkbookFileError(
    `输出文件“${outPath}”已存在，未覆盖；请换一个文件名，或用 --force 覆盖。 / The output file "${outPath}" already exists and was not replaced; choose another name or use --force.`,
    'exists',
  );
}

function fileError(outPath: string, dir: string, cause: unknown): WorkbookFileError {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new WorkbookFileError(
      `无法写入“${outPath}”：文件夹“${dir}”不存在（或不是文件夹）。 / Cannot write "${outPath}": the folder "${dir}" does not exist (or is not a folder).`,
      'missing-folder',
      { cause },
    );
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new WorkbookFileError(
      `无法写入“${outPath}”：没有写入权限。 / Cannot write "${outPath}": permission denied.`,
      'permission',
      { cause },
    );
  }
  if (code === 'EISDIR') {
    return new WorkbookFileError(`“${outPath}”是文件夹，不能作为输出文件。 / "${outPath}" is a directory, not an output file.`, 'directory', { cause });
  }
  return new WorkbookFileError(
    `无法写入“${outPath}”（${code ?? '未知错误'}）。 / Cannot write "${outPath}" (${code ?? 'unknown error'}).`,
    'io',
    { cause },
  );
}
