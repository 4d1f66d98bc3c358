/**
 * No command ever writes over one of its inputs, whatever the spelling of the path (a symlink to the
 * file or to its folder, "./in.xlsx", a hard link) and whatever --force says; --in-place writes the
 * real file behind a symlink; writes that fail (read-only disk, full disk) end in one clear line,
 * exit 73, with nothing changed and nothing left behind.
 */
import { spawnSync } from 'child_process';
import { copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, realpathSync, statSync, symlinkSync, writeFileSync } from 'fs';
import JSZip from 'jszip';
import * as path from 'path';
import { cli } from '../helpers/cli';
import { FIXTURES } from '../helpers/fixtures';
import { tempDir } from '../helpers/temp-dir';

const BOOK = path.join(FIXTURES, 'jiangan-2024-gongkai.xlsx');
const PERF = path.join(FIXTURES, 'huaihua-2024-jixiao.xlsx');

/** A folder holding a writable copy of the workbook as in.xlsx. */
function setup(source = PERF): { dir: string; input: string; bytes: Buffer } {
  const dir = tempDir('gk-safe-');
  const input = path.join(dir, 'in.xlsx');
  writeFileSync(input, readFileSync(source));
  return { dir, input, bytes: readFileSync(input) };
}

const noTemp = (dir: string) => expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

function expectRefusedAsInput(r: { code: number; stderr: string; stdout: string }) {
  expect(r.code).toBe(64);
  expect(r.stderr.split('\n')[0]).toMatch(/就是输入.*--force 也不会.* \/ .*is the input.*never written over/);
}

describe('never over an input: fill', () => {
  test('a symlink to the input file as the input, the real file as -o --force', async () => {
    const { dir, input, bytes } = setup();
    const link = path.join(dir, 'link.xlsx');
    symlinkSync(input, link);
    expectRefusedAsInput(await cli('fill', link, '-o', input, '--force'));
    expect(readFileSync(input).equals(bytes)).toBe(true);
    expectRefusedAsInput(await cli('fill', input, '-o', link, '--force'));
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(input).equals(bytes)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['in.xlsx', 'link.xlsx']);
  });

  test('a symlink to the input folder, "./" spellings and a hard link', async () => {
    const { dir, input, bytes } = setup();
    const alias = path.join(dir, 'alias');
    symlinkSync(dir, alias);
    expectRefusedAsInput(await cli('fill', input, '-o', path.join(alias, 'in.xlsx'), '--force'));
    expectRefusedAsInput(await cli('fill', input, '-o', `${dir}/./sub/../in.xlsx`, '--force'));
    const hard = path.join(dir, 'hard.xlsx');
    linkSync(input, hard);
    expectRefusedAsInput(await cli('fill', input, '-o', hard, '--force'));
    expect(readFileSync(input).equals(bytes)).toBe(true);
    noTemp(dir);
  });

  test('--in-place on a symlink writes the real file, keeps the link and the backup beside the real file', async () => {
    const { dir, input, bytes } = setup();
    const elsewhere = path.join(dir, 'links');
    mkdirSync(elsewhere);
    const link = path.join(elsewhere, 'book.xlsx');
    symlinkSync(input, link);
    const r = await cli('fill', link, '--in-place', '--format', 'json');
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(input).equals(bytes)).toBe(false);
    expect(readdirSync(elsewhere)).toEqual(['book.xlsx']);
    const backup = readdirSync(dir).find((f) => /^in\.backup-\d{8}-\d{4}\.xlsx$/.test(f));
    expect(backup).toBeDefined();
    expect(readFileSync(path.join(dir, backup!)).equals(bytes)).toBe(true);
    expect(JSON.parse(r.stdout)).toMatchObject({ output: realpathSync(input), backup: path.join(realpathSync(dir), backup!) });
    noTemp(dir);
  });

  test('--in-place with -o is a usage error, not a silent choice', async () => {
    const { dir, input, bytes } = setup();
    const r = await cli('fill', input, '--in-place', '-o', path.join(dir, 'other.xlsx'));
    expect(r.code).toBe(64);
    expect(r.stderr).toMatch(/--in-place.*-o/);
    expect(readFileSync(input).equals(bytes)).toBe(true);
    expect(readdirSync(dir)).toEqual(['in.xlsx']);
    expect((await cli('fill', input, '--in-place', '--force')).code).toBe(64);
  });
});

describe('never over an input: narrate', () => {
  test('-o onto the workbook, with or without --force, in any format', async () => {
    const { dir, input, bytes } = setup(BOOK);
    // a workbook whose name ends in .md is still the input
    const md = path.join(dir, 'book.md');
    copyFileSync(input, md);
    const mdBytes = readFileSync(md);
    expectRefusedAsInput(await cli('narrate', md, '-o', md, '--force'));
    expectRefusedAsInput(await cli('narrate', md, '--format', 'md', '-o', `${dir}/./book.md`, '--force'));
    expect(readFileSync(md).equals(mdBytes)).toBe(true);
    // a .docx name that is a link to the workbook, and the --prior / --inputs files
    const link = path.join(dir, 'draft.docx');
    symlinkSync(input, link);
    expectRefusedAsInput(await cli('narrate', input, '-o', link, '--force'));
    expectRefusedAsInput(await cli('narrate', BOOK, '--prior', input, '-o', link, '--force'));
    expect(readFileSync(input).equals(bytes)).toBe(true);
    noTemp(dir);
  });

  test('-o x.xlsx is refused before anything is drafted: a workbook name is not a draft', async () => {
    const { dir, input, bytes } = setup(BOOK);
    const r = await cli('narrate', input, '--format', 'md', '-o', input, '--force');
    expect(r.code).toBe(64);
    expect(readFileSync(input).equals(bytes)).toBe(true);
    expect(readdirSync(dir)).toEqual(['in.xlsx']);
  });

  test('--inputs-template onto the workbook or a link to it, --force or not', async () => {
    const { dir, input, bytes } = setup(BOOK);
    expectRefusedAsInput(await cli('narrate', input, '--inputs-template', input));
    expectRefusedAsInput(await cli('narrate', input, '--inputs-template', input, '--force'));
    const link = path.join(dir, 't.xlsx');
    symlinkSync(input, link);
    expectRefusedAsInput(await cli('narrate', input, '--inputs-template', link, '--force'));
    expect(readFileSync(input).equals(bytes)).toBe(true);
  });
});

