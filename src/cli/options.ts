/**
 * The options of every command, declared once: the parser reads them and the help text is printed
 * from them, so what `gongkai <command> --help` lists is what the command accepts
 * (test/cli/options.test.ts holds the README's command blocks to the same tables).
 */

export interface OptionSpec {
  /** The long spelling, "--format". */
  name: string;
  /** A one-letter spelling, "-o". */
  short?: string;
  /** The argument's placeholder ("OUT.xlsx"); absent for a flag. */
  arg?: string;
  /** The values the argument may take (printed as the placeholder when `arg` is absent). */
  choices?: readonly string[];
  zh: string;
  en: string;
}

export interface CommandSpec {
  name: string;
  /** One line per way of calling the command, in the notation of the README. */
  synopsis: readonly string[];
  zh: string;
  en: string;
  options: readonly OptionSpec[];
  /** Lines printed after the options (precedence rules, notes). */
  notes?: readonly string[];
}

/** A mistake on the command line: exit 64 with the command's help. */
export class UsageError extends Error {
  constructor(
    message: string,
    /** The command whose help follows the message (null: the general usage). */
    readonly command: string | null = null,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

export const HELP_OPTION: OptionSpec = { name: '--help', short: '-h', zh: '显示本命令的用法和全部选项。', en: "Print this command's usage and every option." };

export interface ParsedOptions {
  /** The options given, by long name ("--format" → "json"; a flag → true). */
  given: Map<string, string | true>;
  positionals: string[];
}

/**
 * Parses `args` against the command's table: `--opt value`, `--opt=value` and `-o value`; an unknown
 * option, a flag given a value, an option without its value, a value outside the choices and an
 * option given twice with different values are usage errors.
 */
export function parseOptions(spec: CommandSpec, args: readonly string[]): ParsedOptions {
  const byName = new Map<string, OptionSpec>();
  for (const o of spec.options) {
    byName.set(o.name, o);
    if (o.short) byName.set(o.short, o);
  }
  const given = new Map<string, string | true>();
  const positionals: string[] = [];
  const fail = (zh: string, en: string) => new UsageError(`${zh} / ${en}`, spec.name);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('-') || a === '-') {
      positionals.push(a);
      continue;
    }
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const key = eq > 0 ? a.slice(0, eq) : a;
    const option = byName.get(key);
    if (!option) throw fail(`未知选项“${key}”（gongkai ${spec.name} --help 列出全部选项）。`, `Unknown option "${key}" (gongkai ${spec.name} --help lists every option).`);
    let value: string | true;
    if (!option.arg && !option.choices) {
      if (eq > 0) throw fail(`${option.name} 不带参数。`, `${option.name} takes no value.`);
      value = true;
    } else {
      const v = eq > 0 ? a.slice(eq + 1) : args[++i];
      const what = placeholder(option);
      if (v === undefined || v === '' || (v.startsWith('-') && v !== '-' && eq < 0)) {
        throw fail(`${option.name} 需要参数 ${what}。`, `${option.name} needs ${what}.`);
      }
      if (option.choices && !option.choices.includes(v)) {
        throw fail(`${option.name} 只能是 ${option.choices.join('、')}，收到“${v}”。`, `${option.name} must be ${option.choices.join(', ')}, not "${v}".`);
      }
      value = v;
    }
    const before = given.get(option.name);
    if (before !== undefined && before !== value) throw fail(`${option.name} 给了两次。`, `${option.name} was given twice.`);
    given.set(option.name, value);
  }
  return { given, positionals };
}

/** The string value of an option, or null when it was not given. */
export function stringOption(parsed: ParsedOptions, name: string): string | null {
  const v = parsed.given.get(name);
  return typeof v === 'string' ? v : null;
}

export const flag = (parsed: ParsedOptions, name: string): boolean => parsed.given.get(name) === true;

function placeholder(o: OptionSpec): string {
  return o.arg ?? (o.choices ? o.choices.join('|') : '');
}

/** The spellings of an option as the help prints them: "-o, --output OUT.xlsx". */
export function optionLabel(o: OptionSpec): string {
  const names = o.short ? `${o.short}, ${o.name}` : o.name;
  const arg = placeholder(o);
  return arg ? `${names} ${arg}` : names;
}

/** The help of one command: its synopsis, what it does, then every option (Chinese, then English). */
export function commandHelp(spec: CommandSpec): string {
  const lines = ['用法 / Usage:', ...spec.synopsis.map((s) => `  ${s}`), '', `  ${spec.zh}`, `  ${spec.en}`, '', '选项 / Options:'];
  for (const o of spec.options) lines.push(`  ${optionLabel(o)}`, `      ${o.zh}`, `      ${o.en}`);
  if (spec.notes?.length) lines.push('', ...spec.notes.map((n) => `  ${n}`));
  return lines.join('\n');
}
