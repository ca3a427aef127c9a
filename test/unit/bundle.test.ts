import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { openBundle, packBundle, sha256, type Manifest } from '../../src/core/bundle.js';
import { contentMismatch, planImport, type ImportTarget } from '../../src/core/bundle-import.js';

const MODEL = 'kind: model\nversion: 1\nid: A-2023-01\nname: Mô hình A\ntype: collective\nfield: kinh-te\nyear: 2023\nunit: { name: UBND xã A, code: A, level: xa }\nsteps: {}\nevidence:\n  - { file: evidence/2023/a.pdf }\n  - { file: ./evidence/2023/b.pdf }\n';
const SHEET = 'kind: assessment\nversion: 1\nmodel: A-2023-01\nlevel: huyen\nframework: f\nscores: { C1: 8 }\n';
const FRAMEWORK = 'kind: criteria\nversion: 1\nid: f\ntitle: F\ngroups: [{ id: G, title: G, criteria: [{ id: C1, title: C, max: 10 }] }]\nclasses: [{ id: a, label: A, min: 0 }]\n';

function bundle(extra: Partial<Manifest> = {}) {
  const files = new Map<string, Uint8Array>([
    ['models/2023/A/a.yaml', strToU8(MODEL)],
    ['assessments/2023/huyen/A-2023-01.yaml', strToU8(SHEET)],
    ['criteria/f.yaml', strToU8(FRAMEWORK)],
    ['evidence/2023/a.pdf', strToU8('%PDF a')],
    ['evidence/2023/b.pdf', strToU8('%PDF b')],
  ]);
  return packBundle(
    {
      source: { name: 'Ban Chỉ đạo huyện X', place: 'Huyện X' },
      level: 'huyen',
      to: 'tinh',
      year: 2023,
      date: '2023-12-26',
      models: [
        {
          id: 'A-2023-01', name: 'Mô hình A', unit: { name: 'UBND xã A', code: 'A', level: 'xa' }, total: '80.00', exemplary: false,
          file: 'models/2023/A/a.yaml', assessment: 'assessments/2023/huyen/A-2023-01.yaml', framework: 'f', evidence: ['evidence/2023/a.pdf', 'evidence/2023/b.pdf'],
        },
      ],
      frameworks: [{ id: 'f', file: 'criteria/f.yaml' }],
      ...extra,
    },
    files,
  );
}

/** The bundle's entries with the manifest changed. */
function withManifest(change: (m: Record<string, unknown>) => void): Uint8Array {
  const entries = unzipSync(bundle().bytes);
  const m = JSON.parse(strFromU8(entries['manifest.json']!)) as Record<string, unknown>;
  change(m);
  return zipSync({ ...entries, 'manifest.json': strToU8(JSON.stringify(m)) });
}

describe('proposal bundle', () => {
  it('packs the same bytes twice and reads back every file with its checksum', () => {
    const a = bundle();
    expect(Buffer.compare(a.bytes, bundle().bytes)).toBe(0);
    expect(Object.keys(unzipSync(a.bytes))[0]).toBe('manifest.json');
    const opened = openBundle(a.bytes);
    if ('problem' in opened) throw new Error(JSON.stringify(opened.problem));
    expect(opened.manifest.files.map((f) => f.path)).toEqual([...opened.files.keys()]);
    expect(opened.manifest.files[0]).toEqual({ path: 'assessments/2023/huyen/A-2023-01.yaml', size: SHEET.length, sha256: sha256(strToU8(SHEET)) });
  });

  it('names what is wrong: not a zip, no manifest, a bad or unsafe manifest, another version, an unlisted file', () => {
    expect(openBundle(strToU8('not a zip'))).toEqual({ problem: { code: 'not-zip' } });
    expect(openBundle(zipSync({ 'a.yaml': strToU8('x') }))).toEqual({ problem: { code: 'no-manifest' } });
    expect(openBundle(withManifest((m) => (m.version = 2)))).toEqual({ problem: { code: 'version', version: 2 } });
    expect(openBundle(withManifest((m) => ((m.files as { path: string }[])[0]!.path = '../../etc/passwd')))).toEqual({ problem: { code: 'bad-manifest', detail: 'files[0].path' } });
    expect(openBundle(withManifest((m) => ((m.models as { framework: string }[])[0]!.framework = 'g')))).toEqual({ problem: { code: 'bad-manifest', detail: 'models[0].framework' } });
    const entries = unzipSync(bundle().bytes);
    expect(openBundle(zipSync({ ...entries, 'models/extra.yaml': strToU8('x') }))).toEqual({ problem: { code: 'unlisted', file: 'models/extra.yaml' } });
  });
});

