// Validation: schemas, then the rules (one module each in rules/), then severities from the
// configuration; findings become located diagnostics only for the files being reported.
import type { Messages } from '../i18n/index.js';
import { toDiagnostic, type Finding, type LoadedFile } from './load.js';
import { schemaFindings, validateAgainst } from './schema.js';
import type { AssessmentFile, CriteriaFile, ModelFile, RuleContext, WorkspaceIndex } from './rules/context.js';
import { assessmentRefs, assessmentScores } from './rules/assessment.js';
import { dateOrder } from './rules/date-order.js';
import { assessmentKey, duplicateAssessment, duplicateId } from './rules/duplicates.js';
import { evidence } from './rules/evidence.js';
import { frameworkConsistency } from './rules/framework.js';
import { unknownLevel } from './rules/levels.js';
import { nfc } from './rules/nfc.js';
import { controlCharacter } from './rules/control-character.js';
import { stepCompleteness } from './rules/step-completeness.js';
import type { Config, Diagnostic, LevelDef, RuleSetting, StepName } from './types.js';
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

export function validate(files: LoadedFile[], opts: ValidateOptions): Validation {
  const { m } = opts;
  const findings = new Map<LoadedFile, Finding[]>(files.map((f) => [f, [...f.findings]]));
  const valid = new Set<LoadedFile>();
  for (const f of files) {
    if (!f.data || !f.kind || f.findings.length) continue;
    const errors = validateAgainst(f.kind, f.data);
    if (errors.length === 0) valid.add(f);
    else pushAll(findings.get(f)!, schemaFindings(errors, f.data, m, (path) => locate(f.positions(), f.text, path).source));
  }

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
  const ctx: RuleContext = { m, levels: opts.levels, require: opts.require ?? [], evidence: opts.evidence ?? new Set(), index };

  // Frameworks first: a framework with errors of its own is not used to check score sheets.
  for (const f of files) {
    if (f.kind !== 'criteria' || !valid.has(f)) continue;
    const own = frameworkConsistency(f as CriteriaFile, ctx);
    pushAll(findings.get(f)!, own);
    const id = f.data!.id as string;
    if (!own.some((x) => x.severity === 'error') && !index.validFrameworks.has(id)) index.validFrameworks.set(id, f as CriteriaFile);
  }

  const byAssessmentKey = new Map<string, LoadedFile[]>();
  for (const f of files) {
    if (f.kind === 'assessment' && valid.has(f)) {
      addTo(byAssessmentKey, assessmentKey(f.data!), f);
    }
  }

  for (const f of files) {
    const out = findings.get(f)!;
    if (f.data) pushAll(out, nfc(f, ctx), controlCharacter(f, ctx));
    if (!valid.has(f)) continue;
    if (f.kind === 'config') pushAll(out, configPaths(f.data as Config, ctx.m));
    if (f.kind === 'model' || f.kind === 'criteria') pushAll(out, duplicateId(f, ctx));
    if (f.kind === 'model') {
      const model = f as ModelFile;
      pushAll(out, unknownLevel(model, ctx), dateOrder(model, ctx), evidence(model, ctx), stepCompleteness(model, ctx));
    } else if (f.kind === 'assessment') {
      const a = f as AssessmentFile;
      pushAll(out, unknownLevel(a, ctx), duplicateAssessment(a, ctx, byAssessmentKey), assessmentRefs(a, ctx), assessmentScores(a, ctx));
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
