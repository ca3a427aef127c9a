// `dvk import <sheet>`: a registration spreadsheet (.xlsx or .csv), one model file per row.
// Reading the file and writing the models happen here; the mapping is in core/import.ts.
import fs from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { unzipSync } from 'fflate';
import { DEFAULT_ID_PATTERN, idAllocator, notReserved, takenIds } from '../../core/ids.js';
import { nearest, slugify } from '../../core/hints.js';
import {
  cleanText,
  detectDelimiter,
  findHeaderRow,
  IMPORT_KEYS,
  matchHeaders,
  normalizeHeader,
  parseMap,
  rowToModel,
  unitKey,
  type ImportedModel,
  type ImportKey,
  type ImportRow,
} from '../../core/import.js';
import { firstInvalidUtf8 } from '../../core/load.js';
import { schemaFindings, validateAgainst } from '../../core/schema.js';
import { yaml } from '../../core/parse.js';
import { messages } from '../../i18n/index.js';
import { FIELDS, MODEL_TYPES, type Field, type Model, type ModelType } from '../../core/types.js';
import { InputError, UsageError } from '../../errors.js';
import type { Messages } from '../../i18n/index.js';
import { writeFileAtomic } from '../../workspace/atomic.js';
import { ReadProblem, readRegularFile } from '../../workspace/read.js';
import { assertConfig } from '../../workspace/checked.js';
import { openWorkspace, slash } from '../../workspace/workspace.js';
import type { Ctx } from '../context.js';
import { readSchemas } from './fmt.js';
import { schemaRef } from './new.js';
import { parseCount } from '../args.js';
import { terminalText } from '../reporters/escape.js';

interface ImportOptions {
  map?: string[];
  unit?: string;
  unitCode?: string;
  level?: string;
  year?: number;
  field?: Field;
  type?: ModelType;
  sheet?: string;
  dryRun?: boolean;
  update?: boolean;
}

/** A row of the sheet with its spreadsheet row number (the header is row 1 when it is the first). */
interface SheetRow {
  n: number;
  cells: string[];
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

// ---- Reading ----

/** A registration sheet is larger than a model file, never this large. */
export const MAX_SHEET_BYTES = 20 * 1024 * 1024;
/** What an .xlsx may unpack to: a small zip can hold gigabytes of XML. */
const MAX_XLSX_UNPACKED = 200 * 1024 * 1024;

/** The sheet's bytes: a regular file within the limit (not /dev/zero, not a FIFO). */
function readSheet(abs: string, given: string, shown: string, m: Messages): Buffer {
  try {
    return readRegularFile(abs, MAX_SHEET_BYTES);
  } catch (e) {
    if (!(e instanceof ReadProblem)) throw e;
    if (e.reason === 'too-large') throw new InputError(m.safety.tooLarge(shown, e.size, MAX_SHEET_BYTES));
    if (e.reason === 'not-regular') throw new UsageError(m.safety.notRegular(shown));
    throw new UsageError(m.cli.pathNotFound(given));
  }
}

/** The sum of an .xlsx's unpacked sizes, from its directory (nothing is unpacked). */
function unpackedSize(bytes: Uint8Array): number {
  let total = 0;
  unzipSync(bytes, {
    filter: (f) => {
      total += f.originalSize;
      return false;
    },
  });
  return total;
}

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOle = (b: Uint8Array) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

/** The text of an exceljs cell value: rich text joined, formulas by their result, dates as ISO dates. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    // exceljs reads the sheet's (zone-less) dates as UTC.
    const iso = value.toISOString();
    return iso.slice(11, 19) === '00:00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
  }
  if (typeof value === 'object') {
    const v = value as { richText?: { text?: string }[]; text?: unknown; result?: unknown; formula?: unknown; sharedFormula?: unknown; error?: unknown };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text ?? '').join('');
    if ('formula' in v || 'sharedFormula' in v) return cellText(v.result);
    if ('text' in v) return cellText(v.text);
    if ('error' in v) return '';
  }
  return '';
}

/**
 * The rows of a workbook's sheet: the one named by --sheet, else the first whose header row names
 * at least two known columns (an instructions sheet before the data is passed over), else the
 * first with data.
 */
async function readXlsx(bytes: Buffer, shown: string, sheet: string | undefined, map: ReadonlyMap<string, ImportKey | null>, m: Messages): Promise<SheetRow[]> {
  const t = m.cli.import;
  let unpacked: number;
  try {
    unpacked = unpackedSize(bytes);
  } catch (e) {
    throw new InputError(t.badXlsx(shown, String((e as Error)?.message ?? e).slice(0, 200)));
  }
  if (unpacked > MAX_XLSX_UNPACKED) throw new InputError(m.safety.tooLarge(shown, unpacked, MAX_XLSX_UNPACKED));
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw new InputError(t.badXlsx(shown, String((e as Error)?.message ?? e).split('\n')[0]!.slice(0, 200)));
  }
  const sheets = workbook.worksheets;
  const rowsOf = (ws: (typeof sheets)[number]): SheetRow[] => {
    const rows: SheetRow[] = [];
    ws.eachRow({ includeEmpty: false }, (row, n) => {
      const cells: string[] = [];
      for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
      rows.push({ n, cells });
    });
    return rows;
  };
  if (sheet !== undefined) {
    const byNumber = /^\d+$/.test(sheet) ? sheets[Number(sheet) - 1] : undefined;
    const ws = byNumber ?? sheets.find((s) => normalizeHeader(s.name) === normalizeHeader(sheet));
    if (!ws) throw new UsageError(t.noSheet(sheet, sheets.map((s) => s.name)));
    return rowsOf(ws);
  }
  let firstWithData: SheetRow[] | undefined;
  for (const ws of sheets) {
    const rows = rowsOf(ws);
    if (!rows.length) continue;
    firstWithData ??= rows;
    const table = rows.map((r) => r.cells.map((c) => cleanText(c)));
    const at = findHeaderRow(table, map);
    if (at >= 0 && matchHeaders(table[at]!, map).columns.size >= 2) return rows;
  }
  return firstWithData ?? [];
}

