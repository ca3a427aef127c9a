// `dvk import <form>.docx… | <folder>`: filled forms (dvk form) into model files. A registration
// form becomes a new model file, written as the spreadsheet import writes one; a review form
// fills the review step of its model, changing only those lines. Nothing is replaced without
// --update, and a form imported again changes nothing. Reading is in core/forms/.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { FORM_VERSION, fieldsOf, formSpec, type FormKind } from '../core/forms/fields.js';
import { readDocx, type DocxProblem } from '../core/forms/docx.js';
import { changedKeys, getIn, OWNED, registerModel, reviewStep } from '../core/forms/model.js';
import { diagnostic, identify, isFormKind, readFields } from '../core/forms/read.js';
import { setIn, setPlain } from '../core/forms/splice.js';
import { formatYaml, plainData } from '../core/fmt.js';
import { DEFAULT_ID_PATTERN, nextModelId } from '../core/ids.js';
import { knownUnits, type ImportedModel } from '../core/import.js';
import { schemaFindings, validateAgainst } from '../core/schema.js';
import type { LoadedFile } from '../core/load.js';
import type { Diagnostic, Model, ReviewStep } from '../core/types.js';
import { UsageError } from '../errors.js';
import { messages, type Msg } from '../i18n/index.js';
import { writeFileAtomic } from '../workspace/atomic.js';
import { assertConfig } from '../workspace/checked.js';
import { openWorkspace, slash } from '../workspace/workspace.js';
import { printError, useColor, type Ctx, type GlobalOptions } from './context.js';
import { fileName, modelYaml, withId } from './commands/import.js';
import { readSchemas } from './commands/fmt.js';
import { schemaRef } from './commands/new.js';
import { stylish } from './reporters/stylish.js';
import { summarize } from './reporters/types.js';

export interface FormImportOptions {
  dryRun?: boolean;
  update?: boolean;
}

const isDocx = (p: string) => path.extname(p).toLowerCase() === '.docx';
/** Word's lock files (`~$name.docx`) and hidden files are not forms. */
const isForm = (name: string) => isDocx(name) && !name.startsWith('~$') && !name.startsWith('.');

/** Whether `dvk import` should read its arguments as forms: a .docx or a folder among them. */
export function formArguments(cwd: string, files: readonly string[]): boolean {
  return files.some((f) => isDocx(f) || fs.statSync(path.resolve(cwd, f), { throwIfNoEntry: false })?.isDirectory());
}

/** The .docx files named: files as given, folders walked (sorted), Word's lock files left out. */
function expand(ctx: Ctx, args: readonly string[]): string[] {
  const t = ctx.m.cli.forms;
  const out: string[] = [];
  for (const arg of args) {
    const abs = path.resolve(ctx.cwd, arg);
    const stat = fs.statSync(abs, { throwIfNoEntry: false });
    if (!stat) throw new UsageError(ctx.m.cli.pathNotFound(arg));
    if (stat.isDirectory()) {
      const found = (fs.readdirSync(abs, { recursive: true, encoding: 'utf8' }) as string[])
        .filter((rel) => isForm(path.basename(rel)) && fs.statSync(path.join(abs, rel)).isFile())
        .map((rel) => path.join(abs, rel))
        .sort();
      if (!found.length) throw new UsageError(t.noForms(arg));
      out.push(...found);
    } else if (isDocx(abs)) {
      out.push(abs);
    } else {
      throw new UsageError(t.mixed);
    }
  }
  return [...new Set(out)];
}

/** What one form will do to the workspace, decided before anything is written. */
type Plan =
  | { kind: 'create'; form: string; target: string; id: string; text: string }
  | { kind: 'update'; form: string; target: string; id: string; text: string; keys: string[] }
  | { kind: 'unchanged'; form: string }
  | { kind: 'refused'; form: string; msg: Msg };

