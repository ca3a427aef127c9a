// The proposal bundle: one .zip that a committee sends to the committee one level up, holding
// the proposed models' files, their score sheets, the frameworks they were scored with, the
// evidence they name, and manifest.json (where it comes from, what it holds, a SHA-256 for
// every file). The same inputs give the same bytes: fixed zip times, files in path order.
import { createHash } from 'node:crypto';
import path from 'node:path/posix';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

/** 1980-01-01 00:00 in local time: the zip format's earliest time, the same bytes in any time zone. */
export const ZIP_TIME = new Date(1980, 0, 1, 0, 0, 0);

export const MANIFEST = 'manifest.json';
export const BUNDLE_FORMAT = 'dvk-proposal';
export const BUNDLE_VERSION = 1;

export interface BundleModel {
  id: string;
  name: string;
  unit: { name: string; code?: string; level: string };
  /** Total at the proposing level, as the framework rounds it ("94.50"). */
  total: string;
  class?: string;
  exemplary: boolean;
  /** Paths inside the bundle (the proposing workspace's own paths). */
  file: string;
  assessment: string;
  framework: string;
  evidence: string[];
}

export interface Manifest {
  format: typeof BUNDLE_FORMAT;
  version: typeof BUNDLE_VERSION;
  /** The proposing workspace: its issuing body, and its git commit when it is a repository. */
  source: { name: string; superior?: string; place?: string; commit?: string; dirty?: boolean };
  /** The level that recognised the models, and the level they are proposed to. */
  level: string;
  to: string;
  year: number;
  /** The date of the proposal. */
  date: string;
  models: BundleModel[];
  frameworks: { id: string; file: string }[];
  files: { path: string; size: number; sha256: string }[];
}

/** A manifest lists files and models: a few megabytes at most, even for a province's thousands. */
const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The zip of a bundle, and its manifest: the manifest first, then the files in path order. */
export function packBundle(content: Omit<Manifest, 'format' | 'version' | 'files'>, files: ReadonlyMap<string, Uint8Array>): { bytes: Uint8Array; manifest: Manifest } {
  const paths = [...files.keys()].sort();
  const manifest: Manifest = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    ...content,
    files: paths.map((p) => ({ path: p, size: files.get(p)!.length, sha256: sha256(files.get(p)!) })),
  };
  const zip: Zippable = { [MANIFEST]: [strToU8(`${JSON.stringify(manifest, null, 2)}\n`), { mtime: ZIP_TIME, level: 6 }] };
  for (const p of paths) zip[p] = [files.get(p)!, { mtime: ZIP_TIME, level: 6 }];
  return { bytes: zipSync(zip), manifest };
}

export type BundleProblem =
  | { code: 'not-zip' }
  | { code: 'no-manifest' }
  | { code: 'bad-manifest'; detail: string }
  | { code: 'version'; version: unknown }
  | { code: 'corrupt' | 'missing' | 'unlisted' | 'checksum'; file: string };

/** A path inside a bundle: relative, with `/`, nothing that climbs out. */
const safePath = (p: unknown): p is string =>
  typeof p === 'string' && p !== '' && !p.includes('\\') && !p.includes('\0') && !path.isAbsolute(p) && path.normalize(p) === p && !p.startsWith('../') && p !== '..';

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isText = (x: unknown): x is string => typeof x === 'string' && x !== '';