async function readCsv(bytes: Buffer, shown: string, m: Messages): Promise<SheetRow[]> {
  const t = m.cli.import;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) throw new InputError(t.utf16(shown));
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    let line = 1;
    for (let i = 0; i < bad; i++) if (bytes[i] === 0x0a) line++;
    throw new InputError(t.notUtf8(shown, line));
  }
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const { parse } = await import('csv-parse/sync');
  let records: string[][];
  try {
    records = parse(text, { delimiter: detectDelimiter(text), bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false }) as string[][];
  } catch (e) {
    throw new InputError(t.badCsv(shown, (e as { lines?: number }).lines ?? 1));
  }
  // Spreadsheet row numbers: one record a row, empty lines included, as Excel shows the file.
  return records.map((cells, i) => ({ n: i + 1, cells }));
}

// ---- Writing ----

/**
 * The YAML text of a model: the schema line, where it came from, then the data in the canonical
 * form of `dvk fmt`, so that an imported file needs no formatting.
 */
export function modelYaml(model: Model, schema: string, source: string, format: (text: string) => string): string {
  return format(`# yaml-language-server: $schema=${schema}\n# ${source}\n${yaml().stringify(model, { lineWidth: 0 })}`);
}

/** The file name of a model, as `dvk new model` makes it, cut at a word boundary. */
export function fileName(name: string): string {
  const slug = slugify(name);
  return notReserved(slug.length <= 60 ? slug : slug.slice(0, 61).replace(/-[^-]*$/, '') || slug.slice(0, 60));
}

/** The model with its id in the place the schema and the examples put it. */
export function withId(draft: ImportedModel, id: string): Model {
  const { kind, version, ...rest } = draft;
  return { kind, version, id, ...rest };
}

const isBundle = (file: string) => path.extname(file).toLowerCase() === '.zip';

