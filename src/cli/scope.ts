// Which models, score sheets and frameworks a command works on, and their scored rows. Shared
// by score, decide and report. Refuses when a file in scope has errors: a number computed from
// a broken file would be wrong.
import { inScope, results, type Filters, type Row } from '../core/results.js';
import type { Assessment, Framework, Model, ModelInfo } from '../core/types.js';
import { InputError, UsageError } from '../errors.js';
import type { Messages } from '../i18n/index.js';
import type { checkedWorkspace } from '../workspace/checked.js';
import { declared, type LoadedFile } from '../core/load.js';
import { dataKindOf } from '../core/config.js';
import { byPlace } from '../core/validate.js';
import { nearest } from '../core/hints.js';

export type Loaded = ReturnType<typeof checkedWorkspace>;

/**
 * Whether a file that failed to load or validate may be of the year asked for: unless it names
 * another valid year (common.schema.json: 2000-2100), it may (`year: 2203` is a slip for 2023).
 */
function maybeYear(year: unknown, wanted: number | undefined): boolean {
  const y = typeof year === 'string' && /^\d+$/.test(year) ? Number(year) : year;
  return wanted === undefined || y === wanted || !(Number.isInteger(y) && (y as number) >= 2000 && (y as number) <= 2100);
}

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
  const wanted = (f: LoadedFile) => (validation.valid.has(f) ? inScope(f.data as unknown as Model, filters) : maybeYear(f.data!.year, filters.year));
  const models = req.explain ? modelFiles.filter((f) => f.data!.id === req.explain) : modelFiles.filter(wanted);
  if (req.explain && models.length === 0) throw new UsageError(m.cli.score.noSuchModel(req.explain, nearest(req.explain, modelFiles.map((f) => String(f.data!.id)))));
  const ids = new Set(models.map((f) => f.data!.id));
  // A score sheet is in scope when it names a model in scope; a broken one also when it names no
  // model of the workspace (its model may be one of these), and whatever its level unless that
  // is another level of the workspace.
  const modelIds = new Set(ws.files.filter((f) => f.kind === 'model' && f.data).map((f) => f.data!.id));
  const levels = new Set(ws.levels.map((l) => l.id));
  const sheetWanted = (model: unknown, level: unknown, broken: boolean) =>
    (ids.has(model) || (broken && !modelIds.has(model))) &&
    (filters.level === undefined || level === filters.level || (broken && !levels.has(level as string)));
  const sheets = sheetFiles.filter((f) => sheetWanted(f.data!.model, f.data!.level, validation.failed.has(f)));
  const frameworkIds = new Set(sheets.map((f) => f.data!.framework));
  // A framework is in scope when a score sheet in scope uses it; a broken one also when its id
  // names no framework (it may be the one a sheet uses, or a sheet overwritten).
  const frameworkWanted = (id: unknown, broken: boolean) => frameworkIds.has(id) || (broken && typeof id !== 'string');
  const frameworkFiles = ws.files.filter((f) => f.kind === 'criteria' && f.data && frameworkWanted(f.data.id, validation.failed.has(f)));

  // A file dvk could not read, parse or identify may be any of these: it is in scope unless
  // what it says of itself (read from its lines when it does not parse) places it elsewhere.
  const unknown = ws.files.filter((f) => f.kind === undefined).filter((f) => {
    const d = f.data ?? declared(f.text);
    const named = !req.paths.length || ws.named.has(f);
    if (d.kind === 'model') return named && (req.explain === undefined || d.id === undefined || String(d.id) === req.explain) && maybeYear(d.year, filters.year);
    if (d.kind === 'assessment') return sheetWanted(d.model, d.level, true);
    if (d.kind === 'criteria') return frameworkWanted(d.id, true);
    return true;
  });
  // What a broken file says of its kind is not believed in a data folder of another kind: a
  // score sheet overwritten with a broken framework or model of another year may be the sheet of
  // a model in scope, so it is in scope (fuzz seed 20261129, case 7012); a model file only when
  // named, if files were named.
  const misplaced = ws.files.filter((f) => {
    if (!validation.failed.has(f)) return false;
    const kind = dataKindOf(f.rel, ws.paths);
    if (kind === undefined || (kind === 'model' && req.paths.length && !ws.named.has(f))) return false;
    return (f.kind ?? declared(f.text).kind) !== kind;
  });
  const broken = [...new Set([...models, ...sheets, ...frameworkFiles, ...unknown, ...misplaced])].filter((f) => validation.failed.has(f));
  if (broken.length) {
    throw new InputError(m.cli.score.refused(broken.map((f) => f.path)), broken.flatMap((f) => validation.errorsOf(f)).sort(byPlace));
  }
  return results(
    {
      models: models.map((f) => ({ data: f.data as unknown as ModelInfo, file: f.path })),
      assessments: sheets.map((f) => ({ data: f.data as unknown as Assessment, file: f.path, scored: f.scored, whole: f.whole })),
      frameworks: new Map(frameworkFiles.map((f) => [f.data!.id as string, f.data as unknown as Framework])),
      levels: ws.levels,
      detail: req.explain !== undefined,
    },
    filters,
    req.words,
  );
}
