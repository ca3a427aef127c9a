// The parse-only floor: read every YAML file of a workspace and parse it, nothing else.
import fs from 'node:fs';
import path from 'node:path';
import jsyaml from 'js-yaml';
import { parse } from 'yaml';

const [dir, parser = 'js-yaml'] = process.argv.slice(2);
const load = parser === 'yaml' ? (s) => parse(s) : (s) => jsyaml.load(s, { schema: jsyaml.CORE_SCHEMA });
let files = 0;
function walk(d) {
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) walk(p);
    else if (e.name.endsWith('.yaml')) {
      load(fs.readFileSync(p, 'utf8'));
      files++;
    }
  }
}
walk(dir);
console.log(files);
