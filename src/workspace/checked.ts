// A workspace loaded and validated, with a configuration that must be usable: the common start
// of every command that computes something from the data.
import { evidenceCandidates } from '../core/rules/evidence.js';
import { validate } from '../core/validate.js';
import { UsageError } from '../errors.js';
import type { Messages } from '../i18n/index.js';
import { existingEvidence, openWorkspace, type Workspace } from './workspace.js';

/** Refuses a workspace whose dvk.config.yaml has errors (exit 2), showing them. */
export function assertConfig(ws: Workspace, m: Messages): void {
  if (!ws.configInvalid || !ws.configFile) return;
  const { diagnostics } = validate([ws.configFile], { m, levels: ws.levels });
  throw new UsageError(m.cli.configInvalid(ws.configFile.path), diagnostics.filter((d) => d.severity === 'error'));
}

/** The workspace checked (from the cache where files have not changed) and validated. */
export function checkedWorkspace(ctx: { cwd: string; m: Messages; cache?: boolean }, paths: string[] = []) {
  const { m } = ctx;
  const ws = openWorkspace({ cwd: ctx.cwd, m, named: paths, engine: { m, cache: ctx.cache ?? true, need: 'data' } });
  assertConfig(ws, m);
  const validation = validate(ws.files, {
    m,
    levels: ws.levels,
    evidence: existingEvidence(ws, evidenceCandidates(ws.files)),
    severities: ws.config.rules,
  });
  ws.save();
  return { ws, validation };
}
