// SARIF 2.1.0 for code-scanning tools: one run, the tool named with its version, one rule entry
// per rule id that appears, results pointing at the exact region.
import type { ReportInput } from './types.js';

export function sarif({ diagnostics, m, version }: ReportInput): string {
  const ruleIds = [...new Set(diagnostics.map((d) => d.rule))].sort();
  const rules = ruleIds.map((id) => {
    const text = m.rules[id as keyof typeof m.rules] ?? id;
    return { id, shortDescription: { text }, fullDescription: { text }, help: { text } };
  });
  const run = {
    tool: {
      driver: {
        name: 'dvk',
        version,
        semanticVersion: version,
        rules,
      },
    },
    columnKind: 'utf16CodeUnits',
    results: diagnostics.map((d) => ({
      ruleId: d.rule,
      ruleIndex: ruleIds.indexOf(d.rule),
      level: d.severity === 'error' ? 'error' : 'warning',
      message: { text: d.hint ? `${d.message} ${d.hint}` : d.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: d.file.split('/').map(encodeURIComponent).join('/') },
            region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
          },
        },
      ],
    })),
  };
  const log = { $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs: [run] };
  return `${JSON.stringify(log, null, 2)}\n`;
}
