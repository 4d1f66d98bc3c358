import { promises as fs } from 'fs';
import * as path from 'path';
import type { Workbook } from '../../core/grid/grid';
import { XlsxFileHost } from './file-host';
import { WorkbookReadError } from './load';

/** Files larger than this are refused before reading: no real 决算 workbook comes near it. */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;

/** Reads an .xlsx from disk with the same one-line errors as `loadXlsx` for path problems. */
export async function loadXlsxFile(filePath: string): Promise<Workbook> {
  return (await openXlsxFile(filePath)).readWorkbook();
}

/** An .xlsx file on disk as a host (its bytes read once, with one-line errors for path problems). */
export async function openXlsxFile(filePath: string): Promise<XlsxFileHost> {
  return new XlsxFileHost(await readXlsxFileBytes(filePath), path.basename(filePath));
}

/** The bytes of a workbook file, with the one-line errors of `loadXlsx` for path problems and the size limit. */
export async function readXlsxFileBytes(filePath: string): Promise<Uint8Array> {
  const name = path.basename(filePath);
  let stat;
  try {
    stat = await fs.stat(filePath);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new WorkbookReadError(`找不到文件“${filePath}”。 / File not found: "${filePath}".`, 'missing', { cause });
    }
    if (code === 'EACCES' || code === 'EPERM') {
      throw new WorkbookReadError(`没有权限读取“${filePath}”。 / Permission denied: "${filePath}".`, 'permission', { cause });
    }
    throw new WorkbookReadError(`无法读取“${filePath}”（${code ?? '未知错误'}）。 / Cannot read "${filePath}" (${code ?? 'unknown error'}).`, 'io', { cause });
  }
  if (stat.isDirectory()) {
    throw new WorkbookReadError(`“${filePath}”是文件夹，不是 .xlsx 文件。 / "${filePath}" is a directory, not an .xlsx file.`, 'directory');
  }
  if (stat.size > MAX_FILE_BYTES) {
    throw new WorkbookReadError(
      `“${name}”有 ${(stat.size / 1048576).toFixed(0)} MB，超过 ${MAX_FILE_BYTES / 1048576} MB 的上限。 / "${name}" is larger than the ${MAX_FILE_BYTES / 1048576} MB limit.`,
      'too-large',
    );
  }
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(filePath);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    throw new WorkbookReadError(`无法读取“${filePath}”（${code ?? '未知错误'}）。 / Cannot read "${filePath}" (${code ?? 'unknown error'}).`, 'io', { cause });
  }
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
