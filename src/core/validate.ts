// Validation: schemas, then the rules (one module each in rules/) on every file that parsed,
// less what its schema errors already say, then severities from the configuration; findings
// become located diagnostics only for the files being reported.
import type { Messages } from '../i18n/index.js';
import { toDiagnostic, type Finding, type LoadedFile } from './load.js';
import type { ErrorObject } from 'ajv';
import { pointerToPath, schemaFindings, validateAgainst } from './schema.js';
import type { AssessmentFile, CriteriaFile, ModelFile, RuleContext, WorkspaceIndex } from './rules/context.js';
import { assessmentRefs, assessmentScores } from './rules/assessment.js';
import { dateOrder } from './rules/date-order.js';
import { assessmentKey, duplicateAssessment, duplicateId } from './rules/duplicates.js';
import { evidence } from './rules/evidence.js';
import { frameworkConsistency } from './rules/framework.js';
import { unknownLevel } from './rules/levels.js';
import { nfc } from './rules/nfc.js';
import { controlCharacter } from './rules/control-character.js';
import { placeholder } from './rules/placeholder.js';
import { stepCompleteness } from './rules/step-completeness.js';
import { yearMismatch } from './rules/year.js';
import type { Config, Diagnostic, LevelDef, Path, RuleSetting, StepName } from './types.js';
import { locate } from './parse.js';
import { configPaths } from './config.js';
import { addTo, pushAll } from './arrays.js';

export interface ValidateOptions {
  m: Messages;
  levels: LevelDef[];
  require?: readonly StepName[];
  /** Workspace-relative evidence paths that exist (see `evidencePaths`). */
  evidence?: ReadonlySet<string>;
  /** Severity overrides by rule id, from dvk.config.yaml `rules:`. */
  severities?: Record<string, RuleSetting>;
  /** Which files to report on; every file by default. Cross-file rules always see all files. */
  report?: (file: LoadedFile) => boolean;
}

export interface Validation {
  diagnostics: Diagnostic[];
  index: WorkspaceIndex;
  /** Files that pass their schema (rules may still find errors in them). */
  valid: Set<LoadedFile>;
  /**
   * Files with at least one error of their own, reported or not, whatever `rules:` in the config
   * makes of it: anything computed from them would be wrong.
   */
  failed: Set<LoadedFile>;
  /** A file's errors as located diagnostics, before any severity setting. */
  errorsOf(file: LoadedFile): Diagnostic[];
}

function groupById(files: LoadedFile[], kind: string): Map<string, LoadedFile[]> {
  const map = new Map<string, LoadedFile[]>();
  for (const f of files) {
    const id = f.data?.id;
    if (f.kind === kind && typeof id === 'string') addTo(map, id, f);
  }
  return map;
}

export const byPlace = (a: Diagnostic, b: Diagnostic) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column);

/**
 * Where an ajv error says the data is wrong, as path keys: the value with the wrong type, form or
 * range, a missing or unknown key, an invalid key name. A mapping that only lacks a key (or
 * matches no branch of a union) is itself fine for the rules to read.
 */
function brokenPaths(errors: ErrorObject[], data: unknown): string[] {
  return errors.flatMap((e) => {
    const path = pointerToPath(e.instancePath, data);
    const name = (e as ErrorObject & { propertyName?: string }).propertyName;
    if (name !== undefined) return [pathKey([...path, name])];
    if (e.keyword === 'required') return [pathKey([...path, String(e.params.missingProperty)])];
    if (e.keyword === 'additionalProperties') return [pathKey([...path, String(e.params.additionalProperty)])];
    if (['oneOf', 'anyOf', 'if', 'propertyNames', 'minProperties'].includes(e.keyword)) return [];
    return [pathKey(path)];
  });
}

const pathKey = (path: Path) => path.map(String).join('\u0000');

