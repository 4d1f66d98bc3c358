import { randomBytes } from 'crypto';
import { constants as fsConstants, existsSync, promises as fsp, rmSync } from 'fs';
import * as path from 'path';

/**
 * Every file a command writes goes through here (Node only):
 * - never onto an input of the command: the output's real path (every folder on the way resolved,
 *   symlinks followed) and, where it exists, its device and inode are compared with each input's;
 * - atomically: into a temporary file in the destination folder, flushed to disk, then renamed
 *   over the destination (or linked, when an existing file must not be replaced), so the
 *   destination never holds half a file; the temporary file is removed on any failure and on
 *   SIGINT/SIGTERM (the handlers are installed only while a write is in flight);
 * - in place with a backup: the original is replaced only when the new file and its backup beside
 *   the real file are both complete;
 * - failures are one line, Chinese first then English, with a kind the CLI maps to its exit code.
 */

export type WriteFileProblem =
  | 'exists'
  | 'directory'
  | 'missing-folder'
  | 'permission'
  | 'read-only'
  | 'no-space'
  | 'io'
  /** The output is an input of the command (a usage mistake, whatever --force says). */
  | 'same-as-input';

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

/** The file operations a write uses; tests pass failing ones. Default: `fs.promises`, looked up at each call. */
export type WriteFs = Pick<typeof fsp, 'open' | 'rename' | 'link' | 'rm' | 'stat' | 'lstat' | 'realpath' | 'readlink' | 'copyFile' | 'utimes'>;

export interface WriteFileOptions {
  /** Replace a file already at the path (--force). Default: refuse (problem 'exists'). */
  overwriteExisting?: boolean;
  /** The command's inputs: the output may be none of them. */
  inputs?: readonly string[];
  /** What to suggest when the output is an input ("或用 --in-place"), Chinese and English. */
  sameFileHint?: { zh: string; en: string };
  fs?: WriteFs;
}

// -------------------------------------------------------------------------------------------------
// Where a path really is

export interface FileIdentity {
  /** The path as given. */
  given: string;
  /** Absolute, with every symlink on the way resolved (also when the file itself does not exist yet). */
  real: string;
  /** Device and inode when the file exists. */
  id: { dev: number; ino: number } | null;
  isDirectory: boolean;
}

const MAX_LINKS = 40;

/**
 * The real place of `p`: the file's real path when it exists; else the real path of its folder
 * (every folder on the way resolved; a folder that does not exist is kept as written) plus its name,
 * following a dangling symlink to where it points.
 */
