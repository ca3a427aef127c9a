// JUnit XML, as CI dashboards read it: one test suite per file, one failing test case per
// diagnostic (its type is the severity), one passing test case for a clean file.
import type { ReportInput } from './types.js';
import type { Diagnostic } from '../../core/types.js';
import { addTo } from '../../core/arrays.js';

const xml = (s: string | number) =>
  String(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // Characters XML 1.0 cannot carry at all.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

export function junit({ diagnostics }: ReportInput, files: readonly string[]): string {
  const byFile = new Map<string, Diagnostic[]>(files.map((f) => [f, []]));
  for (const d of diagnostics) addTo(byFile, d.file, d);
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  out.push(`<testsuites name="dvk" tests="${[...byFile.values()].reduce((n, ds) => n + Math.max(1, ds.length), 0)}" failures="${diagnostics.length}">`);
  for (const [file, ds] of byFile) {
    out.push(`  <testsuite name="${xml(file)}" tests="${Math.max(1, ds.length)}" failures="${ds.length}" errors="0">`);
    if (ds.length === 0) out.push(`    <testcase name="${xml(file)}" classname="dvk"/>`);
    for (const d of ds) {
      const text = `${d.file}:${d.line}:${d.column} ${d.message}${d.hint ? `\n${d.hint}` : ''}`;
      out.push(`    <testcase name="${xml(`${d.rule} ${d.line}:${d.column}`)}" classname="${xml(file)}">`);
      out.push(`      <failure type="${d.severity}" message="${xml(d.message)}">${xml(text)}</failure>`);
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}
