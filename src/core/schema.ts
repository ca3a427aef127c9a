// JSON Schema validation with precompiled validators (scripts/build-schemas.mjs), and the
// translation of ajv's errors into located, worded findings.
import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Messages } from '../i18n/index.js';
import { describe, type Finding } from './load.js';
import { monthLength, nearest, slugify, stripDiacritics, suggestDate, suggestDecimal, suggestEnum, suggestInteger } from './hints.js';
import type { Kind, Path, StepName } from './types.js';

export type ValidatorName = Kind | StepName;

const require = createRequire(import.meta.url);
const validators = require('../../generated/validators.cjs') as Record<ValidatorName, ValidateFunction>;

/** Validates data against one of the schemas; returns ajv's raw errors (empty when valid). */
export function validateAgainst(name: ValidatorName, data: unknown): ErrorObject[] {
  const validate = validators[name];
  return validate(data) ? [] : [...(validate.errors ?? [])];
}

/** A JSON pointer as path segments; a segment is a list index only where the data has a list. */
export function pointerToPath(pointer: string, data?: unknown): (string | number)[] {
  if (pointer === '') return [];
  const out: (string | number)[] = [];
  let v = data;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const index = /^(0|[1-9]\d*)$/.test(key) && (data === undefined || Array.isArray(v));
    const seg = index ? Number(key) : key;
    out.push(seg);
    v = v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[seg] : undefined;
  }
  return out;
}

export function dotted(path: Path): string {
  let out = '';
  for (const s of path) out += typeof s === 'number' ? `[${s}]` : out ? `.${s}` : s;
  return out;
}

function valueAt(data: unknown, path: Path): unknown {
  let v: unknown = data;
  for (const s of path) v = v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[s] : undefined;
  return v;
}

interface SchemaInfo {
  title?: string;
  description?: string;
  properties?: Record<string, SchemaInfo>;
  oneOf?: SchemaInfo[];
  anyOf?: SchemaInfo[];
  required?: string[];
}

/** Labels a few values that users type in Vietnamese instead of the code. */
const ENUM_ALIASES: Record<string, string> = {
  'tap-the': 'collective',
  'mo-hinh-tap-the': 'collective',
  'ca-nhan': 'individual',
  'dien-hinh-ca-nhan': 'individual',
  'dang-ky': 'register',
  'thuc-hien': 'implement',
  'kiem-tra': 'inspect',
  'tong-ket': 'review',
  'dung-tien-do': 'on-track',
  'cham-tien-do': 'behind',
};

/**
 * Turns ajv errors into findings: an unknown key points at the key, a missing property at the
 * parent's key, anything else at the value. `source` gives the text as written at a path.
 */