describe('.xlsm stays .xlsm', () => {
  async function macroBook(dir: string): Promise<string> {
    const zip = await JSZip.loadAsync(readFileSync(PERF));
    const types = await zip.file('[Content_Types].xml')!.async('string');
    zip.file(
      '[Content_Types].xml',
      types
        .replace('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml')
        .replace('</Types>', '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>'),
    );
    zip.file('xl/vbaProject.bin', new Uint8Array([1, 2, 3, 4]));
    const file = path.join(dir, 'macro.xlsm');
    writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    return file;
  }

  test('fill macro.xlsm -o out.xlsx is refused with advice; -o out.xlsm keeps the macros', async () => {
    const dir = tempDir('gk-xlsm-');
    const macro = await macroBook(dir);
    const r = await cli('fill', macro, '-o', path.join(dir, 'out.xlsx'));
    expect(r.code).toBe(64);
    expect(r.stderr.split('\n')[0]).toMatch(/启用宏.*\.xlsm.* \/ .*macro.*\.xlsm/);
    expect(existsSync(path.join(dir, 'out.xlsx'))).toBe(false);
    const ok = await cli('fill', macro, '-o', path.join(dir, 'out.xlsm'));
    expect(ok.code).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(path.join(dir, 'out.xlsm')));
    expect(zip.file('xl/vbaProject.bin')).not.toBeNull();
  });

  test('fill in.xlsx -o out.xlsm is refused too', async () => {
    const { dir, input } = setup();
    const r = await cli('fill', input, '-o', path.join(dir, 'out.xlsm'));
    expect(r.code).toBe(64);
    expect(r.stderr).toMatch(/\.xlsx/);
    expect(readdirSync(dir)).toEqual(['in.xlsx']);
  });
});

/**
 * Real read-only and full disks: a read-only bind mount and a tiny tmpfs (root only; chmod does not
 * stop root). Elsewhere these are covered by the injected failures of test/hosts/node/safe-write.test.ts.
 */
const canMount = (() => {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const probe = tempDir('gk-mount-probe-');
  const ok = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]).status === 0;
  if (ok) spawnSync('umount', [probe]);
  return ok;
})();
const mounted = canMount ? describe : describe.skip;
if (!canMount) console.warn('write-safety: not root or no mount(8): the real read-only / full-disk cases are skipped (the injected ones run)');

mounted('on a real read-only folder and a real full disk', () => {
  const mounts: string[] = [];
  afterAll(() => {
    for (const m of mounts.reverse()) spawnSync('umount', [m]);
  });
  function mount(args: string[], at: string) {
    const r = spawnSync('mount', [...args, at], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`mount ${args.join(' ')}: ${r.stderr}`);
    mounts.push(at);
  }

  test('read-only: --in-place and -o end with one line and exit 73; nothing changes', async () => {
    const { dir, input, bytes } = setup();
    const ro = path.join(tempDir('gk-ro-'), 'ro');
    mkdirSync(ro);
    mount(['--bind', dir], ro);
    spawnSync('mount', ['-o', 'remount,bind,ro', ro]);
    const inRo = path.join(ro, 'in.xlsx');
    for (const args of [['--in-place'], ['-o', path.join(ro, 'out.xlsx')]]) {
      const r = await cli('fill', inRo, ...args);
      expect(r.code).toBe(73);
      const lines = r.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/只读.* \/ .*read-only/);
      expect(lines[0]).not.toMatch(/内部错误|Internal error/);
    }
    expect(readFileSync(input).equals(bytes)).toBe(true);
    expect(readdirSync(dir)).toEqual(['in.xlsx']);
  });

  test('a full disk: --in-place and -o end with one line and exit 73; nothing partial is left', async () => {
    const size = statSync(PERF).size;
    const disk = tempDir('gk-full-');
    // room for the input and a little more: not for the output as well
    mount(['-t', 'tmpfs', '-o', `size=${Math.ceil((size + 4096) / 4096) * 4}k`, 'tmpfs'], disk);
    const input = path.join(disk, 'in.xlsx');
    writeFileSync(input, readFileSync(PERF));
    const bytes = readFileSync(input);
    for (const args of [['--in-place'], ['-o', path.join(disk, 'out.xlsx')]]) {
      const r = await cli('fill', input, ...args);
      expect(r.code).toBe(73);
      const lines = r.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/磁盘空间不足.* \/ .*no space left/);
      expect(readFileSync(input).equals(bytes)).toBe(true);
      expect(readdirSync(disk)).toEqual(['in.xlsx']);
    }
  });
});
