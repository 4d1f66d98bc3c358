/**
 * A small, exact evaluator for the Excel formulas the product writes (执行率, 得分, 合计 …), so tests can
 * recompute every written formula independently of the calculator that produced its value.
 *
 * Arithmetic is exact decimal (decimal.js, 40 significant digits), not binary floating point:
 * SUM(0.1,0.2) is exactly 0.3 and ROUND(0.125,2) is exactly 0.13 (half away from zero, as Excel).
 *
 * Deliberately small. Supported: number / string / TRUE / FALSE / error literals, A1 references with
 * optional $ and sheet prefix (Sheet1!A1, '公开 02表'!A1:B5, '' escapes), A1:B10 ranges, unary + -,
 * postfix %, ^ * / + - & = <> < <= > >=, parentheses, and SUM ROUND ROUNDUP ROUNDDOWN INT ABS MIN MAX
 * IF IFERROR AND OR NOT ISBLANK ISNUMBER N SUMPRODUCT TRUE() FALSE(). Unknown functions and names
 * evaluate to #NAME?. Malformed formulas (and wrong argument counts, which Excel refuses to accept)
 * throw FormulaSyntaxError rather than returning an error value, so a bad formula fails loudly.
 * Not supported: whole rows/columns (A:A, 1:1), 3-D references, array constants, array arithmetic
 * (operators over ranges give #VALUE! instead of spilling), the space intersection operator.
 */
import { Decimal } from '../../src/core/money/decimal';

/** A cell's content as the evaluator sees it; null is an empty cell. */
export type Value = Decimal | string | boolean | null;

/** An Excel error value such as { error: '#DIV/0!' }. */
export interface FormulaError {
  error: string;
}

/**
 * Reads one cell (zero-based row/col) of `sheet`, the sheet name as written in the formula (or the
 * formula's own sheet for unqualified references). Resolving a referenced formula cell (recursively
 * evaluating it) is the reader's job. A reader may also return a FormulaError: a cell holding an
 * error value, or { error: '#REF!' } for a sheet that does not exist.
 */
export interface SheetReader {
  (sheet: string, row: number, col: number): Value | FormulaError;
}

/** The formula cannot be parsed, or calls a known function with a wrong number of arguments. */
export class FormulaSyntaxError extends Error {
  constructor(message: string, readonly formula: string) {
    super(`${message} in formula ${JSON.stringify(formula)}`);
    this.name = 'FormulaSyntaxError';
  }
}

export type ComparisonOp = '=' | '<>' | '<' | '<=' | '>' | '>=';
export type BinaryOp = '+' | '-' | '*' | '/' | '^' | '&' | ComparisonOp;

/** The parsed formula. Rows and columns are zero-based; `sheet` null means the formula's own sheet. */
export type FormulaNode =
  | { kind: 'number'; value: Decimal }
  | { kind: 'string'; value: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'error'; code: string }
  | { kind: 'ref'; sheet: string | null; row: number; col: number }
  | { kind: 'range'; sheet: string | null; top: number; left: number; bottom: number; right: number }
  /** An identifier that is neither a reference, a boolean nor a function: a defined name (→ #NAME?). */
  | { kind: 'name'; name: string }
  /** An omitted argument, as in ROUND(x,) or IF(c,,1). */
  | { kind: 'missing' }
  | { kind: 'unary'; op: '+' | '-'; operand: FormulaNode }
  | { kind: 'percent'; operand: FormulaNode }
  | { kind: 'binary'; op: BinaryOp; left: FormulaNode; right: FormulaNode }
  /** `name` upper-cased, without an "_xlfn." prefix. */
  | { kind: 'call'; name: string; args: FormulaNode[] };

export interface CellAddress {
  sheet: string;
  row: number;
  col: number;
}

// ---------------------------------------------------------------------------------------------
// Addresses

const MAX_ROWS = 1048576;
const MAX_COLS = 16384;
const CELL_RE = /^\$?([A-Za-z]{1,3})\$?([1-9][0-9]*)$/;

/** "C7" or "$C$7" → { row: 6, col: 2 }; null when the text is not a cell address inside the sheet. */
export function parseA1(text: string): { row: number; col: number } | null {
  const m = CELL_RE.exec(text);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  if (col > MAX_COLS || row > MAX_ROWS) return null;
  return { row: row - 1, col: col - 1 };
}

// ---------------------------------------------------------------------------------------------
// Tokenizer

