// Validation: each file's own checks (check.ts: schema and the rules on the file alone, run here
// unless a worker or the cache did), then the rules across files and those that depend on the
// configuration, on every file that parsed, less what its schema errors already say, so that one
// run shows every problem; then severities from the configuration; findings become located
// diagnostics only for the files being reported.
import type { Messages } from '../i18n/index.js';
import { toDiagnostic, type FileRecord, type Finding, type LoadedFile } from './load.js';
import { brokenAt, checkFile, criteriaKey, scoreAgainst } from './check.js';
import type { AssessmentFile, CriteriaFile, ModelFile, RuleContext, WorkspaceIndex } from './rules/context.js';
import { assessmentRefs, assessmentScores } from './rules/assessment.js';
import { assessmentKey, duplicateAssessment, duplicateId } from './rules/duplicates.js';
import { evidence } from './rules/evidence.js';
import { unknownLevel } from './rules/levels.js';
import { stepCompleteness } from './rules/step-completeness.js';
import type { Assessment, Config, Diagnostic, LevelDef, RuleSetting, StepName } from './types.js';
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
 * assessmentScores, worked out with the sheet's score once per version of a valid sheet and of
 * its framework (check.ts scoreAgainst); every time for a sheet that fails its schema (its data
 * is kept whole).
 */
function scoredAgainst(a: AssessmentFile, ctx: RuleContext): Finding[] {
  const framework = ctx.index.validFrameworks.get(a.data.framework);
  if (!framework) return [];
  if (!a.valid) return assessmentScores(a.data, framework.data, ctx);
  if (a.scored?.against !== criteriaKey(framework.data)) a.scored = scoreAgainst((a.whole?.() ?? a.data) as unknown as Assessment, framework.data, ctx.m);
  return a.scored.findings;
}

/**
 * The framework that score sheets naming an id are checked and scored against: the first valid
 * one with that id and no errors of its own.
 */
export function usableFrameworks<F extends FileRecord>(files: Iterable<F>): Map<string, F> {
  const out = new Map<string, F>();
  for (const f of files) {
    const id = f.data?.id as string;
    if (f.kind === 'criteria' && f.valid && !f.findings.some((x) => x.severity === 'error') && !out.has(id)) out.set(id, f);
  }
  return out;
}

export function validate(files: LoadedFile[], opts: ValidateOptions): Validation {
  const { m } = opts;
  for (const f of files) if (f.valid === undefined) checkFile(f, m);
  const valid = new Set(files.filter((f) => f.valid));
  // A file's findings with those of the rules across files: its own list until a rule adds one.
  const findings = new Map<LoadedFile, Finding[]>();
  const findingsOf = (f: LoadedFile) => findings.get(f) ?? f.findings;

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
    for (const list of found) {
      const kept = list.filter((x) => !x.path || !brokenAt(f, x.path));
      if (kept.length === 0) continue;
      let own = findings.get(f);
      if (!own) findings.set(f, (own = [...f.findings]));
      pushAll(own, kept);
    }
  };
  // Files that parsed into data of a known kind: the rules check them all, valid or not.
  const checked = files.filter((f) => f.valid || f.broken);

  for (const [id, f] of usableFrameworks(files)) index.validFrameworks.set(id, f as CriteriaFile);

  const byAssessmentKey = new Map<string, LoadedFile[]>();
  for (const f of checked) {
    if (f.kind === 'assessment' && typeof f.data!.model === 'string' && typeof f.data!.level === 'string') {
      addTo(byAssessmentKey, assessmentKey(f.data!), f);
    }
  }

  // The rules that look at other files or at the configuration (check.ts ran the others).
  for (const f of checked) {
    if (f.kind === 'config' && f.valid) add(f, configPaths(f.data as Config, ctx.m));
    if (f.kind === 'model' || f.kind === 'criteria') add(f, duplicateId(f, ctx));
    if (f.kind === 'model') {
      const model = f as ModelFile;
      add(f, unknownLevel(model, ctx), evidence(model, ctx), stepCompleteness(model, ctx));
    } else if (f.kind === 'assessment') {
      const a = f as AssessmentFile;
      add(f, unknownLevel(a, ctx), duplicateAssessment(a, ctx, byAssessmentKey), assessmentRefs(a, ctx), scoredAgainst(a, ctx));
    }
  }

  const diagnostics: Diagnostic[] = [];
  const failed = new Set<LoadedFile>();
  for (const file of files) {
    const list = findingsOf(file);
    const reported = opts.report ? opts.report(file) : true;
    for (const finding of list) {
      if (finding.severity === 'error') failed.add(file);
      const setting = finding.forced ? undefined : opts.severities?.[finding.rule];
      if (setting === 'off' || !reported) continue;
      diagnostics.push(toDiagnostic(file, setting ? { ...finding, severity: setting } : finding));
    }
    // A workspace where every file has a finding must not keep every file's syntax tree.
    file.forget?.();
  }
  diagnostics.sort(byPlace);
  const errorsOf = (file: LoadedFile) => findingsOf(file).filter((f) => f.severity === 'error').map((f) => toDiagnostic(file, f));
  return { diagnostics, index, valid, failed, errorsOf };
}
