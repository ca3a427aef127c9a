// The stable JSON shape of DESIGN.md §3: every diagnostic has every key (hint null when none).
import type { ReportInput } from './types.js';

export function json({ diagnostics, summary }: ReportInput): string {
  const out = {
    summary,
    diagnostics: diagnostics.map((d) => ({
      file: d.file,
      line: d.line,
      column: d.column,
      endLine: d.endLine,
      endColumn: d.endColumn,
      severity: d.severity,
      rule: d.rule,
      message: d.message,
      hint: d.hint ?? null,
    })),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
