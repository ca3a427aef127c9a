import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { openBundle, packBundle, sha256, type Manifest } from '../../src/core/bundle.js';
import { contentMismatch, planImport, type ImportTarget } from '../../src/core/bundle-import.js';

const MODEL = 'kind: model\nversion: 1\nid: A-2023-01\nname: Mô hình A\ntype: collective\nfield: kinh-te\nyear: 2023\nunit: { name: UBND xã A, code: A, level: xa }\nsteps: {}\nevidence:\n  - { file: evidence/2023/a.pdf }\n  - { file: ./evidence/2023/b.pdf }\n';
const SHEET = 'kind: assessment\nversion: 1\nmodel: A-2023-01\nlevel: huyen\nframework: f\nscores: { C1: 8 }\n';
const FRAMEWORK = 'kind: criteria\nversion: 1\nid: f\ntitle: F\ngroups: [{ id: G, title: G, criteria: [{ id: C1, title: C, max: 10 }] }]\nclasses: [{ id: a, label: A, min: 0 }]\n';

/** The example bundle: one model of xã A, its sheet, its framework and two evidence files (and `more` files). */
function bundle(extra: Partial<Manifest> = {}, more: [string, string][] = []) {
  const files = new Map<string, Uint8Array>([
    ...more.map(([p, t]): [string, Uint8Array] => [p, strToU8(t)]),
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

/** A workspace to import into: empty, with the usual folders, unless `over` says otherwise. */
function importTarget(over: Partial<ImportTarget> = {}): ImportTarget {
  return {
    levels: ['xa', 'huyen', 'tinh'],
    dirs: { models: 'models', assessments: 'assessments', criteria: 'criteria', evidence: 'evidence' },
    models: new Map(),
    frameworks: new Map(),
    read: () => undefined,
    format: (text) => text,
    schemaLine: (_rel, kind) => `# yaml-language-server: $schema=${kind}`,
    ...over,
  };
}

/** The example bundle, opened. */
const openExample = () => openBundle(bundle().bytes) as Exclude<ReturnType<typeof openBundle>, { problem: unknown }>;

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
    const opened = openExample();
    expect(contentMismatch(opened.manifest, opened.files)).toBeUndefined();
    const files = new Map(opened.files);
    files.set('assessments/2023/huyen/A-2023-01.yaml', strToU8(SHEET.replace('level: huyen', 'level: xa')));
    expect(contentMismatch(opened.manifest, files)).toEqual({ file: 'assessments/2023/huyen/A-2023-01.yaml', key: 'level' });
    files.set('models/2023/A/a.yaml', strToU8('id: [unclosed'));
    expect(contentMismatch(opened.manifest, files)).toEqual({ file: 'models/2023/A/a.yaml', key: 'YAML' });
  });
});