describe('contentMismatch', () => {
  it('names a file whose content does not say what the manifest says', () => {
    const opened = openBundle(bundle().bytes) as Exclude<ReturnType<typeof openBundle>, { problem: unknown }>;
    expect(contentMismatch(opened.manifest, opened.files)).toBeUndefined();
    const files = new Map(opened.files);
    files.set('assessments/2023/huyen/A-2023-01.yaml', strToU8(SHEET.replace('level: huyen', 'level: xa')));
    expect(contentMismatch(opened.manifest, files)).toEqual({ file: 'assessments/2023/huyen/A-2023-01.yaml', key: 'level' });
    files.set('models/2023/A/a.yaml', strToU8('id: [unclosed'));
    expect(contentMismatch(opened.manifest, files)).toEqual({ file: 'models/2023/A/a.yaml', key: 'YAML' });
  });
});

describe('planImport', () => {
  const opened = openBundle(bundle().bytes) as Exclude<ReturnType<typeof openBundle>, { problem: unknown }>;
  const words = { carried: () => 'carried', history: () => 'history' };
  const target = (over: Partial<ImportTarget> = {}): ImportTarget => ({
    levels: ['xa', 'huyen', 'tinh'],
    dirs: { models: 'models', assessments: 'assessments', criteria: 'criteria', evidence: 'evidence' },
    models: new Map(),
    frameworks: new Map(),
    read: () => undefined,
    format: (text) => text,
    schemaLine: (rel, kind) => `# yaml-language-server: $schema=${kind}`,
    ...over,
  });

  it('moves evidence beside the model, rewrites its paths, carries the framework under the place’s name', () => {
    const plan = planImport(opened.manifest, opened.files, target(), words);
    expect(plan.writes.map((w) => w.rel).sort()).toEqual([
      'assessments/2023/huyen/A-2023-01.yaml', 'criteria/f-huyen-x.yaml', 'evidence/2023/A/a.pdf', 'evidence/2023/A/b.pdf', 'models/2023/A/a.yaml',
    ]);
    const model = strFromU8(plan.writes.find((w) => w.rel === 'models/2023/A/a.yaml')!.bytes);
    expect(model).toContain('file: evidence/2023/A/b.pdf');
    expect(model).toContain('source:\n  name: Ban Chỉ đạo huyện X\n  place: Huyện X\n  level: huyen\n  date: 2023-12-26\n  file: models/2023/A/a.yaml\n');
    expect(strFromU8(plan.writes.find((w) => w.rel.startsWith('assessments'))!.bytes)).toContain('# history\n');
    expect(plan.frameworks).toEqual([{ id: 'f', as: 'f-huyen-x', file: 'criteria/f-huyen-x.yaml', written: true }]);
  });

  it('skips, whole, a model whose unit level is unknown or whose evidence name holds other bytes', () => {
    expect(planImport(opened.manifest, opened.files, target({ levels: ['huyen', 'tinh'] }), words)).toMatchObject({ writes: [], skipped: [{ id: 'A-2023-01', reason: { code: 'unit-level', level: 'xa' } }] });
    const other = target({ read: (rel) => (rel === 'evidence/2023/A/b.pdf' ? strToU8('other') : undefined) });
    expect(planImport(opened.manifest, opened.files, other, words)).toMatchObject({ writes: [], skipped: [{ reason: { code: 'exists', file: 'evidence/2023/A/b.pdf' } }] });
    const same = target({ read: (rel) => (rel === 'evidence/2023/A/b.pdf' ? strToU8('%PDF b') : undefined) });
    expect(planImport(opened.manifest, opened.files, same, words).writes.map((w) => w.rel)).not.toContain('evidence/2023/A/b.pdf');
  });
});
