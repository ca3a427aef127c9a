// Precompiles the JSON Schemas in schemas/ into one CommonJS module (ajv standalone code),
// so that dvk does not compile schemas at every start (~70 ms saved, DESIGN.md §7).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020, { _ } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import standaloneCode from 'ajv/dist/standalone/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const schemaDir = path.join(root, 'schemas');

export const SCHEMA_FILES = [
  'common.schema.json',
  'model.schema.json',
  'assessment.schema.json',
  'criteria.schema.json',
  'config.schema.json',
  'steps/register.schema.json',
  'steps/implement.schema.json',
  'steps/inspect.schema.json',
  'steps/review.schema.json',
];

export function createAjv(options = {}) {
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, strictRequired: false, allowUnionTypes: true, code: { source: true, lines: false, ...options.code } });
  addFormats(ajv, { formats: ['date'], keywords: false });
  for (const file of SCHEMA_FILES) {
    ajv.addSchema(JSON.parse(fs.readFileSync(path.join(schemaDir, file), 'utf8')));
  }
  return ajv;
}

export const EXPORTS = {
  model: 'model.schema.json',
  assessment: 'assessment.schema.json',
  criteria: 'criteria.schema.json',
  config: 'config.schema.json',
  register: 'steps/register.schema.json',
  implement: 'steps/implement.schema.json',
  inspect: 'steps/inspect.schema.json',
  review: 'steps/review.schema.json',
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const ajv = createAjv({ code: { formats: _`require("ajv-formats/dist/formats").fullFormats` } });
  const code = standaloneCode(ajv, EXPORTS);
  const out = path.join(root, 'generated', 'validators.cjs');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, code);
  console.log(`schemas: ${Object.keys(EXPORTS).length} validators -> ${path.relative(root, out)} (${code.length} bytes)`);
}