describe('planImport', () => {
  const opened = openExample();
  const words = { carried: () => 'carried', history: () => 'history' };
  const target = importTarget;

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

describe('openBundle refuses a manifest that does not hold together', () => {
  type M = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  it.each<[string, (m: M) => void]>([
    ['source.name', (m) => delete m.source],
    ['source.name', (m) => (m.source.name = '')],
    ['source.commit', (m) => (m.source.commit = 'HEAD')],
    ['source.commit', (m) => (m.source.commit = 1234567)],
    ['level', (m) => (m.level = '')],
    ['to', (m) => delete m.to],
    ['year', (m) => (m.year = '2023')],
    ['date', (m) => (m.date = '26/12/2023')],
    ['files', (m) => (m.files = {})],
    ['files[1].path', (m) => (m.files[1].path = '/etc/passwd')],
    ['files[1].path', (m) => (m.files[1].path = 'a\\b.yaml')],
    ['files[1].path', (m) => (m.files[1].path = 'a\0b')],
    ['files[1].path', (m) => (m.files[1].path = 'a//b.yaml')],
    ['files[1].path', (m) => (m.files[1].path = '..')],
    ['files[1].path', (m) => (m.files[1].path = '')],
    ['files[1].path', (m) => (m.files[1].path = 'manifest.json')],
    ['files[0].path', (m) => (m.files[0] = 'a.yaml')],
    ['files[0].sha256', (m) => (m.files[0].sha256 = m.files[0].sha256.toUpperCase())],
    ['files[0].sha256', (m) => (m.files[0].sha256 = `${m.files[0].sha256}0`)],
    ['files[0].size', (m) => (m.files[0].size = String(m.files[0].size))],
    ['files[0].path', (m) => (m.files[0].path = 5)],
    ['source.commit', (m) => (m.source.commit = 'xa1b2c3d')],
    ['source.commit', (m) => (m.source.commit = 'a1b2c3dX')],
    ['date', (m) => (m.date = 'x2023-12-26')],
    ['date', (m) => (m.date = '2023-12-26x')],
    ['frameworks', (m) => delete m.frameworks],
    ['frameworks[0].id', (m) => (m.frameworks[0].id = '')],
    ['frameworks[0].id', (m) => (m.frameworks[0] = 'f')],
    ['frameworks[0].file', (m) => (m.frameworks[0].file = 'criteria/g.yaml')],
    ['models', (m) => (m.models = [])],
    ['models', (m) => (m.models = {})],
    ['models[0].id', (m) => delete m.models[0].id],
    ['models[0].id', (m) => (m.models[0] = 'A-2023-01')],
    ['models[0].unit', (m) => delete m.models[0].unit],
    ['models[0].unit', (m) => (m.models[0].unit.name = '')],
    ['models[0].unit', (m) => delete m.models[0].unit.level],
    ['models[0].file', (m) => (m.models[0].file = 'models/other.yaml')],
    ['models[0].assessment', (m) => delete m.models[0].assessment],
    ['models[0].evidence', (m) => (m.models[0].evidence = 'evidence/2023/a.pdf')],
    ['models[0].evidence', (m) => m.models[0].evidence.push('evidence/2023/c.pdf')],
  ])('%s', (detail, change) => {
    expect(openBundle(withManifest(change))).toEqual({ problem: { code: 'bad-manifest', detail } });
  });

  it('accepts a commit, a path with folders, no evidence, and a framework no model uses', () => {
    const opened = openBundle(withManifest((m) => {
      (m.source as Record<string, unknown>).commit = 'a1b2c3d';
      (m.models as { evidence: string[] }[])[0]!.evidence = [];
      (m.frameworks as unknown[]).unshift({ id: 'g', file: 'criteria/f.yaml' });
    }));
    expect('problem' in opened).toBe(false);
  });

  it('dates every entry 1980-01-01 00:00, so that the same inputs give the same bytes on any day', () => {
    const bytes = bundle().bytes;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const stamps: number[][] = [];
    for (let i = 0; i + 30 <= bytes.length; i++) if (view.getUint32(i, true) === 0x04034b50) stamps.push([view.getUint16(i + 10, true), view.getUint16(i + 12, true)]);
    expect(stamps).toHaveLength(6);
    // DOS time 0 (00:00:00), DOS date (0 << 9) | (1 << 5) | 1 (1980-01-01).
    expect(new Set(stamps.map((s) => s.join()))).toEqual(new Set(['0,33']));
  });

  it('says when the manifest is not JSON, not a dvk manifest, or too large to read', () => {
    const entries = unzipSync(bundle().bytes);
    expect(openBundle(zipSync({ ...entries, 'manifest.json': strToU8('{ not json') }))).toEqual({ problem: { code: 'bad-manifest', detail: 'JSON' } });
    expect(openBundle(zipSync({ ...entries, 'manifest.json': strToU8('[]') }))).toEqual({ problem: { code: 'bad-manifest', detail: 'format' } });
    expect(openBundle(withManifest((m) => (m.format = 'other')))).toEqual({ problem: { code: 'bad-manifest', detail: 'format' } });
    // A zip bomb's manifest is refused by its declared size, before it is unpacked.
    expect(openBundle(zipSync({ 'manifest.json': new Uint8Array(16 * 1024 * 1024 + 1).fill(32) }, { level: 0 }))).toEqual({ problem: { code: 'bad-manifest', detail: 'size' } });
    expect(openBundle(zipSync({}))).toEqual({ problem: { code: 'not-zip' } });
  });

  it('names a listed file that is missing, has another size or other bytes, or cannot be unpacked', () => {
    const entries = unzipSync(bundle().bytes);
    const without = { ...entries };
    delete without['criteria/f.yaml'];
    expect(openBundle(zipSync(without))).toEqual({ problem: { code: 'missing', file: 'criteria/f.yaml' } });
    expect(openBundle(zipSync({ ...entries, 'criteria/f.yaml': strToU8(`${FRAMEWORK}#`) }))).toEqual({ problem: { code: 'checksum', file: 'criteria/f.yaml' } });
    const same = FRAMEWORK.replace('title: F', 'title: G');
    expect(openBundle(zipSync({ ...entries, 'criteria/f.yaml': strToU8(same) }))).toEqual({ problem: { code: 'checksum', file: 'criteria/f.yaml' } });
    // Damaged compressed data: the first byte of the entry's deflate stream made an invalid block type.
    const bytes = zipSync(entries);
    const name = strToU8('criteria/f.yaml');
    const at = bytes.findIndex((_, i) => name.every((c, k) => bytes[i + k] === c));
    const damaged = bytes.slice();
    damaged[at + name.length] = 0xff;
    expect(openBundle(damaged)).toEqual({ problem: { code: 'corrupt', file: 'criteria/f.yaml' } });
  });
});

describe('planImport: what is already there', () => {
  const opened = openExample();
  const words = { carried: (id: string, place: string) => `carried ${id} of ${place}`, history: (level: string, place: string) => `history ${level} of ${place}` };
  const frameworkData = { kind: 'criteria', version: 1, id: 'f', title: 'F', groups: [{ id: 'G', title: 'G', criteria: [{ id: 'C1', title: 'C', max: 10 }] }], classes: [{ id: 'a', label: 'A', min: 0 }] };
  const target = (over: Partial<ImportTarget> = {}) => importTarget({ dirs: { models: 'mo', assessments: 'as', criteria: 'cr', evidence: 'ev' }, ...over });
  const text = (plan: ReturnType<typeof planImport>, rel: string) => strFromU8(plan.writes.find((w) => w.rel === rel)!.bytes);

  it('writes into the workspace’s own folders, under the model’s year and unit code', () => {
    const plan = planImport(opened.manifest, opened.files, target(), words);
    expect(plan.added).toEqual([{ id: 'A-2023-01', file: 'mo/2023/A/a.yaml', assessment: 'as/2023/huyen/A-2023-01.yaml' }]);
    expect(plan.skipped).toEqual([]);
    // The schema line first, replacing none, then the history comment, on the sheet pointed at the carried framework.
    expect(text(plan, 'as/2023/huyen/A-2023-01.yaml')).toBe(`# yaml-language-server: $schema=assessment\n# history huyen of Huyện X\n${SHEET.replace('framework: f', 'framework: f-huyen-x')}`);
    expect(text(plan, 'cr/f-huyen-x.yaml')).toMatch(/^# yaml-language-server: \$schema=criteria\n# carried f of Huyện X\nkind: criteria\nversion: 1\nid: f-huyen-x\n/);
    expect(text(plan, 'mo/2023/A/a.yaml')).toMatch(/^# yaml-language-server: \$schema=model\nkind: model\n/);
    expect(text(plan, 'ev/2023/A/a.pdf')).toBe('%PDF a');
  });

  it('replaces a schema line the file already has', () => {
    const files = new Map(opened.files);
    files.set('models/2023/A/a.yaml', strToU8(`# yaml-language-server: $schema=old\n${MODEL}`));
    expect(text(planImport(opened.manifest, files, target(), words), 'mo/2023/A/a.yaml')).toMatch(/^# yaml-language-server: \$schema=model\nkind: model\n/);
  });

  it('names the source by its name when it has no place, and keeps its commit', () => {
    const manifest = { ...opened.manifest, source: { name: 'Ban Chỉ đạo huyện X', commit: 'abc1234' } };
    const plan = planImport(manifest, opened.files, target(), words);
    expect(plan.frameworks[0]!.as).toBe('f-ban-chi-dao-huyen-x');
    expect(text(plan, 'mo/2023/A/a.yaml')).toContain('source:\n  name: Ban Chỉ đạo huyện X\n  level: huyen\n  date: 2023-12-26\n  commit: abc1234\n  file: models/2023/A/a.yaml\n');
    // A name with no letter or digit: a word of its own.
    expect(planImport({ ...manifest, source: { name: '…' } }, opened.files, target(), words).frameworks[0]!.as).toBe('f-nhap');
  });

  it('takes the year from the model, else from the manifest', () => {
    const files = new Map(opened.files);
    files.set('models/2023/A/a.yaml', strToU8(MODEL.replace('year: 2023', 'year: 2022')));
    expect(planImport(opened.manifest, files, target(), words).added[0]!.file).toBe('mo/2022/A/a.yaml');
    files.set('models/2023/A/a.yaml', strToU8(MODEL.replace('year: 2023', 'year: "2022"')));
    expect(planImport({ ...opened.manifest, year: 2021 }, files, target(), words).added[0]!.file).toBe('mo/2021/A/a.yaml');
  });

  it('shares a framework the workspace already has with the same content', () => {
    const plan = planImport(opened.manifest, opened.files, target({ frameworks: new Map([['f', { rel: 'cr/own.yaml', data: frameworkData }]]) }), words);
    expect(plan.frameworks).toEqual([{ id: 'f', as: 'f', file: 'cr/own.yaml', written: false }]);
    expect(plan.writes.map((w) => w.rel)).not.toContain('cr/f-huyen-x.yaml');
    expect(text(plan, 'as/2023/huyen/A-2023-01.yaml')).toContain('framework: f\n');
    // The workspace's own file is never written.
    expect(plan.writes.map((w) => w.rel)).not.toContain('cr/own.yaml');
  });

  it('carries a framework once for the several models scored with it', () => {
    const b = openBundle(bundle({
      models: ['A', 'B'].map((u) => ({
        id: `${u}-2023-01`, name: `Mô hình ${u}`, unit: { name: `UBND xã ${u}`, code: u, level: 'xa' }, total: '80.00', exemplary: false,
        file: u === 'A' ? 'models/2023/A/a.yaml' : 'models/2023/B/b.yaml', assessment: `assessments/2023/huyen/${u}-2023-01.yaml`, framework: 'f', evidence: [],
      })),
    }, [['models/2023/B/b.yaml', MODEL.replaceAll('A-2023-01', 'B-2023-01')], ['assessments/2023/huyen/B-2023-01.yaml', SHEET.replace('A-2023-01', 'B-2023-01')]]).bytes);
    if ('problem' in b) throw new Error(JSON.stringify(b.problem));
    const plan = planImport(b.manifest, b.files, target(), words);
    expect(plan.added.map((a) => a.id)).toEqual(['A-2023-01', 'B-2023-01']);
    expect(plan.frameworks).toEqual([{ id: 'f', as: 'f-huyen-x', file: 'cr/f-huyen-x.yaml', written: true }]);
    expect(plan.writes.filter((w) => w.rel.startsWith('cr/')).map((w) => w.rel)).toEqual(['cr/f-huyen-x.yaml']);
    expect(text(plan, 'as/2023/huyen/B-2023-01.yaml')).toContain('framework: f-huyen-x\n');
    // The second model's sheet is checked too.
    const files = new Map(b.files);
    files.set('assessments/2023/huyen/B-2023-01.yaml', strToU8(SHEET));
    expect(contentMismatch(b.manifest, files)).toEqual({ file: 'assessments/2023/huyen/B-2023-01.yaml', key: 'model' });
  });

  it('formats each file as its kind', () => {
    const plan = planImport(opened.manifest, opened.files, target({ format: (t, kind) => `${t}# ${kind}\n` }), words);
    expect(plan.writes.filter((w) => w.rel.endsWith('.yaml')).map((w) => [w.rel, strFromU8(w.bytes).split('\n').at(-2)]).sort()).toEqual([
      ['as/2023/huyen/A-2023-01.yaml', '# assessment'],
      ['cr/f-huyen-x.yaml', '# criteria'],
      ['mo/2023/A/a.yaml', '# model'],
    ]);
  });

  it('carries the model as it was sent, with its source and its evidence moved, nothing else', () => {
    const model = parse(text(planImport(opened.manifest, opened.files, target(), words), 'mo/2023/A/a.yaml')) as Record<string, unknown>;
    const sent = parse(MODEL) as Record<string, unknown>;
    expect(model).toEqual({
      ...sent,
      evidence: [{ file: 'ev/2023/A/a.pdf' }, { file: 'ev/2023/A/b.pdf' }],
      source: { name: 'Ban Chỉ đạo huyện X', place: 'Huyện X', level: 'huyen', date: '2023-12-26', file: 'models/2023/A/a.yaml' },
    });
  });

  it('carries a framework of the same id but other content under the place’s name, numbered when that is taken', () => {
    const other = { ...frameworkData, title: 'Khác' };
    const plan = planImport(opened.manifest, opened.files, target({ frameworks: new Map([['f', { rel: 'cr/f.yaml', data: other }], ['f-huyen-x', { rel: 'cr/x.yaml', data: { ...other, id: 'f-huyen-x' } }]]) }), words);
    expect(plan.frameworks).toEqual([{ id: 'f', as: 'f-huyen-x-2', file: 'cr/f-huyen-x-2.yaml', written: true }]);
    // The same framework carried in before: shared.
    const before = target({ frameworks: new Map([['f-huyen-x', { rel: 'cr/carried.yaml', data: { ...frameworkData, id: 'f-huyen-x' } }]]) });
    expect(planImport(opened.manifest, opened.files, before, words).frameworks).toEqual([{ id: 'f', as: 'f-huyen-x', file: 'cr/carried.yaml', written: false }]);
    // A file that is not a known framework holds the name: the next number.
    const taken = target({ read: (rel) => (rel === 'cr/f-huyen-x.yaml' ? strToU8('x') : undefined) });
    expect(planImport(opened.manifest, opened.files, taken, words).frameworks[0]!.file).toBe('cr/f-huyen-x-2.yaml');
  });

  it('skips a model imported before from the same source, or whose id is taken; and one whose file or sheet is there', () => {
    const again = target({ models: new Map([['A-2023-01', { rel: 'mo/a.yaml', source: { name: 'Ban Chỉ đạo huyện X', level: 'huyen', date: '2023-01-01' } }]]) });
    expect(planImport(opened.manifest, opened.files, again, words)).toMatchObject({ writes: [], skipped: [{ id: 'A-2023-01', reason: { code: 'imported', file: 'mo/a.yaml' } }] });
    const otherLevel = target({ models: new Map([['A-2023-01', { rel: 'mo/a.yaml', source: { name: 'Ban Chỉ đạo huyện X', level: 'xa', date: '2023-01-01' } }]]) });
    expect(planImport(opened.manifest, opened.files, otherLevel, words).skipped[0]!.reason).toEqual({ code: 'id-taken', file: 'mo/a.yaml' });
    const own = target({ models: new Map([['A-2023-01', { rel: 'mo/a.yaml' }]]) });
    expect(planImport(opened.manifest, opened.files, own, words).skipped[0]!.reason).toEqual({ code: 'id-taken', file: 'mo/a.yaml' });
    for (const rel of ['mo/2023/A/a.yaml', 'as/2023/huyen/A-2023-01.yaml']) {
      const there = target({ read: (r) => (r === rel ? strToU8('x') : undefined) });
      expect(planImport(opened.manifest, opened.files, there, words)).toMatchObject({ writes: [], skipped: [{ reason: { code: 'exists', file: rel } }] });
    }
  });
});

describe('planImport: what the written files hold', () => {
  const words = { carried: () => 'carried', history: () => 'history' };
  const target = importTarget;
  const opened = (files: Map<string, Uint8Array>) => {
    const o = openExample();
    return { manifest: o.manifest, files: new Map([...o.files, ...files]) };
  };

  it('drops a byte order mark, keeps long lines whole, and leaves an evidence item without a file as it is', () => {
    const name = `Mô hình ${'rất dài '.repeat(12).trim()}`;
    const text = `\uFEFF${MODEL.replace('name: Mô hình A', `name: ${name}`).replace('evidence:\n', 'evidence:\n  - { title: Ảnh }\n')}`;
    const { manifest, files } = opened(new Map([['models/2023/A/a.yaml', strToU8(text)]]));
    const model = strFromU8(planImport(manifest, files, target(), words).writes.find((w) => w.rel === 'models/2023/A/a.yaml')!.bytes);
    expect(model).toMatch(/^# yaml-language-server: \$schema=model\nkind: model\n/);
    expect(model).toContain(`\nname: ${name}\n`);
    expect(model).toContain('- { title: Ảnh }\n  - { file: evidence/2023/A/a.pdf }');
  });

  it('shares evidence whose bytes are already there, and still adds the model', () => {
    const { manifest, files } = opened(new Map());
    const plan = planImport(manifest, files, target({ read: (rel) => (rel === 'evidence/2023/A/b.pdf' ? strToU8('%PDF b') : undefined) }), words);
    expect(plan.added.map((a) => a.id)).toEqual(['A-2023-01']);
    expect(plan.writes.map((w) => w.rel)).toContain('evidence/2023/A/a.pdf');
    expect(plan.writes.map((w) => w.rel)).not.toContain('evidence/2023/A/b.pdf');
  });
});

describe('contentMismatch: each key the manifest vouches for', () => {
  const opened = openExample();
  it.each([
    ['criteria/f.yaml', FRAMEWORK.replace('id: f', 'id: g'), 'id'],
    ['criteria/f.yaml', FRAMEWORK.replace('kind: criteria', 'kind: model'), 'kind'],
    ['models/2023/A/a.yaml', MODEL.replace('id: A-2023-01', 'id: B-2023-01'), 'id'],
    ['models/2023/A/a.yaml', '- a\n', 'kind'],
    ['models/2023/A/a.yaml', 'x\n', 'YAML'],
    ['assessments/2023/huyen/A-2023-01.yaml', SHEET.replace('model: A-2023-01', 'model: B'), 'model'],
    ['assessments/2023/huyen/A-2023-01.yaml', SHEET.replace('framework: f', 'framework: g'), 'framework'],
    ['assessments/2023/huyen/A-2023-01.yaml', SHEET.replace('kind: assessment', 'kind: criteria'), 'kind'],
  ])('%s with another %s', (file, content, key) => {
    const files = new Map(opened.files);
    files.set(file, strToU8(content));
    expect(contentMismatch(opened.manifest, files)).toEqual({ file, key });
  });
});
