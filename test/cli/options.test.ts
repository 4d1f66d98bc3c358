/**
 * The help texts, the parsers and the README's command blocks say the same thing: every option a
 * command accepts is in its --help and in the README, and nothing else is.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { COMMANDS } from '../../src/cli/commands';
import { optionLabel } from '../../src/cli/options';
import { cli } from '../helpers/cli';

const NAMES = ['check', 'fill', 'narrate', 'report', 'mark'] as const;
/** Option-like tokens of a text: "--show-rounding", "-o" (not the "-over" of "year-over-year"). */
const optionTokens = (text: string) => new Set([...text.matchAll(/(?<![\w\-.])(--[a-z][a-z-]*[a-z]|-[a-zA-Z])(?![\w-])/g)].map((m) => m[1]));
const spellings = (name: string) => new Set(COMMANDS.find((c) => c.name === name)!.options.flatMap((o) => (o.short ? [o.name, o.short] : [o.name])));

/** Whether the command's parser takes the option (it may then fail for other reasons, never as unknown). */
async function accepts(command: string, token: string): Promise<boolean> {
  const spec = COMMANDS.find((c) => c.name === command)!;
  const option = spec.options.find((o) => o.name === token || o.short === token);
  const value = option?.choices ? [option.choices[0]] : option?.arg ? ['x.xlsx'] : [];
  const r = await cli(command, '/nonexistent/book.xlsx', token, ...value);
  return !r.stderr.includes(`未知选项“${token}”`);
}

describe('--help of every command', () => {
  test.each(NAMES)('gongkai %s --help and -h print the command\'s help on stdout, exit 0', async (name) => {
    for (const flag of ['--help', '-h']) {
      const r = await cli(name, flag);
      expect([r.code, r.stderr]).toEqual([0, '']);
      expect(r.stdout).toMatch(new RegExp(`^用法 / Usage:\\n  gongkai ${name} `));
      // help wins over everything else on the line
      expect((await cli(name, 'missing.xlsx', '--format', 'json', flag)).code).toBe(0);
    }
  });

  test.each(NAMES)('%s: the options in its help are exactly the options its parser accepts', async (name) => {
    const help = (await cli(name, '--help')).stdout;
    const inHelp = optionTokens(help);
    expect(inHelp).toEqual(spellings(name));
    // the parser: every option of any command, and some a user might try
    const candidates = new Set([...COMMANDS.flatMap((c) => [...spellings(c.name)]), '--out', '--verbose', '--quiet', '--json', '-f', '-v', '--input', '--in-placee']);
    const accepted = new Set<string>();
    for (const token of candidates) if (await accepts(name, token)) accepted.add(token);
    expect(accepted).toEqual(inHelp);
  });

  test('the top-level help lists every option of every command, with its argument', async () => {
    const r = await cli('--help');
    expect(r.code).toBe(0);
    for (const c of COMMANDS) for (const o of c.options) expect(r.stdout).toContain(optionLabel(o));
    expect(r.stdout).toContain('--inputs-template INPUTS.xlsx');
    expect(r.stdout).toContain('--numbers-from-text');
  });
});

describe('README', () => {
  const readme = readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
  /** The lines of the README's code blocks that call `gongkai <name>`. */
  const blockLines = (name: string) =>
    [...readme.matchAll(/```[^\n]*\n([\s\S]*?)```/g)].flatMap((m) => m[1].split('\n')).filter((l) => l.startsWith(`gongkai ${name} `) || l === `gongkai ${name}`);

  test.each(NAMES)('the command block of %s lists exactly the options the parser accepts', (name) => {
    const lines = blockLines(name);
    expect(lines.length).toBeGreaterThan(0);
    const spec = COMMANDS.find((c) => c.name === name)!;
    const inReadme = optionTokens(lines.join('\n'));
    // every option, by one of its spellings; nothing the command does not take
    for (const o of spec.options) expect([o.name, o.short].some((s) => s && inReadme.has(s))).toBe(true);
    for (const t of inReadme) expect(spellings(name)).toContain(t);
  });

  test.each(NAMES)('the README block of %s is the synopsis the help prints', (name) => {
    expect(blockLines(name)).toEqual(COMMANDS.find((c) => c.name === name)!.synopsis);
  });
});
