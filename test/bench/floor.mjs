// The floors: what any run over a workspace's YAML files costs, nothing else.
// `parse` (a cold run's floor): read every YAML file and parse it (js-yaml, or `yaml`).
// `stat` (a warm run's floor): list the folders and stat every YAML file, what a run must do to
// know that nothing changed.
import fs from 'node:fs';
import path from 'node:path';
import jsyaml from 'js-yaml';
import { parse } from 'yaml';

const [dir, mode = 'js-yaml'] = process.argv.slice(2);
const visit =
  mode === 'stat' ? (p) => fs.statSync(p)
  : mode === 'yaml' ? (p) => parse(fs.readFileSync(p, 'utf8'))
  : (p) => jsyaml.load(fs.readFileSync(p, 'utf8'), { schema: jsyaml.CORE_SCHEMA });
let files = 0;
function walk(d) {
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    if (e.name.startsWith('.')) continue;
    const p = path.join(d, e.name);
    if (e.isDirectory()) walk(p);
    else if (e.name.endsWith('.yaml')) {
      visit(p);
      files++;
    }
  }
}
walk(dir);
console.log(files);
