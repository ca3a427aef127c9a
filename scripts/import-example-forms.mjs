// The last part of `npm start`: the form loop on a temporary copy of the example workspace, so
// that the example itself never changes. `dvk import forms` reads the two filled forms of
// examples/duy-tien-2023/forms/ (a new registration and the review of DT-2023-QS-01), then
// `dvk validate` checks the files they wrote. The copy is removed afterwards.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const example = path.join(root, 'examples', 'duy-tien-2023');
const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'dvk-example-'));
let status = 0;
try {
  fs.cpSync(example, copy, { recursive: true, filter: (src) => path.relative(example, src) !== 'out' });
  for (const args of [['import', 'forms'], ['validate']]) {
    console.log(`\n$ dvk ${args.join(' ')}    # ${copy}`);
    const run = spawnSync(process.execPath, [path.join(root, 'bin', 'dvk.js'), '-C', copy, ...args], { stdio: 'inherit' });
    status ||= run.status ?? 1;
  }
} finally {
  fs.rmSync(copy, { recursive: true, force: true });
}
process.exitCode = status;
