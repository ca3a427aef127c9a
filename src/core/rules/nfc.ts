// Rule nfc: text must be in Unicode NFC. Vietnamese typed with some keyboards or copied from
// some systems arrives decomposed (a letter followed by combining marks): it looks the same but
// sorts, searches and compares differently.
import type { Finding, LoadedFile } from '../load.js';
import type { Messages } from '../../i18n/index.js';
import { eachText } from './text.js';

const COMBINING = /[\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff]/;

export function isNfc(s: string): boolean {
  return !COMBINING.test(s) || s.normalize('NFC') === s;
}

/** Runs on any parsed file, valid or not: every key and string value. */
export function nfc(file: LoadedFile, { m }: { m: Messages }): Finding[] {
  const findings: Finding[] = [];
  eachText(file.data, (text, path, isKey) => {
    if (!isNfc(text)) findings.push({ rule: 'nfc', severity: 'warning', path: [...path], ...(isKey ? { target: 'key' as const } : {}), ...m.notNfc(text) });
  });
  return findings;
}
