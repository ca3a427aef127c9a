// Rule nfc: text must be in Unicode NFC. Vietnamese typed with some keyboards or copied from
// some systems arrives decomposed (a letter followed by combining marks): it looks the same but
// sorts, searches and compares differently.
import type { Finding, LoadedFile } from '../load.js';
import type { Path } from '../types.js';
import type { RuleContext } from './context.js';

const COMBINING = /[\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff]/;

export function isNfc(s: string): boolean {
  return !COMBINING.test(s) || s.normalize('NFC') === s;
}

/** Runs on any parsed file, valid or not: every key and string value. */
export function nfc(file: LoadedFile, { m }: RuleContext): Finding[] {
  const findings: Finding[] = [];
  const visit = (value: unknown, path: Path) => {
    if (typeof value === 'string') {
      if (!isNfc(value)) findings.push({ rule: 'nfc', severity: 'warning', path, ...m.notNfc(value) });
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => visit(v, [...path, i]));
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (!isNfc(k)) findings.push({ rule: 'nfc', severity: 'warning', path: [...path, k], target: 'key', ...m.notNfc(k) });
        visit(v, [...path, k]);
      }
    }
  };
  visit(file.data, []);
  return findings;
}
