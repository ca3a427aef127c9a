// `dvk propose --to L2`: the proposal (Tờ trình) to the committee one level up, and the bundle
// (.zip) of the proposed models' files that `dvk import` takes in over there.
import fs from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { packBundle, sha256, type BundleModel } from '../../core/bundle.js';
import { nearest } from '../../core/hints.js';
import type { Row } from '../../core/results.js';
import { evidencePath } from '../../core/rules/evidence.js';
import { InputError, UsageError } from '../../errors.js';
import { headCommit } from '../../workspace/git.js';
import { parseCount } from '../args.js';
import type { Ctx } from '../context.js';
import { checkOutputFile } from '../../workspace/output.js';
import { decisionReference, documentDateOf, documentNumber, documentScope, recognizedRows, refusePlaceholders, writeJobs } from '../documents.js';

interface ProposeOptions {
  year?: number;
  level?: string;
  to?: string;
  select?: string;
  number?: string;
  date?: string;
  decisionNumber?: string;
  decisionDate?: string;
  output?: string;
}

/** The models to propose: the exemplary ones, every recognised one, or the ones named. */
function selected(ctx: Ctx, rows: Row[], recognized: Row[], select: string | string[], level: string): Row[] {
  const t = ctx.m.cli.propose;
  if (select === 'exemplary') return recognized.filter((r) => r.recognition?.exemplary);
  if (select === 'recognized') return recognized;
  const ids = typeof select === 'string' ? select.split(',').map((s) => s.trim()).filter(Boolean) : select;
  const known = new Set(rows.map((r) => r.model.id));
  for (const id of ids) {
    if (!known.has(id)) throw new UsageError(t.unknownId(id, nearest(id, known)));
    const row = recognized.find((r) => r.model.id === id);
    if (!row) throw new InputError(t.notRecognized(id, level, rows.find((r) => r.model.id === id)?.recognition?.reasons.map((x) => x.message) ?? []));
  }
  return recognized.filter((r) => ids.includes(r.model.id));
}

export function registerPropose(program: Command, ctx: Ctx): void {
  const { m } = ctx;
  const t = m.cli.propose;
  const d = m.cli.docs;
  program
    .command('propose')
    .description(t.description)
    .argument('[paths...]', m.cli.validate.paths)
    .addOption(new Option('--year <year>', d.year).argParser(parseCount(ctx)))
    .option('--level <level>', d.level)
    .option('--to <level>', t.to)
    .option('--select <which>', t.select)
    .option('--number <n>', t.number)
    .option('--date <date>', d.date)
    .option('--decision-number <n>', m.cli.certificate.decisionNumber)
    .option('--decision-date <date>', m.cli.certificate.decisionDate)
    .option('-o, --output <file>', t.output)
    .addHelpText('after', t.examples)
    .action(async (paths: string[], opts: ProposeOptions) => {
      const { ws, rows, year, level } = documentScope(ctx, paths, opts);
      const ids = ws.levels.map((l) => l.id);
      const toId = opts.to ?? ws.config.propose?.to;
      if (toId === undefined) throw new UsageError(t.needTo(ids));
      const to = ws.levels.find((l) => l.id === toId);
      if (!to) throw new UsageError(m.unknownLevel(toId, ids, nearest(toId, ids)));
      if (to.id === level.id) throw new UsageError(t.sameLevel(to.id));
      const recognized = recognizedRows(rows);
      if (recognized.length === 0) throw new InputError(m.cli.decide.nothing(year, level.label ?? level.id));
      const select = opts.select ?? ws.config.propose?.select ?? 'exemplary';
      const proposed = selected(ctx, rows, recognized, select, level.label ?? level.id);
      if (proposed.length === 0) throw new InputError(t.noneSelected(String(select)));
      refusePlaceholders(ctx, ws, proposed);

      // The files: each model, its score sheet at this level, its framework, its evidence on disk.
      const relOf = new Map(ws.files.map((f) => [f.path, f.rel]));
      const frameworkFile = new Map(ws.files.filter((f) => f.kind === 'criteria' && typeof f.data?.id === 'string').map((f) => [f.data!.id as string, f.rel]));
      const files = new Map<string, Uint8Array>();
      const take = (rel: string) => {
        if (!files.has(rel)) files.set(rel, fs.readFileSync(path.join(ws.root, rel)));
        return rel;
      };
      const evidenceOnDisk = (rel: string) => fs.statSync(path.join(ws.root, rel), { throwIfNoEntry: false })?.isFile() === true;
      const models: BundleModel[] = proposed.map((r) => ({
        id: r.model.id,
        name: r.model.name,
        unit: r.model.unit,
        total: r.result!.total.toFixed(r.result!.places),
        class: r.recognition?.class?.label,
        exemplary: Boolean(r.recognition?.exemplary),
        file: take(relOf.get(r.file)!),
        assessment: take(relOf.get(r.assessment!.file)!),
        framework: r.assessment!.data.framework,
        evidence: (r.model.evidence ?? []).flatMap((e) => {
          const rel = evidencePath(e.file);
          return rel !== undefined && evidenceOnDisk(rel) ? [take(rel)] : [];
        }),
      }));
      const frameworks = [...new Set(models.map((x) => x.framework))].sort().map((id) => ({ id, file: take(frameworkFile.get(id)!) }));
      const issuer = ws.config.issuer ?? {};
      const git = headCommit(ws.root, [...files.keys()]);
      const date = documentDateOf(ctx, opts.date, ws.config.propose?.date);
      const bundle = packBundle(
        {
          source: { name: issuer.name ?? path.basename(ws.root), superior: issuer.superior, place: issuer.place, commit: git?.commit, dirty: git?.dirty },
          level: level.id,
          to: to.id,
          year,
          date,
          models,
          frameworks,
        },
        files,
      );

      const docx = opts.output ? path.resolve(ctx.cwd, opts.output) : path.join(ws.root, ws.paths.out, `de-nghi-${year}-${level.id}-${to.id}.docx`);
      checkOutputFile(ws, docx, '.docx', m);
      const zip = docx.slice(0, docx.length - path.extname(docx).length) + '.zip';
      const [{ proposalDocument }, { pack, documentTimestamp }] = await Promise.all([import('../../render/proposal.js'), import('../../render/pack.js')]);
      const render = async () =>
        pack(
          proposalDocument({
            config: ws.config,
            year,
            level,
            to,
            number: documentNumber(opts.number, ws.config.propose?.number),
            date,
            decision: decisionReference(ctx, opts, ws.config),
            recognized: { count: recognized.length, exemplary: recognized.filter((r) => r.recognition?.exemplary).length },
            proposed,
            bundle: { file: path.basename(zip), sha256: sha256(bundle.bytes), models: models.length, frameworks: frameworks.map((f) => f.id), evidence: models.reduce((a, x) => a + x.evidence.length, 0) },
          }),
          documentTimestamp(date, ctx.io.env),
        );
      await writeJobs(
        ctx,
        ws,
        [
          { file: zip, label: path.basename(zip), render: async () => bundle.bytes },
          { file: docx, label: path.basename(docx), render },
        ],
        () => t.done(proposed.length, to.label ?? to.id, bundle.manifest.files.length, git?.dirty === true),
      );
    });
}
