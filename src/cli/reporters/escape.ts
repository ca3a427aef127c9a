// Text from the data, made safe for where it is written: spreadsheets (formulas), terminals
// (escape sequences), Markdown (links, mentions) and CI logs (workflow commands). Every
// reporter that writes names, titles or messages from the files goes through these.
import { CONTROL_CHARS } from '../../core/rules/control-character.js';

/**
 * A spreadsheet cell's text that Excel and LibreOffice show as text, never run as a formula:
 * a leading `=`, `+`, `-`, `@`, tab or carriage return gets a `'` before it (the OWASP rule).
 */
export const noFormula = (s: string): string => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

/** A CSV field: formulas neutralised; quoted when it holds a separator, a quote or a line break. */
export function csvCell(s: string): string {
  const text = noFormula(s);
  return text !== s || /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const CONTROLS = new RegExp(CONTROL_CHARS.source, 'g');

/**
 * Text for a terminal or a CI log: control characters (escape sequences, bidirectional
 * overrides) and line breaks are shown as `\u{1b}`, never sent, so that a value can neither
 * drive the terminal nor start a line that CI reads as a command (`::warning file=…`).
 */
export const terminalText = (s: string): string => noControls(s).replace(/[\n\r\u0085\u2028\u2029]/g, hex);

/** The same, line breaks kept (for formats that encode them, such as GitHub's annotations). */
export const noControls = (s: string): string => s.replace(CONTROLS, hex);

function hex(c: string): string {
  return `\\u{${c.charCodeAt(0).toString(16)}}`;
}

/**
 * Text for a Markdown table cell (a pull-request comment): on one line, with Markdown's
 * punctuation escaped so that a name makes no link, image, HTML or code, and `@` kept from
 * mentioning anyone (a word joiner after it).
 */
export const markdownText = (s: string): string =>
  terminalText(s.replace(/\r?\n/g, ' '))
    .replace(/[\\`*_[\]<>|~]/g, '\\$&')
    .replace(/@/g, '@\u2060');