/** What is wrong with a manifest's shape (a JSON path and what it should be), or undefined. */
function manifestShape(x: Record<string, unknown>): string | undefined {
  if (!isObject(x.source) || !isText(x.source.name)) return 'source.name';
  if (x.source.commit !== undefined && !(typeof x.source.commit === 'string' && /^[0-9a-f]{7,64}$/.test(x.source.commit))) return 'source.commit';
  for (const key of ['level', 'to'] as const) if (!isText(x[key])) return key;
  if (!Number.isInteger(x.year)) return 'year';
  if (!(typeof x.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(x.date))) return 'date';
  if (!Array.isArray(x.files)) return 'files';
  for (const [i, f] of x.files.entries()) {
    if (!isObject(f) || !safePath(f.path) || f.path === MANIFEST) return `files[${i}].path`;
    if (!(typeof f.sha256 === 'string' && /^[0-9a-f]{64}$/.test(f.sha256))) return `files[${i}].sha256`;
    if (!Number.isInteger(f.size)) return `files[${i}].size`;
  }
  const listed = new Set((x.files as { path: string }[]).map((f) => f.path));
  if (!Array.isArray(x.frameworks)) return 'frameworks';
  for (const [i, f] of x.frameworks.entries()) {
    if (!isObject(f) || !isText(f.id)) return `frameworks[${i}].id`;
    if (!listed.has(f.file as string)) return `frameworks[${i}].file`;
  }
  if (!Array.isArray(x.models) || x.models.length === 0) return 'models';
  for (const [i, m] of x.models.entries()) {
    if (!isObject(m) || !isText(m.id)) return `models[${i}].id`;
    if (!isObject(m.unit) || !isText(m.unit.name) || !isText(m.unit.level)) return `models[${i}].unit`;
    for (const key of ['file', 'assessment'] as const) if (!listed.has(m[key] as string)) return `models[${i}].${key}`;
    if (!(x.frameworks as { id: string }[]).some((f) => f.id === m.framework)) return `models[${i}].framework`;
    if (!Array.isArray(m.evidence) || !m.evidence.every((e) => listed.has(e as string))) return `models[${i}].evidence`;
  }
  return undefined;
}

/** Reads a bundle and checks it whole: its manifest, and every file against its size and checksum. */
export function openBundle(bytes: Uint8Array): { manifest: Manifest; files: Map<string, Uint8Array> } | { problem: BundleProblem } {
  // The names and sizes first, then each file on its own, so that a damaged entry can be named
  // and nothing larger than the manifest says is ever unpacked.
  const sizes = new Map<string, number>();
  try {
    unzipSync(bytes, { filter: (f) => (sizes.set(f.name, f.originalSize), false) });
  } catch {
    return { problem: { code: 'not-zip' } };
  }
  const names = [...sizes.keys()];
  const entry = (name: string): Uint8Array | undefined => {
    try {
      return unzipSync(bytes, { filter: (f) => f.name === name })[name];
    } catch {
      return undefined;
    }
  };
  if (!names.includes(MANIFEST)) return { problem: { code: names.length ? 'no-manifest' : 'not-zip' } };
  if (sizes.get(MANIFEST)! > MAX_MANIFEST_BYTES) return { problem: { code: 'bad-manifest', detail: 'size' } };
  const raw = entry(MANIFEST);
  let manifest: unknown;
  try {
    manifest = JSON.parse(strFromU8(raw!));
  } catch {
    return { problem: { code: 'bad-manifest', detail: 'JSON' } };
  }
  if (!isObject(manifest) || manifest.format !== BUNDLE_FORMAT) return { problem: { code: 'bad-manifest', detail: 'format' } };
  if (manifest.version !== BUNDLE_VERSION) return { problem: { code: 'version', version: manifest.version } };
  const wrong = manifestShape(manifest);
  if (wrong) return { problem: { code: 'bad-manifest', detail: wrong } };
  const m = manifest as unknown as Manifest;
  const listed = new Set(m.files.map((f) => f.path));
  const extra = names.find((n) => n !== MANIFEST && !listed.has(n));
  if (extra !== undefined) return { problem: { code: 'unlisted', file: extra } };
  const files = new Map<string, Uint8Array>();
  for (const f of m.files) {
    if (!names.includes(f.path)) return { problem: { code: 'missing', file: f.path } };
    if (sizes.get(f.path) !== f.size) return { problem: { code: 'checksum', file: f.path } };
    const data = entry(f.path);
    if (!data) return { problem: { code: 'corrupt', file: f.path } };
    if (data.length !== f.size || sha256(data) !== f.sha256) return { problem: { code: 'checksum', file: f.path } };
    files.set(f.path, data);
  }
  return { manifest: m, files };
}
