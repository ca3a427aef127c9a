// Which models, score sheets and frameworks a command works on, and their scored rows. Shared
// by score, decide and report. Refuses when a file in scope has errors: a number computed from
// a broken file would be wrong.
import { inScope, results, type Filters, type Row } from '../core/results.js';
import type { Assessment, Framework, Model, ModelInfo } from '../core/types.js';
import { InputError, UsageError } from '../errors.js';
import type { Messages } from '../i18n/index.js';
import type { checkedWorkspace } from '../workspace/checked.js';
import type { LoadedFile } from '../core/load.js';
import { byPlace } from '../core/validate.js';
import { nearest } from '../core/hints.js';

export type Loaded = ReturnType<typeof checkedWorkspace>;

export interface ScopeRequest extends Filters {
  /** The paths named on the command line (they narrow the scope). */
  paths: string[];
  /** Only this model, whatever the other filters. */
  explain?: string;
  /** The catalogue for the words of the reasons (documents: always Vietnamese). */
  words: Messages;
}

export function checkLevel(m: Messages, loaded: Loaded, level: string | undefined): void {
  const ids = loaded.ws.levels.map((l) => l.id);
  if (level !== undefined && !ids.includes(level)) throw new UsageError(m.unknownLevel(level, ids, nearest(level, ids)));
}

export function scoreScope(m: Messages, { ws, validation }: Loaded, req: ScopeRequest): Row[] {
  let modelFiles = ws.files.filter((f) => f.kind === 'model' && f.data);
  let sheetFiles = ws.files.filter((f) => f.kind === 'assessment' && f.data);
  // Named files narrow the scope: the named models, and the models of named score sheets.
  if (req.paths.length) {
    const namedSheets = sheetFiles.filter((f) => ws.named.has(f));
    const ids = new Set([...modelFiles.filter((f) => ws.named.has(f)).map((f) => f.data!.id), ...namedSheets.map((f) => f.data!.model)]);
    if (namedSheets.length) sheetFiles = namedSheets;
    modelFiles = modelFiles.filter((f) => ids.has(f.data!.id));
  }
  const filters: Filters = req.explain ? { level: req.level } : req;
  // A model that fails its schema cannot be filtered by unit or field: it is in scope (and so
  // refused) unless its year says otherwise.
  const wanted = (f: LoadedFile) =>
    validation.valid.has(f) ? inScope(f.data as unknown as Model, filters) : filters.year === undefined || f.data!.year === filters.year || typeof f.data!.year !== 'number';
  const models = req.explain ? modelFiles.filter((f) => f.data!.id === req.explain) : modelFiles.filter(wanted);
  if (req.explain && models.length === 0) throw new UsageError(m.cli.score.noSuchModel(req.explain, nearest(req.explain, modelFiles.map((f) => String(f.data!.id)))));
  const ids = new Set(models.map((f) => f.data!.id));
  const sheets = sheetFiles.filter((f) => ids.has(f.data!.model) && (filters.level === undefined || f.data!.level === filters.level));
  const frameworkIds = new Set(sheets.map((f) => f.data!.framework));
  const frameworkFiles = ws.files.filter((f) => f.kind === 'criteria' && frameworkIds.has(f.data?.id));

  const broken = [...new Set([...models, ...sheets, ...frameworkFiles])].filter((f) => validation.failed.has(f));
  if (broken.length) {
    throw new InputError(m.cli.score.refused(broken.map((f) => f.path)), broken.flatMap((f) => validation.errorsOf(f)).sort(byPlace));
  }
  return results(
    {
      models: models.map((f) => ({ data: f.data as unknown as ModelInfo, file: f.path })),
      assessments: sheets.map((f) => ({ data: f.data as unknown as Assessment, file: f.path })),
      frameworks: new Map(frameworkFiles.map((f) => [f.data!.id as string, f.data as unknown as Framework])),
      levels: ws.levels,
      detail: req.explain !== undefined,
    },
    filters,
    req.words,
  );
}
