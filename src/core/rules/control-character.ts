// Rule control-character: no control characters in text. NUL and the other C0 and C1 controls
// (ESC starts the sequences that rewrite a terminal's title or clear its screen) and the
// bidirectional overrides and isolates (U+202E turns the rest of a line around in the decision)
// are never part of a name or a description; they come from copying between programs, or from
// someone who means harm. Tab, line feed and carriage return are text.
import type { Finding, LoadedFile } from '../load.js';
import type { Messages } from '../../i18n/index.js';
import { eachText } from './text.js';

/** The characters this rule refuses; outputs escape the same ones (cli/reporters/escape.ts). */
export const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** Runs on any parsed file, valid or not: every key and string value. */
export function controlCharacter(file: LoadedFile, { m }: { m: Messages }): Finding[] {
  const findings: Finding[] = [];
  eachText(file.data, (text, path, isKey) => {
    const found = CONTROL_CHARS.exec(text);
    if (found) {
      const code = `U+${found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
      findings.push({ rule: 'control-character', severity: 'error', path: [...path], ...(isKey ? { target: 'key' as const } : {}), ...m.safety.controlCharacter(code, found.index + 1) });
    }
  });
  return findings;
}
