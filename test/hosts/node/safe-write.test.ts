import { spawn } from 'child_process';
import { existsSync, linkSync, mkdirSync, promises as fsp, readdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'fs';
import * as path from 'path';
import { identify, replaceWithBackup, sameFile, WorkbookFileError, writeFileSafely, writesInFlight, type WriteFs } from '../../../src/hosts/node/safe-write';
import { tempDir } from '../../helpers/temp-dir';

const bytes = new Uint8Array([1, 2, 3, 4, 5]);
const errno = (code: string) => Object.assign(new Error(`${code}: injected`), { code });
const noTemp = (dir: string) => expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

type Handle = Awaited<ReturnType<typeof fsp.open>>;

/** fs.promises with the handles' methods replaced as given (writeFile failing with ENOSPC, say). */
function withHandle(patch: Partial<Record<'writeFile' | 'sync' | 'close', (h: Handle) => Promise<void>>>, base: Partial<WriteFs> = {}): WriteFs {
  return {
    ...fsp,
    ...base,
    open: (async (...args: Parameters<typeof fsp.open>) => {
      const handle = await fsp.open(...args);
      return new Proxy(handle, {
        get(target, key: string) {
          const replaced = patch[key as keyof typeof patch];
          if (replaced) return () => replaced(target);
          const v = (target as unknown as Record<string, unknown>)[key];
          return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
        },
      });
    }),
  };
}

describe('identify and sameFile', () => {
  test('a symlink to the file, to its folder, "./" spellings and a hard link are the same file', async () => {
    const dir = tempDir('gk-id-');
    const file = path.join(dir, 'in.xlsx');
    writeFileSync(file, 'x');
    symlinkSync(file, path.join(dir, 'link.xlsx'));
    symlinkSync(dir, path.join(dir, 'alias'));
    linkSync(file, path.join(dir, 'hard.xlsx'));
    const original = await identify(file);
    for (const other of ['link.xlsx', 'alias/in.xlsx', './in.xlsx', 'sub/../in.xlsx', 'hard.xlsx']) {
      expect([other, sameFile(original, await identify(path.join(dir, other)))]).toEqual([other, true]);
    }
    expect(sameFile(original, await identify(path.join(dir, 'other.xlsx')))).toBe(false);
  });

  test('a file that does not exist yet: its folder resolved, a dangling link followed', async () => {
    const dir = tempDir('gk-id-');
    const real = realpathSync(dir);
    symlinkSync(dir, path.join(dir, 'alias'));
    expect((await identify(path.join(dir, 'alias', 'new.xlsx'))).real).toBe(path.join(real, 'new.xlsx'));
    expect((await identify(path.join(dir, 'alias', 'no', 'such', 'new.xlsx'))).real).toBe(path.join(real, 'no', 'such', 'new.xlsx'));
    symlinkSync(path.join(dir, 'target.xlsx'), path.join(dir, 'dangling.xlsx'));
    expect((await identify(path.join(dir, 'dangling.xlsx'))).real).toBe(path.join(real, 'target.xlsx'));
  });
});

describe('writeFileSafely: failures are typed, one line, and leave nothing behind', () => {
  test.each([
    ['ENOSPC', 'no-space', /磁盘空间不足.* \/ .*no space left/],
    ['EDQUOT', 'no-space', /磁盘空间不足.* \/ .*quota/],
    ['EIO', 'io', /EIO.* \/ .*EIO/],
  ])('%s while writing → %s', async (code, problem, message) => {
    const dir = tempDir('gk-sw-');
    const out = path.join(dir, 'out.xlsx');
    writeFileSync(out, 'user data');
    const fs = withHandle({ writeFile: () => Promise.reject(errno(code)) });
    const e = (await writeFileSafely(out, bytes, { overwriteExisting: true, fs }).catch((x: unknown) => x)) as WorkbookFileError;
    expect(e).toBeInstanceOf(WorkbookFileError);
    expect(e.problem).toBe(problem);
    expect(e.message).toMatch(message);
    expect(e.message).not.toContain('\n');
    expect(readFileSync(out, 'utf8')).toBe('user data');
    noTemp(dir);
    expect(writesInFlight()).toBe(0);
  });

  test('ENOSPC on the flush, EROFS and EACCES on opening', async () => {
    const dir = tempDir('gk-sw-');
    const out = path.join(dir, 'out.xlsx');
    await expect(writeFileSafely(out, bytes, { fs: withHandle({ sync: () => Promise.reject(errno('ENOSPC')) }) })).rejects.toMatchObject({ problem: 'no-space' });
    const openFails = (code: string): WriteFs => ({ ...fsp, open: (() => Promise.reject(errno(code))) });
    await expect(writeFileSafely(out, bytes, { fs: openFails('EROFS') })).rejects.toMatchObject({ problem: 'read-only', message: expect.stringMatching(/只读.* \/ .*read-only/) });
    await expect(writeFileSafely(out, bytes, { fs: openFails('EACCES') })).rejects.toMatchObject({ problem: 'permission', message: expect.stringMatching(/没有写入权限.* \/ .*permission denied/) });
    expect(readdirSync(dir)).toEqual([]);
  });

  test('the output may not be an input, --force or not', async () => {
    const dir = tempDir('gk-sw-');
    const input = path.join(dir, 'in.xlsx');
    writeFileSync(input, 'workbook');
    symlinkSync(input, path.join(dir, 'link.xlsx'));
    for (const out of [input, path.join(dir, 'link.xlsx'), `${dir}/./in.xlsx`]) {
      await expect(writeFileSafely(out, bytes, { overwriteExisting: true, inputs: [input] })).rejects.toMatchObject({ problem: 'same-as-input' });
    }
    expect(readFileSync(input, 'utf8')).toBe('workbook');
  });

  test('a symlink as the output: the file it points to is replaced, the link stays', async () => {
    const dir = tempDir('gk-sw-');
    const target = path.join(dir, 'target.xlsx');
    writeFileSync(target, 'old');
    symlinkSync(target, path.join(dir, 'link.xlsx'));
    await writeFileSafely(path.join(dir, 'link.xlsx'), bytes, { overwriteExisting: true });
    expect(new Uint8Array(readFileSync(target))).toEqual(bytes);
    expect(readdirSync(dir).sort()).toEqual(['link.xlsx', 'target.xlsx']);
  });
});

describe('replaceWithBackup', () => {
  function setup() {
    const dir = tempDir('gk-inplace-');
    const file = path.join(dir, 'book.xlsx');
    writeFileSync(file, 'original');
    return { dir, file };
  }
  const now = new Date(2026, 0, 2, 3, 4);

  test('the backup beside the real file holds the original; the file holds the new bytes', async () => {
    const { dir, file } = setup();
    const result = await replaceWithBackup(file, bytes, { now });
    expect(result.backup).toBe(path.join(realpathSync(dir), 'book.backup-20260102-0304.xlsx'));
    expect(readFileSync(result.backup, 'utf8')).toBe('original');
    expect(new Uint8Array(readFileSync(file))).toEqual(bytes);
    noTemp(dir);
  });

  test('no room for the new file, or for the backup: the original is unchanged and nothing is left', async () => {
    const { dir, file } = setup();
    const full = withHandle({ writeFile: () => Promise.reject(errno('ENOSPC')) });
    await expect(replaceWithBackup(file, bytes, { fs: full, now })).rejects.toMatchObject({ problem: 'no-space', message: expect.stringMatching(/原文件未改动.* \/ .*the original is unchanged/) });
    const backupFull: WriteFs = { ...fsp, copyFile: (() => Promise.reject(errno('ENOSPC'))) };
    const e = (await replaceWithBackup(file, bytes, { fs: backupFull, now }).catch((x: unknown) => x)) as WorkbookFileError;
    expect(e.problem).toBe('no-space');
    expect(e.message).toMatch(/book\.backup-20260102-0304\.xlsx.*未能写出备份，原文件未改动/);
    expect(readFileSync(file, 'utf8')).toBe('original');
    expect(readdirSync(dir)).toEqual(['book.xlsx']);
    expect(writesInFlight()).toBe(0);
  });

  test('a failing final rename leaves the original and removes the backup it no longer needs', async () => {
    const { dir, file } = setup();
    const fs: WriteFs = { ...fsp, rename: (() => Promise.reject(errno('EIO'))) };
    await expect(replaceWithBackup(file, bytes, { fs, now })).rejects.toMatchObject({ problem: 'io' });
    expect(readFileSync(file, 'utf8')).toBe('original');
    expect(readdirSync(dir)).toEqual(['book.xlsx']);
  });
});

describe('SIGINT and SIGTERM while writing', () => {
  test('the signal handlers are there only while a write is in flight', async () => {
    const dir = tempDir('gk-sig-');
    const before = process.listenerCount('SIGINT');
    let release!: () => void;
    let reached!: () => void;
    const atSync = new Promise<void>((r) => (reached = r));
    const released = new Promise<void>((r) => (release = r));
    const fs = withHandle({
      sync: (h) => {
        reached();
        return released.then(() => h.sync());
      },
    });
    const writing = writeFileSafely(path.join(dir, 'out.xlsx'), bytes, { fs });
    await atSync;
    expect(process.listenerCount('SIGINT')).toBe(before + 1);
    expect(process.listenerCount('SIGTERM')).toBeGreaterThan(0);
    release();
    await writing;
    expect(process.listenerCount('SIGINT')).toBe(before);
  });

  test.each(['SIGINT', 'SIGTERM'] as const)('%s during a write removes the temporary file and ends the process', async (signal) => {
    const dir = tempDir('gk-sig-');
    const out = path.join(dir, 'out.xlsx');
    const module = path.resolve(__dirname, '../../../src/hosts/node/safe-write.ts');
    // a child whose write stops at the flush, forever, until the signal comes
    const child = spawn(
      process.execPath,
      [
        '-r',
        'ts-node/register/transpile-only',
        '-e',
        `const fsp = require('fs').promises;
         const { writeFileSafely } = require(${JSON.stringify(module)});
         const fs = { ...fsp, open: async (...a) => { const h = await fsp.open(...a);
           return new Proxy(h, { get: (t, k) => k === 'sync' ? () => { process.stdout.write('ready\\n'); return new Promise(() => {}); } : (typeof t[k] === 'function' ? t[k].bind(t) : t[k]) }); } };
         setInterval(() => {}, 1000);
         writeFileSafely(${JSON.stringify(out)}, Buffer.alloc(100000, 1), { fs });`,
      ],
      { cwd: path.resolve(__dirname, '../../..'), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
      child.on('exit', () => reject(new Error(`child ended early: ${stderr}`)));
    });
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toHaveLength(1);
    const ended = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, sig) => resolve(sig)));
    child.kill(signal);
    expect(await ended).toBe(signal);
    expect(readdirSync(dir)).toEqual([]);
    expect(existsSync(out)).toBe(false);
  }, 30000);
});

test('a folder that does not exist is a missing-folder error', async () => {
  const dir = tempDir('gk-sw-');
  mkdirSync(path.join(dir, 'x'));
  await expect(writeFileSafely(path.join(dir, 'x', 'nope', 'out.xlsx'), bytes)).rejects.toMatchObject({ problem: 'missing-folder' });
});