export function schemaFindings(
  errors: ErrorObject[],
  data: unknown,
  m: Messages,
  source: (path: Path) => string | undefined,
): Finding[] {
  // Each finding, with the key it says is missing or the key a misspelling probably meant.
  const findings: (Finding & { missing?: string; meant?: string })[] = [];
  // Branch errors of a failed oneOf/anyOf collapse into one finding for that keyword.
  const unions = errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf');
  const inUnion = (e: ErrorObject) => unions.some((u) => u !== e && e.schemaPath.startsWith(`${u.schemaPath}/`));

  for (const e of errors) {
    if (e.keyword === 'if' || e.keyword === 'propertyNames' || inUnion(e)) continue;
    const path = pointerToPath(e.instancePath, data);
    const where = dotted(path);
    const value = valueAt(data, path);
    const parent = (e.parentSchema ?? {}) as SchemaInfo;
    const base = { rule: '', severity: 'error' as const, path };
    const propertyName = (e as ErrorObject & { propertyName?: string }).propertyName;

    if (propertyName !== undefined) {
      const allowed = e.keyword === 'enum' ? (e.params.allowedValues as string[]) : [];
      findings.push({ ...base, rule: 'schema-format', path: [...path, propertyName], target: 'key', ...m.badKeyName(propertyName, parent.description, nearest(propertyName, allowed)) });
      continue;
    }
    switch (e.keyword) {
      case 'additionalProperties': {
        const key = String(e.params.additionalProperty);
        const allowed = Object.keys(parent.properties ?? {});
        const suggestion = nearest(key, allowed);
        findings.push({
          ...base, rule: 'schema-unknown-key', path: [...path, key], target: 'key',
          ...m.unknownKey(key, where, suggestion, allowed),
          meant: suggestion,
        });
        break;
      }
      case 'required': {
        const key = String(e.params.missingProperty);
        const info = parent.properties?.[key];
        findings.push({ ...base, rule: 'schema-required', target: 'key', ...m.missingKey(key, where, info?.title), missing: key });
        break;
      }
      case 'type': {
        const expected = String(e.params.type);
        const written = source(path);
        let hint: string | undefined;
        // A number in quotes ("2026"): the quotes are the only mistake.
        const quoted = typeof value === 'string' && (expected === 'integer' ? /^[+-]?\d+$/ : /^[+-]?\d+(\.\d+)?$/).test(value.trim()) ? value.trim() : undefined;
        if (expected === 'integer' && typeof value === 'number') hint = suggestInteger(written);
        else if (!quoted && typeof value === 'string' && (expected === 'integer' || expected === 'number')) hint = suggestInteger(value) ?? suggestDecimal(value);
        const leadingZero = expected === 'string' && typeof value === 'number' && written !== undefined && written !== String(value) ? written : undefined;
        findings.push({ ...base, rule: 'schema-type', ...m.wrongType(where, expected, describe(value), value, { number: hint, quote: leadingZero, unquote: quoted }) });
        break;
      }
      case 'enum':
      case 'const': {
        const allowed = (e.keyword === 'enum' ? e.params.allowedValues : [e.params.allowedValue]) as unknown[];
        findings.push({ ...base, rule: 'schema-enum', ...m.notAllowed(where, value, allowed, suggestEnum(value, allowed, ENUM_ALIASES)) });
        break;
      }
      case 'format':
        findings.push({ ...base, rule: 'schema-format', ...m.badDate(where, value, suggestDate(value), typeof value === 'string' ? monthLength(value) : undefined) });
        break;
      case 'pattern': {
        const suggestion = typeof value === 'string' ? suggestPattern(value, String(e.params.pattern)) : undefined;
        findings.push({ ...base, rule: 'schema-format', ...m.badPattern(where, value, parent.title, parent.description, suggestion) });
        break;
      }
      case 'minimum':
      case 'maximum':
      case 'exclusiveMinimum':
      case 'exclusiveMaximum':
        findings.push({ ...base, rule: 'schema-range', ...m.outOfRange(where, value, e.keyword, e.params.limit as number) });
        break;
      case 'minLength':
        findings.push({ ...base, rule: 'schema-range', ...m.emptyText(where) });
        break;
      case 'minItems':
      case 'minProperties':
        findings.push({ ...base, rule: 'schema-range', ...m.tooFew(where, e.params.limit as number, e.keyword === 'minItems') });
        break;
      case 'oneOf':
      case 'anyOf': {
        const branches = (e.keyword === 'oneOf' ? parent.oneOf : parent.anyOf) ?? [];
        const passing = (e.params as { passingSchemas?: number[] | null }).passingSchemas;
        const options = branches.map((b) => ({ title: b.title ?? '', keys: b.required ?? [] }));
        findings.push({ ...base, rule: 'schema-one-of', ...m.oneOf(where, options, Array.isArray(passing)) });
        break;
      }
      default:
        findings.push({ ...base, rule: 'schema-other', ...m.schemaOther(where, e.keyword) });
    }
  }
  // "feild" unknown and "field" missing are one mistake: keep the finding that names both.
  // One set of the keys meant, by place: linear in the findings (thousands of them in one file).
  const meant = new Set(findings.filter((g) => g.meant !== undefined).map((g) => `${dotted(g.path!.slice(0, -1))}\0${g.meant}`));
  const explained = (f: (typeof findings)[number]) => f.missing !== undefined && meant.has(`${dotted(f.path!)}\0${f.missing}`);
  return findings.filter((f) => !explained(f)).map(({ missing: _missing, meant: _meant, ...f }) => f);
}

/** An id typed in lowercase or with diacritics: "dt-2023-hm-01" -> "DT-2023-HM-01". */
function suggestPattern(value: string, pattern: string): string | undefined {
  const re = new RegExp(pattern);
  const plain = stripDiacritics(value.trim());
  const candidates = [plain.toUpperCase(), slugify(plain), slugify(plain).toUpperCase()];
  return candidates.find((c) => c !== value && re.test(c));
}
