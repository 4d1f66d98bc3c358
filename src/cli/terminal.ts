/**
 * Text on its way to a terminal: control characters (C0 but tab and new line, DEL, C1) and the
 * invisible direction marks and overrides (U+061C, U+200E/F, U+202A–U+202E, U+2066–U+2069) and line
 * separators are written as \uXXXX escapes, so a cell or file name cannot reorder, hide or recolour
 * what the report says. In JSON the escape stands inside a string and decodes to the same text.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

export function escapeControls(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}
