/**
 * Message catalogs in the manner of typescript-eslint: each rule declares `messages` (id → template)
 * in its meta, and reports a message id with its data; this module renders them. Placeholders are
 * `{{name}}`; a placeholder without data is a programming error and throws, so a typo cannot ship
 * a message with a hole in it.
 */
import type { CellPointer, Finding, MessageData, Severity } from './types';

export type MessageCatalog = Readonly<Record<string, string>>;

/** What a finding's producer must declare: its id, severity of a break, and its messages. */
export interface FindingSource {
  id: string;
  severity: Severity;
  messages: MessageCatalog;
}

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

/**
 * Templates split once into text and placeholder names ([text, name, text, …, text]): a check of a
 * large table renders thousands of messages from a few templates. Catalogs are fixed, so this stays
 * small; it is emptied if it ever grows past MAX_COMPILED.
 */
const compiled = new Map<string, string[]>();
const MAX_COMPILED = 10_000;

export function renderMessage(template: string, data: MessageData = {}): string {
  let parts = compiled.get(template);
  if (!parts) {
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    compiled.set(template, (parts = template.split(PLACEHOLDER)));
  }
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i];
    if (!(name in data)) throw new Error(`message placeholder {{${name}}} has no data`);
    out += String(data[name]) + parts[i + 1];
  }
  return out;
}

/** The placeholders a template uses, for the catalog tests. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]);
}

export interface FindingFields {
  severity?: Severity;
  cells: CellPointer[];
  expected: string | null;
  actual: string | null;
  difference?: string;
  rounding?: boolean;
  likely?: CellPointer;
  fix?: Finding['fix'];
  source?: 'narrative';
  quote?: string;
  unresolved?: boolean;
}

/** A finding of `source`, its message rendered from the catalog (severity defaults to the source's). */
export function createFinding(source: FindingSource, messageId: string, data: MessageData, fields: FindingFields): Finding {
  const template = source.messages[messageId];
  if (template === undefined) throw new Error(`${source.id}: no message "${messageId}" in its catalog`);
  const f: Finding = {
    rule: source.id,
    severity: fields.severity ?? source.severity,
    cells: fields.cells,
    expected: fields.expected,
    actual: fields.actual,
    message: renderMessage(template, data),
    messageId,
    data,
  };
  if (fields.difference !== undefined) f.difference = fields.difference;
  if (fields.rounding) f.rounding = true;
  if (fields.likely) f.likely = fields.likely;
  if (fields.fix) f.fix = fields.fix;
  if (fields.source) f.source = fields.source;
  if (fields.quote !== undefined) f.quote = fields.quote;
  if (fields.unresolved) f.unresolved = true;
  return f;
}