export function validate(files: LoadedFile[], opts: ValidateOptions): Validation {
  const { m } = opts;
  const findings = new Map<LoadedFile, Finding[]>(files.map((f) => [f, [...f.findings]]));
  // Files that parsed into data of a known kind: the schema and the rules check them all, so
  // that one run shows every problem.
  const checked = files.filter((f) => f.data && f.kind && f.findings.length === 0);
  const valid = new Set<LoadedFile>();
  const broken = new Map<LoadedFile, string[]>();
  for (const f of checked) {
    const errors = validateAgainst(f.kind!, f.data);
    if (errors.length === 0) {
      valid.add(f);
      continue;
    }
    pushAll(findings.get(f)!, schemaFindings(errors, f.data, m, (path) => locate(f.positions(), f.text, path).source));
    broken.set(f, brokenPaths(errors, f.data));
  }
  const brokenAt = (file: LoadedFile, path: Path) => {
    const at = pathKey(path);
    return (broken.get(file) ?? []).some((b) => b === '' || at === b || at.startsWith(`${b}\u0000`));
  };

  const firstValid = <F extends LoadedFile>(kind: string) => {
    const map = new Map<string, F>();
    for (const f of files) if (f.kind === kind && valid.has(f) && !map.has(f.data!.id as string)) map.set(f.data!.id as string, f as F);
    return map;
  };
  const index: WorkspaceIndex = {
    models: groupById(files, 'model'),
    frameworks: groupById(files, 'criteria'),
    validModels: firstValid<ModelFile>('model'),
    validFrameworks: new Map(),
  };
  const ctx: RuleContext = { m, levels: opts.levels, require: opts.require ?? [], evidence: opts.evidence ?? new Set(), index, brokenAt };
  /** A rule's findings, less what the file's schema errors already say. */
  const add = (f: LoadedFile, ...found: Finding[][]) => {
    for (const list of found) pushAll(findings.get(f)!, list.filter((x) => !x.path || !brokenAt(f, x.path)));
  };

  // Frameworks first: a framework with errors of its own is not used to check score sheets.
  for (const f of checked) {
    if (f.kind !== 'criteria') continue;
    const own = frameworkConsistency(f as CriteriaFile, ctx);
    add(f, own);
    const id = f.data!.id as string;
    if (valid.has(f) && !own.some((x) => x.severity === 'error') && !index.validFrameworks.has(id)) index.validFrameworks.set(id, f as CriteriaFile);
  }

  const byAssessmentKey = new Map<string, LoadedFile[]>();
  for (const f of checked) {
    if (f.kind === 'assessment' && typeof f.data!.model === 'string' && typeof f.data!.level === 'string') {
      addTo(byAssessmentKey, assessmentKey(f.data!), f);
    }
  }

  for (const f of files) {
    if (f.data) pushAll(findings.get(f)!, nfc(f, ctx), placeholder(f, ctx), controlCharacter(f, ctx));
  }
  for (const f of checked) {
    if (f.kind === 'config' && valid.has(f)) add(f, configPaths(f.data as Config, ctx.m));
    if (f.kind === 'model' || f.kind === 'criteria') add(f, duplicateId(f, ctx));
    if (f.kind === 'model') {
      const model = f as ModelFile;
      add(f, unknownLevel(model, ctx), dateOrder(model, ctx), yearMismatch(model, ctx), evidence(model, ctx), stepCompleteness(model, ctx));
    } else if (f.kind === 'assessment') {
      const a = f as AssessmentFile;
      add(f, unknownLevel(a, ctx), duplicateAssessment(a, ctx, byAssessmentKey), assessmentRefs(a, ctx), assessmentScores(a, ctx));
    }
  }

  const diagnostics: Diagnostic[] = [];
  const failed = new Set<LoadedFile>();
  for (const [file, list] of findings) {
    const reported = opts.report ? opts.report(file) : true;
    for (const finding of list) {
      if (finding.severity === 'error') failed.add(file);
      const setting = finding.forced ? undefined : opts.severities?.[finding.rule];
      if (setting === 'off' || !reported) continue;
      diagnostics.push(toDiagnostic(file, setting ? { ...finding, severity: setting } : finding));
    }
  }
  diagnostics.sort(byPlace);
  const errorsOf = (file: LoadedFile) => (findings.get(file) ?? []).filter((f) => f.severity === 'error').map((f) => toDiagnostic(file, f));
  return { diagnostics, index, valid, failed, errorsOf };
}
