// Rule nfc: text must be in Unicode NFC. Vietnamese typed with some keyboards or copied from
// some systems arrives decomposed (a letter followed by combining marks): it looks the same but
// sorts, searches and compares differently.
import type { Finding, LoadedFile } from '../load.js';
import type { Messages } from '../../i18n/index.js';

const COMBINING = /[\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff]/;

export function isNfc(s: string): boolean {
  return !COMBINING.test(s) || s.normalize('NFC') === s;
}

/** Runs on any parsed file, valid or not: every key and string value. */
export function nfc(file: LoadedFile, { m }: { m: Messages }): Finding[] {
  const findings: Finding[] = [];
  // One path array for the walk, copied only for a finding: most strings are fine.
  const path: (string | number)[] = [];
  const visit = (value: unknown) => {
    if (typeof value === 'string') {
      if (!isNfc(value)) findings.push({ rule: 'nfc', severity: 'warning', path: [...path], ...m.notNfc(value) });
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        visit(value[i]);
        path.pop();
      }
    } else if (value !== null && typeof value === 'object') {
      for (const k in value) {
        path.push(k);
        if (!isNfc(k)) findings.push({ rule: 'nfc', severity: 'warning', path: [...path], target: 'key', ...m.notNfc(k) });
        visit((value as Record<string, unknown>)[k]);
        path.pop();
      }
    }
  };
  visit(file.data);
  return findings;
}
