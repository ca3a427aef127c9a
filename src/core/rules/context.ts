import type { Messages } from '../../i18n/index.js';
import type { Finding, LoadedFile } from '../load.js';
import type { Assessment, Framework, LevelDef, ModelInfo, Path, StepName } from '../types.js';

export interface TypedFile<T> extends LoadedFile {
  data: Record<string, unknown> & T;
}
/** A checked model: what is kept of it (its step states included). */
export type ModelFile = TypedFile<ModelInfo>;
export type AssessmentFile = TypedFile<Assessment>;
export type CriteriaFile = TypedFile<Framework>;

/** What the cross-file rules look things up in. Built once per run from every loaded file. */
export interface WorkspaceIndex {
  /** Files of each kind with a string id, valid or not, by id (several when duplicated). */
  models: Map<string, LoadedFile[]>;
  frameworks: Map<string, LoadedFile[]>;
  /** Schema-valid models and frameworks, by id (the first file when duplicated). */
  validModels: Map<string, ModelFile>;
  validFrameworks: Map<string, CriteriaFile>;
}

export interface RuleContext {
  m: Messages;
  levels: LevelDef[];
  /** Steps that must be complete (`--require`): incomplete ones are errors, not warnings. */
  require: readonly StepName[];
  /** Workspace-relative evidence paths that exist on disk. */
  evidence: ReadonlySet<string>;
  index: WorkspaceIndex;
  /**
   * Whether the file's schema errors already cover this place (the value there, or a value it
   * lies in, has the wrong type, form or range): rules, which run on files with schema errors
   * too, do not report it again.
   */
  brokenAt(file: LoadedFile, path: Path): boolean;
}

/**
 * A rule checks one file of its kind and reports what it finds. The file parsed, but may have
 * failed its schema: a rule reads only the parts whose shape it can check (see shape.ts).
 */
export type Rule<F extends LoadedFile> = (file: F, ctx: RuleContext) => Finding[];

/**
 * A rule that looks at nothing but the file itself (all of its data, before dvk keeps only what
 * it needs): its findings are worked out once per version of the file, and cached.
 */
export type FileRule<F extends LoadedFile> = (file: F, ctx: { m: Messages }) => Finding[];
