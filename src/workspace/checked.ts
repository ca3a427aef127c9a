// A workspace loaded and validated, with a configuration that must be usable: the common start
// of every command that computes something from the data.
import { evidenceCandidates } from '../core/rules/evidence.js';
import { validate } from '../core/validate.js';
import { UsageError } from '../errors.js';
import type { Messages } from '../i18n/index.js';
import { existingEvidence, openWorkspace } from './workspace.js';

export function checkedWorkspace(ctx: { cwd: string; m: Messages }, paths: string[] = []) {
  const { m } = ctx;
  const ws = openWorkspace({ cwd: ctx.cwd, m, named: paths });
  const validation = validate(ws.files, {
    m,
    levels: ws.levels,
    evidence: existingEvidence(ws, evidenceCandidates(ws.files)),
    severities: ws.config.rules,
  });
  if (ws.configInvalid && ws.configFile) {
    throw new UsageError(m.cli.configInvalid(ws.configFile.path), validation.diagnostics.filter((d) => d.file === ws.configFile!.path));
  }
  return { ws, validation };
}