export function registerImport(program: Command, ctx: Ctx): void {
  const { m } = ctx;
  const t = m.cli.import;
  program
    .command('import')
    .description(t.description)
    .argument('<files...>', `${t.file}; ${m.cli.forms.importFiles}`)
    .addOption(new Option('--map <header=key>', t.map).argParser(collect))
    .option('--unit <name>', t.unit)
    .option('--unit-code <code>', t.unitCode)
    .option('--level <level>', t.level)
    .addOption(new Option('--year <year>', t.year).argParser(parseCount(ctx)))
    .addOption(new Option('--field <field>', t.field).choices(FIELDS))
    .addOption(new Option('--type <type>', t.type).choices(MODEL_TYPES).default('collective'))
    .option('--sheet <name>', t.sheet)
    .option('-n, --dry-run', t.dryRun)
    .option('--update', m.cli.forms.update)
    .addHelpText('after', t.examples)
    .action(async (files: string[], opts: ImportOptions, command: Command) => {
      // Proposal bundles from the level below (dvk propose) have their own reader.
      if (files.some(isBundle)) return (await import('../import-bundle.js')).importBundles(ctx, files, opts);
      // Filled Word forms (dvk form) have their own reader.
      const forms = await import('../form-import.js');
      if (forms.formArguments(ctx.cwd, files)) return forms.importForms(ctx, files, opts, command);
      if (files.length > 1) throw new UsageError(m.cli.forms.oneSheet);
      const file = files[0]!;
      // Options first: a usage error costs no reading.
      const mapValues = opts.map ?? [];
      const parsedMap = parseMap(mapValues);
      if ('error' in parsedMap) {
        throw new UsageError(parsedMap.error === 'syntax' ? t.badMap(parsedMap.value) : t.unknownKey(parsedMap.value, IMPORT_KEYS, nearest(parsedMap.value, IMPORT_KEYS)));
      }
      const ws = openWorkspace({ cwd: ctx.cwd, m });
      assertConfig(ws, m);
      if (opts.level !== undefined && !ws.levels.some((l) => l.id === opts.level)) {
        throw new UsageError(m.unknownLevel(opts.level, ws.levels.map((l) => l.id)));
      }

      const abs = path.resolve(ctx.cwd, file);
      const shown = slash(path.relative(ctx.cwd, abs)) || file;
      const bytes = readSheet(abs, file, shown, m);
      const ext = path.extname(abs).toLowerCase();
      let rows: SheetRow[];
      if (isOle(bytes) || ext === '.xls') throw new InputError(t.oldXls(shown));
      else if (isZip(bytes)) rows = await readXlsx(bytes, shown, opts.sheet, parsedMap.map, m);
      else if (['.xlsx', '.xlsm'].includes(ext)) throw new InputError(t.badXlsx(shown, t.notZip));
      else if (['.csv', '.txt', ''].includes(ext)) rows = await readCsv(bytes, shown, m);
      else throw new InputError(t.unknownFormat(shown));

      const table = rows.map((r) => r.cells.map((c) => cleanText(c)));
      const headerAt = findHeaderRow(table, parsedMap.map);
      const headers = headerAt >= 0 ? rows[headerAt]!.cells.map((c) => cleanText(c).replace(/\s*\n\s*/g, ' ')) : [];
      const match = matchHeaders(headers, parsedMap.map);
      const shownHeaders = headers.filter(Boolean);
      if (match.unknownMapped.length) {
        const wanted = mapValues.map((v) => v.slice(0, v.lastIndexOf('=')).trim()).find((h) => match.unknownMapped.includes(normalizeHeader(h)));
        throw new UsageError(t.mapNoColumn(wanted ?? match.unknownMapped[0]!, shownHeaders));
      }
      const keys = new Set(match.columns.values());
      if (!keys.has('name')) throw new UsageError(t.noNameColumn(shownHeaders));
      if (!keys.has('unit') && !opts.unit) throw new UsageError(t.noUnit);
      if (!keys.has('field') && !opts.field) throw new UsageError(t.noField);
      const headerOf: Partial<Record<ImportKey, string>> = {};
      for (const [column, key] of match.columns) headerOf[key] = headers[column];

      const dataRows = rows.slice(headerAt + 1).filter((r) => [...match.columns.keys()].some((c) => cleanText(r.cells[c] ?? '')));
      if (!dataRows.length) throw new InputError(t.noRows(shown));
      if (match.unmatched.length && !ctx.quiet) ctx.err(`${terminalText(t.unusedColumns(match.unmatched))}\n`);

      // What the workspace already holds: ids, and the code and level of each unit's models.
      const models = ws.files.filter((f) => f.kind === 'model' && f.data);
      const taken = takenIds(ws.files);
      const knownUnits = new Map<string, { code?: string; level?: string }>();
      for (const f of models) {
        const unit = f.data!.unit as { name?: unknown; code?: unknown; level?: unknown } | undefined;
        if (typeof unit?.name !== 'string' || knownUnits.has(unitKey(unit.name))) continue;
        knownUnits.set(unitKey(unit.name), {
          code: typeof unit.code === 'string' ? unit.code : undefined,
          level: typeof unit.level === 'string' && ws.levels.some((l) => l.id === unit.level) ? unit.level : undefined,
        });
      }
      // A model already in the workspace (same year, unit and name): imported by an earlier run.
      const modelKey = (year: unknown, unit: unknown, name: unknown) => `${String(year)}\u0000${unitKey(String(unit))}\u0000${slugify(String(name))}`;
      const imported = new Set(models.map((f) => modelKey(f.data!.year, (f.data!.unit as { name?: unknown } | undefined)?.name, f.data!.name)));
      const pattern = ws.config.id_pattern ?? DEFAULT_ID_PATTERN;
      const nextId = idAllocator(pattern, taken);
      const { formatYaml } = await import('../../core/fmt.js');
      const schemas = readSchemas();
      const format = (text: string) => formatYaml(text, 'model', schemas).text;
      const rowCtx = {
        t: t.problem,
        headers: headerOf,
        year: opts.year,
        defaultYear: ws.config.year,
        field: opts.field,
        type: opts.type,
        unit: { name: opts.unit && cleanText(opts.unit), code: opts.unitCode, level: opts.level },
        levels: ws.levels,
        knownUnits,
      };

      const planned = new Map<string, number>();
      const skipped: number[] = [];
      let created = 0;
      let already = 0;
      for (const row of dataRows) {
        const values: ImportRow = {};
        for (const [column, key] of match.columns) {
          const v = cleanText(row.cells[column] ?? '');
          if (v) values[key] = v;
        }
        const skip = (problems: string[]) => {
          skipped.push(row.n);
          ctx.err(`${terminalText(t.skipped(row.n, problems))}\n`);
        };
        const result = rowToModel(values, rowCtx);
        if ('problems' in result) {
          skip(result.problems);
          continue;
        }
        const draft = result.model;
        if (imported.has(modelKey(draft.year, draft.unit.name, draft.name))) {
          already++;
          continue;
        }
        const code = draft.unit.code!;
        const id = nextId({ year: draft.year, unit: code });
        // A pattern without {nn} gives the same id twice; one with other characters, an invalid id.
        if (taken.has(id) || !/^[A-Z0-9]+(-[A-Z0-9]+)*$/.test(id)) {
          skip([taken.has(id) ? t.problem.idTaken(id) : t.problem.invalid(m.cli.newModel.badId(id).message)]);
          continue;
        }
        const model = withId(draft, id);
        const target = path.join(ws.root, ws.paths.models, String(draft.year), notReserved(code), `${fileName(draft.name) || notReserved(id.toLowerCase())}.yaml`);
        const rel = slash(path.relative(ctx.cwd, target));
        const earlier = planned.get(target);
        if (earlier !== undefined) {
          skip([t.problem.sameFile(rel, earlier)]);
          continue;
        }
        if (fs.existsSync(target)) {
          skip([t.problem.exists(rel)]);
          continue;
        }
        // Built to pass; checked all the same, so that no file dvk writes fails `dvk validate`.
        const errors = validateAgainst('model', model);
        if (errors.length) {
          skip([t.problem.invalid(schemaFindings(errors, model, m, () => undefined).map((x) => x.message).join('; '))]);
          continue;
        }
        // Comments inside the files are Vietnamese, like the templates, whatever --lang says.
        const source = messages('vi').cli.import.source(path.basename(abs), row.n);
        const text = modelYaml(model, schemaRef(target, ws.root, 'model'), source, format);
        if (!opts.dryRun) {
          try {
            writeFileAtomic(target, text, { overwrite: false });
          } catch (e) {
            if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
            skip([t.problem.exists(rel)]);
            continue;
          }
        }
        planned.set(target, row.n);
        taken.add(id);
        // Later rows of the same unit without a code get the one this row gave it.
        if (!knownUnits.has(unitKey(draft.unit.name))) knownUnits.set(unitKey(draft.unit.name), { code, level: draft.unit.level });
        created++;
        if (!ctx.quiet) ctx.out(`${(opts.dryRun ? t.wouldCreate : t.created)(rel, id, row.n)}\n`);
      }
      if (!ctx.quiet) {
        ctx.out(`${t.done(created, skipped, already, Boolean(opts.dryRun))}\n`);
        if (created && !opts.dryRun) ctx.out(`${t.next}\n`);
      }
      ctx.exitCode = skipped.length ? 1 : 0;
    });
}
