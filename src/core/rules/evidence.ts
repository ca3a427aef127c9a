// Rules evidence-outside (error) and evidence-missing (warning): evidence paths are relative to
// the workspace root, must stay inside it, and should point at a file that exists.
import path from 'node:path/posix';
import type { Finding } from '../load.js';
import type { ModelFile, Rule } from './context.js';
import { list, obj, str } from './shape.js';

/** The workspace-relative form of an evidence path, or undefined when it leaves the workspace. */
export function evidencePath(file: string): string | undefined {
  const slashed = file.replace(/\\/g, '/');
  if (slashed.startsWith('/') || /^[A-Za-z]:/.test(slashed) || /^[a-z][a-z0-9+.-]*:\/\//i.test(slashed)) return undefined;
  const normal = path.normalize(slashed);
  if (normal === '..' || normal.startsWith('../')) return undefined;
  return normal;
}

export const evidence: Rule<ModelFile> = (file, { m, evidence: existing }) => {
  const findings: Finding[] = [];
  list(file.data.evidence).forEach((item, i) => {
    const p = ['evidence', i, 'file'];
    const named = str(obj(item).file);
    if (named === undefined) return;
    const rel = evidencePath(named);
    if (rel === undefined) {
      findings.push({ rule: 'evidence-outside', severity: 'error', path: p, ...m.evidenceOutside(named) });
    } else if (!existing.has(rel)) {
      findings.push({ rule: 'evidence-missing', severity: 'warning', path: p, ...m.evidenceMissing(rel) });
    }
  });
  return findings;
};

/** The workspace-relative evidence paths that models name, for the caller to look up on disk. */
export function evidenceCandidates(files: Iterable<{ kind?: string; data?: Record<string, unknown> }>): Set<string> {
  const out = new Set<string>();
  for (const f of files) {
    if (f.kind !== 'model' || !Array.isArray(f.data?.evidence)) continue;
    for (const e of f.data.evidence as { file?: unknown }[]) {
      const rel = typeof e?.file === 'string' ? evidencePath(e.file) : undefined;
      if (rel) out.add(rel);
    }
  }
  return out;
}