export async function identify(p: string, fs: WriteFs = fsp): Promise<FileIdentity> {
  let current = path.resolve(p);
  for (let hops = 0; hops < MAX_LINKS; hops++) {
    try {
      const real = await fs.realpath(current);
      const st = await fs.stat(real);
      return { given: p, real, id: { dev: st.dev, ino: st.ino }, isDirectory: st.isDirectory() };
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
    // Missing: a dangling symlink is followed to its target, otherwise the folder is resolved.
    const link = await fs.lstat(current).catch(() => null);
    if (link?.isSymbolicLink()) {
      current = path.resolve(path.dirname(current), await fs.readlink(current));
      continue;
    }
    return { given: p, real: path.join(await realFolder(path.dirname(current), fs), path.basename(current)), id: null, isDirectory: false };
  }
  // a loop of links: as written (the write will fail with ELOOP and say so)
  return { given: p, real: current, id: null, isDirectory: false };
}

async function realFolder(dir: string, fs: WriteFs): Promise<string> {
  try {
    return await fs.realpath(dir);
  } catch (error) {
    if (!isMissing(error)) throw error;
    const parent = path.dirname(dir);
    return parent === dir ? dir : path.join(await realFolder(parent, fs), path.basename(dir));
  }
}

const isMissing = (error: unknown) => ['ENOENT', 'ENOTDIR'].includes((error as NodeJS.ErrnoException)?.code ?? '');

export function sameFile(a: FileIdentity, b: FileIdentity): boolean {
  if (a.real === b.real) return true;
  return !!a.id && !!b.id && a.id.dev === b.id.dev && a.id.ino === b.id.ino;
}

/**
 * Refuses an output that is one of `inputs` (the same real path, or the same device and inode: a
 * symlink to the file or to its folder, "./in.xlsx", a hard link). Inputs that cannot be found are
 * skipped: reading them fails on its own.
 */
export async function assertNotInput(output: FileIdentity, inputs: readonly string[], hint?: { zh: string; en: string }, fs: WriteFs = fsp): Promise<void> {
  for (const input of inputs) {
    const id = await identify(input, fs).catch(() => null);
    if (!id || !sameFile(output, id)) continue;
    const same = path.resolve(output.given) === path.resolve(input) ? '' : `（实为同一文件 ${output.real}）`;
    throw new WorkbookFileError(
      `输出“${output.given}”就是输入“${input}”${same}：为保护原文件，不会写入（--force 也不会）；请另选输出路径${hint ? `，${hint.zh}` : ''}。` +
        ` / The output "${output.given}" is the input "${input}"${same ? ` (the same file, ${output.real})` : ''}: it is never written over, --force or not; choose another path${hint ? `, ${hint.en}` : ''}.`,
      'same-as-input',
    );
  }
}

// -------------------------------------------------------------------------------------------------
// Temporary files, removed on failure and on SIGINT/SIGTERM

const inFlight = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

function onSignal(signal: NodeJS.Signals): void {
  for (const temp of inFlight) {
    try {
      rmSync(temp, { force: true });
    } catch {
      // nothing more can be done while the process is being stopped
    }
  }
  inFlight.clear();
  uninstall();
  // the default action now: the process ends as the signal asked
  process.kill(process.pid, signal);
}

function install(): void {
  for (const s of SIGNALS) process.on(s, onSignal);
}

function uninstall(): void {
  for (const s of SIGNALS) process.removeListener(s, onSignal);
}

function track(temp: string): void {
  if (inFlight.size === 0) install();
  inFlight.add(temp);
}

function untrack(temp: string): void {
  if (!inFlight.delete(temp)) return;
  if (inFlight.size === 0) uninstall();
}

/** Whether any write is in flight (and so the signal handlers installed); for the tests. */
export const writesInFlight = (): number => inFlight.size;

function tempName(realTarget: string): string {
  return path.join(path.dirname(realTarget), `.${path.basename(realTarget)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

/** Writes `bytes` into a new temporary file beside `realTarget`, flushed; returns its path (tracked). */
async function writeTemp(realTarget: string, bytes: Uint8Array, mode: number | null, fs: WriteFs): Promise<string> {
  const temp = tempName(realTarget);
  const handle = await fs.open(temp, 'wx', 0o666);
  track(temp);
  try {
    // a replaced file keeps its permissions
    if (mode !== null) await handle.chmod(mode & 0o7777).catch(() => undefined);
    await handle.writeFile(bytes);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await removeTemp(temp, fs);
    throw error;
  }
  try {
    await handle.close();
  } catch (error) {
    await removeTemp(temp, fs);
    throw error;
  }
  return temp;
}

async function removeTemp(temp: string, fs: WriteFs): Promise<void> {
  await fs.rm(temp, { force: true }).catch(() => undefined);
  untrack(temp);
}

/** The folder's entry is flushed too, so the rename survives a power cut (best effort: not every system allows it). */
async function syncFolder(dir: string, fs: WriteFs): Promise<void> {
  try {
    const handle = await fs.open(dir, 'r');
    await handle.sync().catch(() => undefined);
    await handle.close();
  } catch {
    // Windows cannot open a folder; the rename is as durable as the system makes it
  }
}

/**
 * A hard link fails when the name exists, so no other writer's file is ever replaced; on file
 * systems without hard links (FAT, some network shares) the check and the rename are two steps.
 */
async function placeWithoutReplacing(temp: string, target: string, shown: string, fs: WriteFs): Promise<void> {
  try {
    await fs.link(temp, target);
    await fs.rm(temp, { force: true });
    return;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw existsError(shown);
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK', 'EINVAL'].includes(code ?? '')) throw error;
  }
  if (await fs.lstat(target).catch(() => null)) throw existsError(shown);
  await fs.rename(temp, target);
}

// -------------------------------------------------------------------------------------------------
// The writes

/**
 * Writes `bytes` to `outPath` atomically, never onto an input (checked first, whatever the options).
 * An existing `outPath` is replaced only with `overwriteExisting`; a symlink is written through (the
 * file it points to is replaced, the link stays). Returns the real path written.
 */
export async function writeFileSafely(outPath: string, bytes: Uint8Array, options: WriteFileOptions = {}): Promise<string> {
  const fs = options.fs ?? fsp;
  const target = await identify(outPath, fs).catch((cause: unknown) => {
    throw fileError(outPath, cause);
  });
  if (target.isDirectory) throw directoryError(outPath);
  await assertNotInput(target, options.inputs ?? [], options.sameFileHint, fs);
  const existing = target.id ? await fs.stat(target.real).catch(() => null) : null;
  if (existing && !options.overwriteExisting) throw existsError(outPath);
  let temp: string | null = null;
  try {
    temp = await writeTemp(target.real, bytes, existing ? existing.mode : null, fs);
    if (options.overwriteExisting) await fs.rename(temp, target.real);
    else await placeWithoutReplacing(temp, target.real, outPath, fs);
    untrack(temp);
    temp = null;
    await syncFolder(path.dirname(target.real), fs);
    return target.real;
  } catch (cause) {
    if (temp) await removeTemp(temp, fs);
    if (cause instanceof WorkbookFileError) throw cause;
    throw fileError(outPath, cause);
  }
}

export interface InPlaceResult {
  /** The real file that was replaced (the target of a symlink). */
  real: string;
  backup: string;
}

/**
 * Replaces the file at `filePath` (through a symlink: the real file, the link stays) with `bytes`,
 * keeping a copy of the original beside the real file first: the new content is written and flushed
 * to a temporary file, the backup copied, flushed and given its name, and only then the new file is
 * renamed over the original. Any failure before that leaves the original as it was, and no
 * temporary file or half backup behind.
 */
export async function replaceWithBackup(filePath: string, bytes: Uint8Array, options: { fs?: WriteFs; now?: Date } = {}): Promise<InPlaceResult> {
  const fs = options.fs ?? fsp;
  let real: string;
  let mode: number;
  let times: { atime: Date; mtime: Date };
  try {
    real = await fs.realpath(filePath);
    const st = await fs.stat(real);
    if (st.isDirectory()) throw directoryError(filePath);
    mode = st.mode;
    times = { atime: st.atime, mtime: st.mtime };
  } catch (cause) {
    if (cause instanceof WorkbookFileError) throw cause;
    throw fileError(filePath, cause);
  }
  let newTemp: string | null = null;
  let backupTemp: string | null = null;
  let backup: string | null = null;
  const unchanged = { zh: '原文件未改动', en: 'the original is unchanged' };
  try {
    newTemp = await writeTemp(real, bytes, mode, fs);
  } catch (cause) {
    throw fileError(filePath, cause, unchanged);
  }
  try {
    // the backup: a copy of the original as it is now, flushed, then given its free name
    backupTemp = tempName(real);
    track(backupTemp);
    await fs.copyFile(real, backupTemp, fsConstants.COPYFILE_EXCL);
    const handle = await fs.open(backupTemp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.utimes(backupTemp, times.atime, times.mtime).catch(() => undefined);
    backup = backupPath(real, options.now);
    await placeWithoutReplacing(backupTemp, backup, backup, fs);
    untrack(backupTemp);
    backupTemp = null;
  } catch (cause) {
    await removeTemp(newTemp, fs);
    if (backupTemp) await removeTemp(backupTemp, fs);
    if (cause instanceof WorkbookFileError) throw cause;
    throw fileError(backup ?? backupPath(real, options.now), cause, { zh: '未能写出备份，原文件未改动', en: 'the backup could not be written; the original is unchanged' });
  }
  try {
    await fs.rename(newTemp, real);
    untrack(newTemp);
    await syncFolder(path.dirname(real), fs);
  } catch (cause) {
    await removeTemp(newTemp, fs);
    // the original is as it was: its copy is not needed
    await fs.rm(backup, { force: true }).catch(() => undefined);
    throw fileError(filePath, cause, unchanged);
  }
  return { real, backup };
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

// -------------------------------------------------------------------------------------------------
// Messages

function existsError(outPath: string): WorkbookFileError {
  return new WorkbookFileError(
    `输出文件“${outPath}”已存在，未覆盖；请换一个文件名，或用 --force 覆盖。 / The output file "${outPath}" already exists and was not replaced; choose another name or use --force.`,
    'exists',
  );
}

function directoryError(outPath: string): WorkbookFileError {
  return new WorkbookFileError(`“${outPath}”是文件夹，不能作为输出文件。 / "${outPath}" is a directory, not an output file.`, 'directory');
}

/** A system error while writing `outPath` as one line; `after` says what became of the original. */
function fileError(outPath: string, cause: unknown, after?: { zh: string; en: string }): WorkbookFileError {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  const tail = (zh: string, en: string) => `${zh}${after ? `；${after.zh}` : ''}。 / ${en}${after ? `; ${after.en}` : ''}.`;
  const dir = path.dirname(path.resolve(outPath));
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new WorkbookFileError(
        `无法写入“${outPath}”：` + tail(`文件夹“${dir}”不存在（或不是文件夹）`, `Cannot write "${outPath}": the folder "${dir}" does not exist (or is not a folder)`),
        'missing-folder',
        { cause },
      );
    case 'EACCES':
    case 'EPERM':
      return new WorkbookFileError(`无法写入“${outPath}”：` + tail('没有写入权限', `Cannot write "${outPath}": permission denied`), 'permission', { cause });
    case 'EROFS':
      return new WorkbookFileError(`无法写入“${outPath}”：` + tail('所在磁盘或文件夹是只读的', `Cannot write "${outPath}": the disk or folder is read-only`), 'read-only', { cause });
    case 'ENOSPC':
    case 'EDQUOT':
      return new WorkbookFileError(
        `无法写入“${outPath}”：` + tail('磁盘空间不足（或超出配额），未留下不完整的文件', `Cannot write "${outPath}": no space left on the disk (or quota exceeded); nothing partial was left behind`),
        'no-space',
        { cause },
      );
    case 'EISDIR':
      return directoryError(outPath);
    default:
      return new WorkbookFileError(
        `无法写入“${outPath}”（${code ?? '未知错误'}）${after ? `；${after.zh}` : ''}。 / Cannot write "${outPath}" (${code ?? 'unknown error'})${after ? `; ${after.en}` : ''}.`,
        'io',
        { cause },
      );
  }
}
