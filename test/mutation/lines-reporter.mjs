// A Stryker reporter that writes each mutant's result to reports/mutation/mutants.jsonl (MUT_LINES
// names another file) as soon as it is known, one run per file. Stryker writes its own reports only
// when a run ends; a whole-core run takes hours, and one stopped midway keeps its results here.
import fs from 'node:fs';
import path from 'node:path';
import { PluginKind, declareClassPlugin } from '@stryker-mutator/api/plugin';

class LinesReporter {
  constructor() {
    this.file = process.env.MUT_LINES ?? 'reports/mutation/mutants.jsonl';
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    fs.writeFileSync(this.file, '');
  }

  onMutantTested(r) {
    const { fileName, status, mutatorName: mutator, replacement, location } = r;
    fs.appendFileSync(this.file, `${JSON.stringify({ file: path.relative(process.cwd(), fileName), status, mutator, replacement, location })}\n`);
  }
}

export const strykerPlugins = [declareClassPlugin(PluginKind.Reporter, 'lines', LinesReporter)];
