// GitHub Actions workflow commands: one annotation per diagnostic, shown on the pull request's
// changed lines. https://docs.github.com/actions/reference/workflow-commands-for-github-actions
import type { ReportInput } from './types.js';
import { noControls } from './escape.js';

const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const prop = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function github({ diagnostics, summary, m }: ReportInput): string {
  const lines = diagnostics.map((d) => {
    const props = [
      `file=${prop(d.file)}`,
      `line=${d.line}`,
      `col=${d.column}`,
      `endLine=${d.endLine}`,
      `endColumn=${d.endColumn}`,
      `title=${prop(`dvk ${d.rule}`)}`,
    ].join(',');
    const text = noControls(d.hint ? `${d.message}\n${d.hint}` : d.message);
    return `::${d.severity === 'error' ? 'error' : 'warning'} ${props}::${data(text)}`;
  });
  lines.push(m.cli.summary(summary));
  return `${lines.join('\n')}\n`;
}
