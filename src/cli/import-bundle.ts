// `dvk import <bundle>.zip`: the proposal bundle of the level below, checked whole against its
// manifest, then its models, score sheets, frameworks and evidence written where they belong.
// Nothing is overwritten; what is skipped is said with the reason.
import fs from 'node:fs';
import path from 'node:path';
import { openBundle } from '../core/bundle.js';
import { contentMismatch, planImport, type SkipReason } from '../core/bundle-import.js';
import type { Kind, ModelSource } from '../core/types.js';
import { InputError, UsageError } from '../errors.js';
import { messages } from '../i18n/index.js';
import { writeFileAtomic } from '../workspace/atomic.js';
import { assertConfig } from '../workspace/checked.js';
import { openWorkspace, slash } from '../workspace/workspace.js';
import { readSchemas } from './commands/fmt.js';
import { schemaRef } from './commands/new.js';
import type { Ctx } from './context.js';

/** Each bundle in turn; the exit code is the worst of them. Bundles are not mixed with sheets or forms. */
export async function importBundles(ctx: Ctx, files: string[], opts: { dryRun?: boolean }): Promise<void> {
  const other = files.find((f) => path.extname(f).toLowerCase() !== '.zip');
  if (other !== undefined) throw new UsageError(ctx.m.cli.bundle.mixed(other));
  let worst = 0;
  for (const file of files) {
    await importBundle(ctx, file, opts);
    worst = Math.max(worst, ctx.exitCode);
  }
  ctx.exitCode = worst;
}

async function importBundle(ctx: Ctx, file: string, opts: { dryRun?: boolean }): Promise<void> {
  const { m } = ctx;
  const t = m.cli.bundle;
  const ws = openWorkspace({ cwd: ctx.cwd, m });
  assertConfig(ws, m);
  const abs = path.resolve(ctx.cwd, file);
  const shown = slash(path.relative(ctx.cwd, abs)) || file;
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(abs);
  } catch {
    throw new UsageError(m.cli.pathNotFound(file));
  }
  const opened = openBundle(bytes);
  if ('problem' in opened) {
    const p = opened.problem;
    throw new InputError(
      p.code === 'not-zip' ? t.notZip(shown)
      : p.code === 'no-manifest' ? t.noManifest(shown)
      : p.code === 'bad-manifest' ? t.badManifest(shown, p.detail)
      : p.code === 'version' ? t.version(shown, String(p.version))
      : t.tampered(shown, p.file, p.code),
    );
  }
  const { manifest, files } = opened;
  const mismatch = contentMismatch(manifest, files);
  if (mismatch) throw new InputError(t.mismatch(shown, mismatch.file, mismatch.key));
  const levels = ws.levels.map((l) => l.id);
  if (!levels.includes(manifest.level)) throw new UsageError(t.noLevel(manifest.level, levels));
  const label = (id: string) => ws.levels.find((l) => l.id === id)?.label ?? id;

  const { formatYaml } = await import('../core/fmt.js');
  const schemas = readSchemas();
  const rooted = (rel: string) => path.join(ws.root, rel);
  const vi = messages('vi').cli.bundle;
  const plan = planImport(
    manifest,
    files,
    {
      levels,
      dirs: { models: ws.paths.models, assessments: ws.paths.assessments, criteria: ws.paths.criteria, evidence: ws.paths.evidence },
      models: new Map(ws.files.filter((f) => f.kind === 'model' && typeof f.data?.id === 'string').map((f) => [f.data!.id as string, { rel: f.rel, source: f.data!.source as ModelSource | undefined }])),
      frameworks: new Map(ws.files.filter((f) => f.kind === 'criteria' && typeof f.data?.id === 'string').map((f) => [f.data!.id as string, { rel: f.rel, data: f.data }])),
      read: (rel) => {
        try {
          return fs.readFileSync(rooted(rel));
        } catch {
          return undefined;
        }
      },
      format: (text: string, kind: Kind) => formatYaml(text, kind, schemas).text,
      schemaLine: (rel: string, kind: Kind) => `# yaml-language-server: $schema=${schemaRef(rooted(rel), ws.root, kind)}`,
    },
    // Comments inside the files are Vietnamese, like the templates, whatever --lang says.
    { carried: vi.carried, history: (level, origin) => vi.history(label(level), origin) },
  );

  const say = (text: string) => {
    if (!ctx.quiet) ctx.out(`${text}\n`);
  };
  const src = manifest.source;
  say(t.header(src.place ? `${src.name} (${src.place})` : src.name, label(manifest.level), label(manifest.to), manifest.year, manifest.date, manifest.models.length, src.commit));
  if (!opts.dryRun) for (const w of plan.writes) writeFileAtomic(rooted(w.rel), w.bytes, { overwrite: false });
  const shownRel = (rel: string) => slash(path.relative(ctx.cwd, rooted(rel)));
  for (const a of plan.added) say(t.added(a.id, shownRel(a.file), Boolean(opts.dryRun)));
  for (const f of plan.frameworks) say(t.framework(f.id, f.as, shownRel(f.file), f.written));
  const why = (r: SkipReason) =>
    r.code === 'imported' ? t.why.imported(shownRel(r.file))
    : r.code === 'id-taken' ? t.why.idTaken(shownRel(r.file))
    : r.code === 'exists' ? t.why.exists(shownRel(r.file))
    : t.why.unitLevel(r.level);
  for (const s of plan.skipped) ctx.err(`${t.skipped(s.id, why(s.reason))}\n`);
  say(t.done(plan.added.length, plan.skipped.length, Boolean(opts.dryRun)));
  if (plan.added.length && !opts.dryRun) say(t.next(label(manifest.to)));
  // Taking in the same bundle again is not an error; a model that could not be taken in is.
  ctx.exitCode = plan.skipped.some((s) => s.reason.code !== 'imported') ? 1 : 0;
}
