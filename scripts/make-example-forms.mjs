// Makes the two filled forms of the example workspace, examples/duy-tien-2023/forms/, from what
// test/fixtures/forms/filled.json says a unit typed:
// - dang-ky-hoa-mac-hien-dat.docx: a registration form filled in and saved again by LibreOffice
//   (which drops the controls' tags, so dvk reads it by its labels);
// - tong-ket-qs-01.docx: the review form of DT-2023-QS-01, typed into Word's controls.
// Run after `npm run build`: node scripts/make-example-forms.mjs (needs LibreOffice's soffice).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => import(path.join(root, 'dist', p));
const { formDocx, reviewAbout } = await dist('render/form.js');
const { formSpec } = await dist('core/forms/fields.js');
const { DEFAULT_LEVELS } = await dist('core/config.js');
const { readSchemas } = await dist('cli/commands/fmt.js');

const filled = JSON.parse(fs.readFileSync(path.join(root, 'test/fixtures/forms/filled.json'), 'utf8'));
const out = path.join(root, 'examples/duy-tien-2023/forms');
fs.mkdirSync(out, { recursive: true });
const form = (kind, extra) => formDocx({ spec: formSpec(kind, readSchemas(), DEFAULT_LEVELS), values: new Map(Object.entries(filled[kind])), labels: {}, ...extra });

const { parse } = await import('yaml');
const qs = parse(fs.readFileSync(path.join(root, 'examples/duy-tien-2023/models/2023/QS/van-dong-nghia-vu-quan-su.yaml'), 'utf8'));
fs.writeFileSync(path.join(out, 'tong-ket-qs-01.docx'), form('review', { model: qs.id, about: reviewAbout(qs) }));

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dvk-forms-'));
try {
  const typed = path.join(tmp, 'dang-ky-hoa-mac-hien-dat.docx');
  fs.writeFileSync(typed, form('register'));
  const saved = path.join(tmp, 'saved');
  execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${path.join(tmp, 'profile')}`, '--convert-to', 'docx', '--outdir', saved, typed], { stdio: 'ignore' });
  fs.copyFileSync(path.join(saved, 'dang-ky-hoa-mac-hien-dat.docx'), path.join(out, 'dang-ky-hoa-mac-hien-dat.docx'));
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
console.log(`Wrote ${path.relative(root, out)}/dang-ky-hoa-mac-hien-dat.docx and tong-ket-qs-01.docx`);
