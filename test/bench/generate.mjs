// Generates a workspace of N models (and score sheets for most of them) from the example's
// models, for the benchmarks: units of 100 models, so 10,000 models make about 100 reports by
// unit, as a province's year-end batch does. Cached under the system's temporary folder by size.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const example = path.join(root, 'examples', 'duy-tien-2023');

function walk(dir, out = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.name.endsWith('.yaml')) out.push(p);
  }
  return out;
}

/** Model and sheet texts with __ID__, __UNIT__ and __CODE__ in place of the example's values. */
function templates() {
  const sheets = new Map();
  for (const f of walk(path.join(example, 'assessments', '2023'))) {
    const doc = parseDocument(fs.readFileSync(f, 'utf8'));
    const id = doc.get('model');
    doc.set('model', '__ID__');
    sheets.set(id, doc.toString({ lineWidth: 0 }));
  }
  return walk(path.join(example, 'models', '2023')).map((f) => {
    const doc = parseDocument(fs.readFileSync(f, 'utf8'));
    const id = doc.get('id');
    doc.set('id', '__ID__');
    doc.setIn(['unit', 'name'], '__UNIT__');
    doc.setIn(['unit', 'code'], '__CODE__');
    return { model: doc.toString({ lineWidth: 0 }), sheet: sheets.get(id) };
  });
}

const PER_UNIT = 100;

export function generate(n) {
  const dir = path.join(os.tmpdir(), `dvk-bench-${n}-u${PER_UNIT}`);
  const done = path.join(dir, '.complete');
  if (fs.existsSync(done)) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.cpSync(path.join(example, 'criteria'), path.join(dir, 'criteria'), { recursive: true });
  fs.cpSync(path.join(example, 'evidence'), path.join(dir, 'evidence'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'dvk.config.yaml'), fs.readFileSync(path.join(example, 'dvk.config.yaml')));
  const t = templates();
  for (let i = 0; i < n; i++) {
    const unit = Math.floor(i / PER_UNIT);
    const code = `U${unit}`;
    const id = `BM-2023-${code}-${String((i % PER_UNIT) + 1).padStart(3, '0')}`;
    const { model, sheet } = t[i % t.length];
    const fill = (s) => s.replaceAll('__ID__', id).replaceAll('__UNIT__', `Đơn vị số ${unit}`).replaceAll('__CODE__', code);
    const mdir = path.join(dir, 'models', '2023', code);
    if (i % PER_UNIT === 0) fs.mkdirSync(mdir, { recursive: true });
    fs.writeFileSync(path.join(mdir, `mo-hinh-${i}.yaml`), fill(model));
    if (sheet) {
      const adir = path.join(dir, 'assessments', '2023', 'huyen');
      if (i === 0) fs.mkdirSync(adir, { recursive: true });
      fs.writeFileSync(path.join(adir, `${id}.yaml`), fill(sheet));
    }
  }
  fs.writeFileSync(done, '');
  return dir;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(generate(Number(process.argv[2] ?? 1000)));
}
