// The default terminal format: diagnostics grouped by file, `line:col`, severity, message, rule
// id, the hint on the next line, and a summary line. Colour only when asked for.
import { Chalk } from 'chalk';
import type { ReportInput, StylishOptions } from './types.js';
import { maxOf } from '../../core/arrays.js';
import { terminalText } from './escape.js';

export function stylish({ diagnostics, summary, m }: ReportInput, { color }: StylishOptions): string {
  const c = new Chalk({ level: color ? 1 : 0 });
  const out: string[] = [];
  let file: string | undefined;
  const width = maxOf(diagnostics.map((d) => `${d.line}:${d.column}`.length), 0);
  const sevWidth = Math.max(m.cli.severity.error.length, m.cli.severity.warning.length);
  for (const d of diagnostics) {
    if (d.file !== file) {
      if (file !== undefined) out.push('');
      out.push(c.underline(terminalText(d.file)));
      file = d.file;
    }
    const pos = `${d.line}:${d.column}`.padEnd(width);
    const sevText = m.cli.severity[d.severity].padEnd(sevWidth);
    const sev = d.severity === 'error' ? c.red(sevText) : c.yellow(sevText);
    out.push(`  ${c.dim(pos)}  ${sev}  ${terminalText(d.message)}  ${c.dim(d.rule)}`);
    if (d.hint) out.push(`  ${' '.repeat(width + sevWidth + 4)}${c.cyan(`→ ${terminalText(d.hint)}`)}`);
  }
  if (out.length) out.push('');
  const line = m.cli.summary(summary);
  out.push(summary.errors ? c.red.bold(line) : summary.warnings ? c.yellow.bold(line) : c.green(line));
  return `${out.join('\n')}\n`;
}