export async function importForms(ctx: Ctx, args: readonly string[], opts: FormImportOptions, command: Command): Promise<void> {
  const { m } = ctx;
  const t = m.cli.forms;
  const files = expand(ctx, args);
  const ws = openWorkspace({ cwd: ctx.cwd, m });
  assertConfig(ws, m);
  const schemas = readSchemas();
  const specs = { register: formSpec('register', schemas, ws.levels), review: formSpec('review', schemas, ws.levels) };
  const keys = new Set(['form', ...fieldsOf(specs.register).map((f) => f.key), ...fieldsOf(specs.review).map((f) => f.key)]);
  const format = (text: string) => formatYaml(text, 'model', schemas).text;

  const models = ws.files.filter((f) => f.kind === 'model' && f.data && !f.findings.some((x) => x.severity === 'error'));
  const byId = new Map<string, LoadedFile>(models.map((f) => [String(f.data!.id), f]));
  const byTarget = new Map<string, LoadedFile>(models.map((f) => [path.resolve(ws.root, f.rel), f]));
  const taken = new Set(ws.files.filter((f) => f.kind === 'model' && f.data).map((f) => String(f.data!.id)));
  const units = knownUnits(models.map((f) => f.data), ws.levels);
  const pattern = ws.config.id_pattern ?? DEFAULT_ID_PATTERN;
  /** Files this run writes, by absolute path, with the form that writes each. */
  const claimed = new Map<string, string>();

  const diagnostics: Diagnostic[] = [];
  const plans: Plan[] = [];
  const docxProblem: Record<DocxProblem, (file: string, detail: string) => Msg> = {
    'not-zip': (f) => t.notDocx(f),
    'not-word': (f) => t.notDocx(f),
    'old-word': (f) => t.oldWord(f),
    'bad-xml': (f, d) => t.badXml(f, d),
  };

  /** The text of a model file with the keys a form owns set to `next`'s, and the keys changed. */
  const edit = (file: LoadedFile, next: unknown, kind: FormKind, form: string): Plan => {
    const target = path.resolve(ws.root, file.rel);
    const id = String(file.data!.id);
    const changed = changedKeys(file.data, next, kind);
    if (!changed.length) return { kind: 'unchanged', form };
    // Filling what is empty is not overwriting; changing or removing anything is.
    if (!opts.update && !changed.every((p) => getIn(file.data, p) === undefined)) {
      return { kind: 'refused', form, msg: { message: t.overwrite(file.path, changed.map((p) => p.join('.'))) } };
    }
    let text = fs.readFileSync(target, 'utf8');
    for (const p of changed) text = setIn(text, p, getIn(next, p), schemas, 'model');
    const errors = validateAgainst('model', plainData(text));
    if (errors.length) return { kind: 'refused', form, msg: { message: t.invalid(schemaFindings(errors, next, m, () => undefined).map((x) => x.message).join('; ')) } };
    return { kind: 'update', form, target, id, text, keys: changed.map((p) => p.join('.')) };
  };

  /** Two forms of one run for the same model file: the first one wins. */
  const claim = (plan: Plan): Plan => {
    if (plan.kind !== 'create' && plan.kind !== 'update') return plan;
    const earlier = claimed.get(plan.target);
    if (earlier) return { kind: 'refused', form: plan.form, msg: { message: t.sameModel(plan.id, earlier) } };
    claimed.set(plan.target, plan.form);
    return plan;
  };

  for (const abs of files) {
    const form = slash(path.relative(ctx.cwd, abs)) || abs;
    const doc = readDocx(new Uint8Array(fs.readFileSync(abs)), (k) => keys.has(k));
    if ('problem' in doc) {
      plans.push({ kind: 'refused', form, msg: docxProblem[doc.problem](form, doc.detail ?? '') });
      continue;
    }
    const id = identify(doc);
    if ('problem' in id) {
      plans.push({ kind: 'refused', form, msg: id.problem === 'conflict' ? t.conflict(form, id.ids) : t.notForm(form) });
      continue;
    }
    if (!isFormKind(id.kind)) {
      plans.push({ kind: 'refused', form, msg: t.unknownKind(form, id.kind) });
      continue;
    }
    if (id.version !== FORM_VERSION) {
      plans.push({ kind: 'refused', form, msg: t.otherVersion(form, id.kind, id.version, FORM_VERSION) });
      continue;
    }
    const read = readFields(doc, specs[id.kind], { file: form, t: t.problem, levels: ws.levels });
    const found = [...read.diagnostics];
    let plan: Plan | undefined;
    if (id.kind === 'register') {
      const result = registerModel(read, { file: form, t: t.problem, levels: ws.levels, knownUnits: units, year: ws.config.year });
      found.push(...result.diagnostics);
      if (result.model) plan = claim(register(result.model, form));
    } else {
      const result = reviewStep(read, { file: form, t: t.problem });
      found.push(...result.diagnostics);
      const ids = [...new Set([result.id, doc.properties['dvk-model']].filter((x): x is string => Boolean(x)))];
      if (ids.length > 1) found.push(diagnostic(form, read.lines.get('review.model') ?? 1, 'error', 'form-field-invalid', t.problem.modelMismatch(ids)));
      const file = ids.length === 1 ? byId.get(ids[0]!) : undefined;
      if (ids.length === 1 && !file) plan = { kind: 'refused', form, msg: { message: t.unknownModel(ids[0]!) } };
      else if (file && !found.some((d) => d.severity === 'error')) {
        const start = (file.data as Partial<Model>).steps?.register?.start;
        const date = result.review.date;
        if (start && date && date < start) found.push(diagnostic(form, read.lines.get('review.date') ?? 1, 'error', 'form-date-order', t.problem.reviewBeforeStart(date, start)));
        else plan = claim(review(file, result.review, form));
      }
    }
    diagnostics.push(...found.sort((a, b) => a.line - b.line));
    if (found.some((d) => d.severity === 'error')) plan = { kind: 'refused', form, msg: { message: t.withErrors } };
    plans.push(plan ?? { kind: 'unchanged', form });
  }

  /** A registration: a new model file, or the model an earlier import of the same form wrote. */
  function register(draft: ImportedModel, form: string): Plan {
    const code = draft.unit.code!;
    const target = path.join(ws.root, ws.paths.models, String(draft.year), code, `${fileName(draft.name) || 'mo-hinh'}.yaml`);
    const existing = byTarget.get(target);
    if (existing) {
      let next: unknown = existing.data;
      for (const p of OWNED.register) next = setPlain(next, p, getIn(draft, p));
      return edit(existing, next, 'register', form);
    }
    if (fs.existsSync(target)) return { kind: 'refused', form, msg: { message: m.cli.import.problem.exists(slash(path.relative(ctx.cwd, target))) } };
    const id = nextModelId(pattern, { year: draft.year, unit: code }, taken);
    if (taken.has(id) || !/^[A-Z0-9]+(-[A-Z0-9]+)*$/.test(id)) return { kind: 'refused', form, msg: { message: m.cli.import.problem.idTaken(id) } };
    const model = withId(draft, id);
    const errors = validateAgainst('model', model);
    if (errors.length) return { kind: 'refused', form, msg: { message: t.invalid(schemaFindings(errors, model, m, () => undefined).map((x) => x.message).join('; ')) } };
    taken.add(id);
    // Comments inside the files are Vietnamese, like the templates, whatever --lang says.
    const source = messages('vi').cli.forms.source(path.basename(form));
    return { kind: 'create', form, target, id, text: modelYaml(model, schemaRef(target, ws.root, 'model'), source, format) };
  }

  /** A review: the review step of its model. An empty form adds nothing. */
  function review(file: LoadedFile, step: ReviewStep, form: string): Plan {
    if (!Object.keys(step).length) return { kind: 'unchanged', form };
    return edit(file, setPlain(file.data, ['steps', 'review'], step), 'review', form);
  }

  // What cannot be read, per form and field; then what each form does.
  const errColor = useColor(ctx.io.stderr, ctx.io.env, command.optsWithGlobals<GlobalOptions>().color);
  const shownDiagnostics = ctx.quiet ? diagnostics.filter((d) => d.severity === 'error') : diagnostics;
  if (shownDiagnostics.length) ctx.err(stylish({ diagnostics: shownDiagnostics, summary: summarize(shownDiagnostics, files.length), m, version: ctx.version }, { color: errColor }));
  const count = { forms: files.length, created: 0, updated: 0, unchanged: 0, refused: 0, dryRun: Boolean(opts.dryRun) };
  for (const plan of plans) {
    if (plan.kind === 'refused') {
      count.refused++;
      printError(ctx, { message: t.refused(plan.form, plan.msg.message), hint: plan.msg.hint }, errColor);
      continue;
    }
    if (plan.kind === 'unchanged') {
      count.unchanged++;
      continue;
    }
    const rel = slash(path.relative(ctx.cwd, plan.target));
    if (!opts.dryRun) writeFileAtomic(plan.target, plan.text, plan.kind === 'create' ? { overwrite: false } : {});
    if (plan.kind === 'create') {
      count.created++;
      if (!ctx.quiet) ctx.out(`${(opts.dryRun ? t.wouldCreate : t.created)(rel, plan.id, plan.form)}\n`);
    } else {
      count.updated++;
      if (!ctx.quiet) ctx.out(`${(opts.dryRun ? t.wouldUpdate : t.updated)(rel, plan.id, plan.keys, plan.form)}\n`);
    }
  }
  if (!ctx.quiet) {
    ctx.out(`${t.done(count)}\n`);
    if ((count.created || count.updated) && !opts.dryRun) ctx.out(`${t.validateNext}\n`);
  }
  ctx.exitCode = count.refused ? 1 : 0;
}