type Token =
  | { t: 'num'; text: string }
  | { t: 'str'; value: string }
  | { t: 'err'; code: string }
  | { t: 'word'; text: string }
  | { t: 'sheet'; name: string }
  | { t: 'op'; v: string }
  | { t: '(' }
  | { t: ')' }
  | { t: ',' }
  | { t: 'end' };

const ERROR_CODES = ['#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#N/A', '#NUM!', '#NULL!', '#SPILL!', '#CALC!'];
const NUMBER_RE = /^(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/;

function isWordStart(ch: string): boolean {
  return /[A-Za-z_$\\]/.test(ch) || ch.charCodeAt(0) > 127;
}

function isWordChar(ch: string): boolean {
  return /[A-Za-z0-9_.$\\]/.test(ch) || ch.charCodeAt(0) > 127;
}

function tokenize(formula: string, src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const fail = (msg: string): never => {
    throw new FormulaSyntaxError(`${msg} at position ${i}`, formula);
  };
  while (i < src.length) {
    const ch = src[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (/[0-9]/.test(ch) || (ch === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
      const m = NUMBER_RE.exec(src.slice(i))!;
      tokens.push({ t: 'num', text: m[0] });
      i += m[0].length;
      continue;
    }
    if (ch === '"') {
      let value = '';
      i++;
      for (;;) {
        if (i >= src.length) fail('unterminated string');
        if (src[i] === '"') {
          if (src[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += src[i];
        i++;
      }
      tokens.push({ t: 'str', value });
      continue;
    }
    if (ch === "'") {
      let name = '';
      i++;
      for (;;) {
        if (i >= src.length) fail('unterminated sheet name');
        if (src[i] === "'") {
          if (src[i + 1] === "'") {
            name += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        name += src[i];
        i++;
      }
      if (src[i] !== '!') fail('quoted sheet name without "!"');
      if (name === '') fail('empty sheet name');
      i++;
      tokens.push({ t: 'sheet', name });
      continue;
    }
    if (ch === '#') {
      const rest = src.slice(i).toUpperCase();
      const code = ERROR_CODES.find((c) => rest.startsWith(c));
      if (!code) fail('unknown error literal');
      tokens.push({ t: 'err', code: code! });
      i += code!.length;
      continue;
    }
    if (isWordStart(ch)) {
      let j = i;
      while (j < src.length && isWordChar(src[j])) j++;
      const text = src.slice(i, j);
      i = j;
      if (src[i] === '!') {
        i++;
        tokens.push({ t: 'sheet', name: text });
      } else {
        tokens.push({ t: 'word', text });
      }
      continue;
    }
    const two = src.slice(i, i + 2);
    if (two === '<>' || two === '<=' || two === '>=') {
      tokens.push({ t: 'op', v: two });
      i += 2;
      continue;
    }
    if ('+-*/^&=<>%:'.includes(ch)) {
      tokens.push({ t: 'op', v: ch });
      i++;
      continue;
    }
    if (ch === '(' || ch === ')' || ch === ',') {
      tokens.push({ t: ch });
      i++;
      continue;
    }
    fail(`unexpected character ${JSON.stringify(ch)}`);
  }
  tokens.push({ t: 'end' });
  return tokens;
}

// ---------------------------------------------------------------------------------------------
// Parser

/** [min, max] argument counts of the known functions; Excel refuses other counts at entry. */
const ARITY: Record<string, [number, number]> = {
  SUM: [1, 255],
  ROUND: [2, 2],
  ROUNDUP: [2, 2],
  ROUNDDOWN: [2, 2],
  INT: [1, 1],
  ABS: [1, 1],
  MIN: [1, 255],
  MAX: [1, 255],
  IF: [2, 3],
  IFERROR: [2, 2],
  AND: [1, 255],
  OR: [1, 255],
  NOT: [1, 1],
  ISBLANK: [1, 1],
  ISNUMBER: [1, 1],
  N: [1, 1],
  SUMPRODUCT: [1, 255],
  TRUE: [0, 0],
  FALSE: [0, 0],
};

const COMPARISONS = new Set(['=', '<>', '<', '<=', '>', '>=']);

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[], private readonly formula: string) {}

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.pos + offset, this.tokens.length - 1)];
  }

  private next(): Token {
    const tok = this.peek();
    if (tok.t !== 'end') this.pos++;
    return tok;
  }

  private fail(msg: string): never {
    throw new FormulaSyntaxError(`${msg} (token ${this.pos + 1})`, this.formula);
  }

  private isOp(v: string): boolean {
    const tok = this.peek();
    return tok.t === 'op' && tok.v === v;
  }

  parseFormula(): FormulaNode {
    if (this.peek().t === 'end') this.fail('empty formula');
    const node = this.parseComparison();
    if (this.peek().t !== 'end') this.fail('unexpected trailing input');
    return node;
  }

  private parseComparison(): FormulaNode {
    let left = this.parseConcat();
    for (;;) {
      const tok = this.peek();
      if (tok.t !== 'op' || !COMPARISONS.has(tok.v)) return left;
      this.next();
      left = { kind: 'binary', op: tok.v as ComparisonOp, left, right: this.parseConcat() };
    }
  }

  private parseConcat(): FormulaNode {
    let left = this.parseAdditive();
    while (this.isOp('&')) {
      this.next();
      left = { kind: 'binary', op: '&', left, right: this.parseAdditive() };
    }
    return left;
  }

  private parseAdditive(): FormulaNode {
    let left = this.parseMultiplicative();
    while (this.isOp('+') || this.isOp('-')) {
      const op = (this.next() as { v: '+' | '-' }).v;
      left = { kind: 'binary', op, left, right: this.parseMultiplicative() };
    }
    return left;
  }

  private parseMultiplicative(): FormulaNode {
    let left = this.parsePower();
    while (this.isOp('*') || this.isOp('/')) {
      const op = (this.next() as { v: '*' | '/' }).v;
      left = { kind: 'binary', op, left, right: this.parsePower() };
    }
    return left;
  }

  /** Excel's ^ is left-associative: 2^3^2 = 64. */
  private parsePower(): FormulaNode {
    let left = this.parsePercent();
    while (this.isOp('^')) {
      this.next();
      left = { kind: 'binary', op: '^', left, right: this.parsePercent() };
    }
    return left;
  }

  private parsePercent(): FormulaNode {
    let node = this.parseUnary();
    while (this.isOp('%')) {
      this.next();
      node = { kind: 'percent', operand: node };
    }
    return node;
  }

  /** Negation binds tighter than ^ in Excel: -2^2 = 4. */
  private parseUnary(): FormulaNode {
    if (this.isOp('-') || this.isOp('+')) {
      const op = (this.next() as { v: '+' | '-' }).v;
      return { kind: 'unary', op, operand: this.parseUnary() };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): FormulaNode {
    const tok = this.next();
    switch (tok.t) {
      case 'num':
        return { kind: 'number', value: new Decimal(tok.text) };
      case 'str':
        return { kind: 'string', value: tok.value };
      case 'err':
        return { kind: 'error', code: tok.code };
      case 'sheet':
        return this.parseReference(tok.name);
      case '(': {
        const inner = this.parseComparison();
        if (this.next().t !== ')') this.fail('missing ")"');
        return inner;
      }
      case 'word': {
        if (this.peek().t === '(') return this.parseCall(tok.text);
        const upper = tok.text.toUpperCase();
        if (upper === 'TRUE' || upper === 'FALSE') return { kind: 'boolean', value: upper === 'TRUE' };
        if (parseA1(tok.text)) {
          this.pos--;
          return this.parseReference(null);
        }
        return { kind: 'name', name: tok.text };
      }
      default:
        return this.fail('expected a value');
    }
  }

  /** A cell or range after an optional sheet prefix (already consumed; `sheet` null when absent). */
  private parseReference(sheet: string | null): FormulaNode {
    const first = this.next();
    if (first.t === 'err' && sheet !== null) return { kind: 'error', code: first.code }; // Sheet1!#REF!
    const start = first.t === 'word' ? parseA1(first.text) : null;
    if (!start) return this.fail('expected a cell reference');
    if (!this.isOp(':')) return { kind: 'ref', sheet, row: start.row, col: start.col };
    this.next();
    let endTok = this.next();
    if (endTok.t === 'sheet') {
      // Sheet1!A1:Sheet1!B2 is the same range; different sheets would be a 3-D reference.
      if (endTok.name.toUpperCase() !== (sheet ?? '').toUpperCase()) this.fail('3-D references are not supported');
      endTok = this.next();
    }
    const end = endTok.t === 'word' ? parseA1(endTok.text) : null;
    if (!end) return this.fail('expected a cell reference after ":"');
    return {
      kind: 'range',
      sheet,
      top: Math.min(start.row, end.row),
      left: Math.min(start.col, end.col),
      bottom: Math.max(start.row, end.row),
      right: Math.max(start.col, end.col),
    };
  }

  private parseCall(rawName: string): FormulaNode {
    this.next(); // (
    const name = rawName.toUpperCase().replace(/^_XLFN\./, '');
    const args: FormulaNode[] = [];
    if (this.peek().t === ')') {
      this.next();
    } else {
      for (;;) {
        const tok = this.peek();
        args.push(tok.t === ',' || tok.t === ')' ? { kind: 'missing' } : this.parseComparison());
        const sep = this.next();
        if (sep.t === ')') break;
        if (sep.t !== ',') this.fail(`expected "," or ")" in ${name}(…)`);
      }
    }
    const arity = ARITY[name];
    if (arity && (args.length < arity[0] || args.length > arity[1])) {
      this.fail(`${name} takes ${arity[0] === arity[1] ? arity[0] : `${arity[0]}–${arity[1]}`} arguments, got ${args.length}`);
    }
    return { kind: 'call', name, args };
  }
}

/** Parses a formula (with or without the leading "="). Throws FormulaSyntaxError. */
export function parseFormula(formula: string): FormulaNode {
  const src = formula.trimStart().startsWith('=') ? formula.trimStart().slice(1) : formula;
  return new Parser(tokenize(formula, src), formula).parseFormula();
}

// ---------------------------------------------------------------------------------------------
// Values

class XlError {
  constructor(readonly code: string) {}
}

type Scalar = Decimal | string | boolean | null | XlError;

/** A reference's cells, row-major (a single-cell reference is a 1×1 range). */
class RangeValue {
  constructor(readonly cells: Scalar[][]) {}
  get isSingle(): boolean {
    return this.cells.length === 1 && this.cells[0].length === 1;
  }
}

type Result = Scalar | RangeValue;

const ZERO = new Decimal(0);
const ONE = new Decimal(1);
const HUNDRED = new Decimal(100);
const TEN = new Decimal(10);
const EXCEL_MAX = new Decimal('1.7976931348623157e308');

const DIV0 = new XlError('#DIV/0!');
const VALUE = new XlError('#VALUE!');
const NAME = new XlError('#NAME?');
const NUM = new XlError('#NUM!');

function isDecimal(v: unknown): v is Decimal {
  return Decimal.isDecimal(v);
}

/** What the reader returned, normalized (Decimals of another decimal.js clone are re-wrapped). */
function fromReader(v: unknown): Scalar {
  if (v === null || v === undefined) return null;
  if (isDecimal(v)) return v instanceof Decimal ? v : new Decimal(String(v));
  if (typeof v === 'number') return new Decimal(v);
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'object' && typeof (v as FormulaError).error === 'string') return new XlError((v as FormulaError).error);
  throw new TypeError(`SheetReader returned an unsupported value: ${String(v)}`);
}

/** Text Excel converts to a number in arithmetic: " 1,234.5 ", "-3", "1E3", "50%". */
const NUMERIC_TEXT_RE = /^([+-]?)((?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]*)?|\.[0-9]+)((?:[eE][+-]?[0-9]+)?)(%?)$/;

function numericText(s: string): Decimal | null {
  const m = NUMERIC_TEXT_RE.exec(s.trim());
  if (!m) return null;
  const d = new Decimal(`${m[1]}${m[2].replace(/,/g, '')}${m[3]}`);
  return m[4] ? d.div(HUNDRED) : d;
}

/** Implicit single value of a result: a 1×1 reference gives its cell; a larger range is #VALUE!. */
function scalar(r: Result): Scalar {
  if (r instanceof RangeValue) return r.isSingle ? r.cells[0][0]! : VALUE;
  return r;
}

function toNumber(s: Scalar): Decimal | XlError {
  if (s === null) return ZERO;
  if (s instanceof XlError || isDecimal(s)) return s;
  if (typeof s === 'boolean') return s ? ONE : ZERO;
  return numericText(s) ?? VALUE;
}

function toBool(s: Scalar): boolean | XlError {
  if (s === null) return false;
  if (s instanceof XlError || typeof s === 'boolean') return s;
  if (isDecimal(s)) return !s.isZero();
  const upper = s.trim().toUpperCase();
  if (upper === 'TRUE') return true;
  if (upper === 'FALSE') return false;
  return VALUE;
}

/** Excel's General display of a number, for &: up to 15 significant digits, no exponent. */
function numberText(d: Decimal): string {
  return d.toSignificantDigits(15, Decimal.ROUND_HALF_UP).toFixed();
}

function toText(s: Scalar): string | XlError {
  if (s === null) return '';
  if (s instanceof XlError || typeof s === 'string') return s;
  if (typeof s === 'boolean') return s ? 'TRUE' : 'FALSE';
  return numberText(s);
}

/**
 * Non-terminating quotients carry 40 significant digits, so 1/3*3 is 0.999…9 where Excel's binary
 * doubles happen to land on 1. Where that tail would flip an outcome (ROUND/ROUNDUP/ROUNDDOWN/INT
 * arguments and comparisons) numbers are first snapped to 30 significant digits, far below any real
 * amount's precision and far above the tail: ROUNDDOWN(1/3*3,0) = 1 and 1/3*3=1 is TRUE, as in Excel.
 */
function snap(d: Decimal): Decimal {
  return d.toSignificantDigits(30, Decimal.ROUND_HALF_UP);
}

function checked(d: Decimal): Decimal | XlError {
  return d.isFinite() && d.abs().lte(EXCEL_MAX) ? d : NUM;
}

/** Excel's ordering: numbers < text < logicals; text case-insensitive; empty acts as 0, "" or FALSE. */
function compare(a: Scalar, b: Scalar): number | XlError {
  if (a instanceof XlError) return a;
  if (b instanceof XlError) return b;
  const blankAs = (other: Scalar): Scalar => (typeof other === 'string' ? '' : typeof other === 'boolean' ? false : ZERO);
  if (a === null) a = blankAs(b);
  if (b === null) b = blankAs(a);
  const rank = (v: Scalar): number => (isDecimal(v) ? 0 : typeof v === 'string' ? 1 : 2);
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (isDecimal(a) && isDecimal(b)) return snap(a).cmp(snap(b));
  if (typeof a === 'string' && typeof b === 'string') {
    const x = a.toUpperCase();
    const y = b.toUpperCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return Number(a) - Number(b);
}

function power(base: Decimal, exp: Decimal): Decimal | XlError {
  if (base.isZero()) {
    if (exp.isZero()) return NUM;
    if (exp.isNegative()) return DIV0;
    return ZERO;
  }
  if (base.isNegative() && !exp.isInteger()) return NUM;
  return checked(base.pow(exp));
}

/** Rounds to `digits` decimals (negative: tens, hundreds …) with a decimal.js rounding mode. */
type Rounding = Parameters<Decimal['toDecimalPlaces']>[1];

function roundTo(x: Decimal, digits: Decimal, mode: Rounding): Decimal {
  const n = digits.trunc().toNumber();
  x = snap(x);
  if (n >= 0) return x.toDecimalPlaces(n, mode);
  const factor = TEN.pow(-n);
  return x.div(factor).toDecimalPlaces(0, mode).times(factor);
}

// ---------------------------------------------------------------------------------------------
// Evaluator

class Evaluator {
  constructor(private readonly sheet: string, private readonly read: SheetReader) {}

  private readRange(sheet: string | null, top: number, left: number, bottom: number, right: number): RangeValue {
    const name = sheet ?? this.sheet;
    const cells: Scalar[][] = [];
    for (let r = top; r <= bottom; r++) {
      const line: Scalar[] = [];
      for (let c = left; c <= right; c++) line.push(fromReader(this.read(name, r, c)));
      cells.push(line);
    }
    return new RangeValue(cells);
  }

  private num(node: FormulaNode): Decimal | XlError {
    return toNumber(scalar(this.eval(node)));
  }

  eval(node: FormulaNode): Result {
    switch (node.kind) {
      case 'number':
      case 'string':
      case 'boolean':
        return node.value;
      case 'error':
        return new XlError(node.code);
      case 'missing':
        return null;
      case 'name':
        return NAME;
      case 'ref':
        return this.readRange(node.sheet, node.row, node.col, node.row, node.col);
      case 'range':
        return this.readRange(node.sheet, node.top, node.left, node.bottom, node.right);
      case 'unary': {
        // Excel's unary + is a no-op (+"a" is "a"); negation converts to a number.
        if (node.op === '+') return this.eval(node.operand);
        const x = this.num(node.operand);
        return x instanceof XlError ? x : x.neg();
      }
      case 'percent': {
        const x = this.num(node.operand);
        return x instanceof XlError ? x : x.div(HUNDRED);
      }
      case 'binary':
        return this.binary(node.op, node.left, node.right);
      case 'call':
        return this.call(node.name, node.args);
    }
  }

  private binary(op: BinaryOp, leftNode: FormulaNode, rightNode: FormulaNode): Result {
    if (op === '&') {
      const a = toText(scalar(this.eval(leftNode)));
      if (a instanceof XlError) return a;
      const b = toText(scalar(this.eval(rightNode)));
      if (b instanceof XlError) return b;
      return a + b;
    }
    if (COMPARISONS.has(op)) {
      const c = compare(scalar(this.eval(leftNode)), scalar(this.eval(rightNode)));
      if (c instanceof XlError) return c;
      switch (op) {
        case '=':
          return c === 0;
        case '<>':
          return c !== 0;
        case '<':
          return c < 0;
        case '<=':
          return c <= 0;
        case '>':
          return c > 0;
        default:
          return c >= 0;
      }
    }
    const a = this.num(leftNode);
    if (a instanceof XlError) return a;
    const b = this.num(rightNode);
    if (b instanceof XlError) return b;
    switch (op) {
      case '+':
        return checked(a.plus(b));
      case '-':
        return checked(a.minus(b));
      case '*':
        return checked(a.times(b));
      case '/':
        return b.isZero() ? DIV0 : checked(a.div(b));
      default:
        return power(a, b);
    }
  }

  /**
   * The numbers of SUM/MIN/MAX arguments. Inside references (ranges and single cells alike) text,
   * logicals and blanks are ignored; direct values are converted ("3" → 3, TRUE → 1, "x" → #VALUE!).
   */
  private numbers(args: FormulaNode[]): Decimal[] | XlError {
    const out: Decimal[] = [];
    for (const arg of args) {
      if (arg.kind === 'missing') {
        out.push(ZERO);
        continue;
      }
      const r = this.eval(arg);
      if (r instanceof RangeValue) {
        for (const line of r.cells) {
          for (const cell of line) {
            if (cell instanceof XlError) return cell;
            if (isDecimal(cell)) out.push(cell);
          }
        }
      } else if (r !== null) {
        const n = toNumber(r);
        if (n instanceof XlError) return n;
        out.push(n);
      }
    }
    return out;
  }

  /** The logicals of AND/OR arguments; text and blanks inside references are ignored. */
  private logicals(args: FormulaNode[]): boolean[] | XlError {
    const out: boolean[] = [];
    for (const arg of args) {
      if (arg.kind === 'missing') {
        out.push(false);
        continue;
      }
      const r = this.eval(arg);
      if (r instanceof RangeValue) {
        for (const line of r.cells) {
          for (const cell of line) {
            if (cell instanceof XlError) return cell;
            if (typeof cell === 'boolean') out.push(cell);
            else if (isDecimal(cell)) out.push(!cell.isZero());
          }
        }
      } else if (r !== null) {
        const b = toBool(r);
        if (b instanceof XlError) return b;
        out.push(b);
      }
    }
    return out.length ? out : VALUE;
  }

  private round(args: FormulaNode[], mode: Rounding): Result {
    const x = this.num(args[0]);
    if (x instanceof XlError) return x;
    const n = this.num(args[1]);
    if (n instanceof XlError) return n;
    return roundTo(x, n, mode);
  }

  private call(name: string, args: FormulaNode[]): Result {
    switch (name) {
      case 'SUM': {
        const ns = this.numbers(args);
        return ns instanceof XlError ? ns : checked(ns.reduce((s, n) => s.plus(n), ZERO));
      }
      case 'MIN':
      case 'MAX': {
        const ns = this.numbers(args);
        if (ns instanceof XlError) return ns;
        if (!ns.length) return ZERO;
        return name === 'MIN' ? Decimal.min(...ns) : Decimal.max(...ns);
      }
      case 'ROUND':
        return this.round(args, Decimal.ROUND_HALF_UP);
      case 'ROUNDUP':
        return this.round(args, Decimal.ROUND_UP);
      case 'ROUNDDOWN':
        return this.round(args, Decimal.ROUND_DOWN);
      case 'INT': {
        const x = this.num(args[0]);
        return x instanceof XlError ? x : snap(x).floor();
      }
      case 'ABS': {
        const x = this.num(args[0]);
        return x instanceof XlError ? x : x.abs();
      }
      case 'IF': {
        const c = toBool(scalar(this.eval(args[0])));
        if (c instanceof XlError) return c;
        if (c) return this.eval(args[1]);
        return args.length > 2 ? this.eval(args[2]) : false;
      }
      case 'IFERROR': {
        const v = scalar(this.eval(args[0]));
        return v instanceof XlError ? this.eval(args[1]) : v;
      }
      case 'AND':
      case 'OR': {
        const bs = this.logicals(args);
        if (bs instanceof XlError) return bs;
        return name === 'AND' ? bs.every(Boolean) : bs.some(Boolean);
      }
      case 'NOT': {
        const b = toBool(scalar(this.eval(args[0])));
        return b instanceof XlError ? b : !b;
      }
      case 'ISBLANK': {
        const r = this.eval(args[0]);
        return r instanceof RangeValue && r.isSingle && r.cells[0][0] === null;
      }
      case 'ISNUMBER':
        return isDecimal(scalar(this.eval(args[0])));
      case 'N': {
        const r = this.eval(args[0]);
        const v = r instanceof RangeValue ? r.cells[0][0]! : r;
        if (v instanceof XlError || isDecimal(v)) return v;
        if (typeof v === 'boolean') return v ? ONE : ZERO;
        return ZERO;
      }
      case 'SUMPRODUCT':
        return this.sumproduct(args);
      case 'TRUE':
        return true;
      case 'FALSE':
        return false;
      default:
        return NAME;
    }
  }

  /** Same-shaped arrays multiplied cell by cell and summed; non-numbers count as 0, errors propagate. */
  private sumproduct(args: FormulaNode[]): Result {
    const arrays: Scalar[][][] = args.map((arg) => {
      const r = this.eval(arg);
      return r instanceof RangeValue ? r.cells : [[r]];
    });
    const rows = arrays[0].length;
    const cols = arrays[0][0].length;
    if (arrays.some((a) => a.length !== rows || a[0].length !== cols)) return VALUE;
    let total = ZERO;
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        let product = ONE;
        for (const a of arrays) {
          const v = a[r][c]!;
          if (v instanceof XlError) return v;
          product = product.times(isDecimal(v) ? v : ZERO);
        }
        total = total.plus(product);
      }
    }
    return checked(total);
  }
}

/**
 * Evaluates `formula` (with or without "=") as if it stood on `sheet`. Returns the value Excel would
 * show: a Decimal, string or boolean, or { error: '#DIV/0!' } etc. A formula that yields a reference
 * to an empty cell gives 0, as Excel displays it. Throws FormulaSyntaxError on a malformed formula.
 */
export function evaluateFormula(formula: string, sheet: string, read: SheetReader): Value | FormulaError {
  const result = scalar(new Evaluator(sheet, read).eval(parseFormula(formula)));
  if (result instanceof XlError) return { error: result.code };
  if (result === null) return ZERO;
  return isDecimal(result) && result.isZero() ? ZERO : result; // Excel has no -0
}

export function isFormulaError(v: unknown): v is FormulaError {
  return typeof v === 'object' && v !== null && !isDecimal(v) && typeof (v as FormulaError).error === 'string';
}

/**
 * Every cell `formula` (standing on `sheet`) refers to, ranges expanded row by row, each cell once in
 * order of first appearance. All branches count (both sides of an IF). Sheet names are as written.
 */
export function referencesOf(formula: string, sheet: string): CellAddress[] {
  const out: CellAddress[] = [];
  const seen = new Set<string>();
  const add = (s: string, row: number, col: number): void => {
    const key = `${s}\u0000${row}\u0000${col}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ sheet: s, row, col });
  };
  const walk = (node: FormulaNode): void => {
    switch (node.kind) {
      case 'ref':
        add(node.sheet ?? sheet, node.row, node.col);
        break;
      case 'range':
        for (let r = node.top; r <= node.bottom; r++) {
          for (let c = node.left; c <= node.right; c++) add(node.sheet ?? sheet, r, c);
        }
        break;
      case 'unary':
      case 'percent':
        walk(node.operand);
        break;
      case 'binary':
        walk(node.left);
        walk(node.right);
        break;
      case 'call':
        node.args.forEach(walk);
        break;
      default:
        break;
    }
  };
  walk(parseFormula(formula));
  return out;
}
