// `dvk fmt`: lists (--check), rewrites (--write) or prints files in their canonical form; keeps
// comments and data; never touches a file without --write, nor a file it cannot read.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Lexer } from 'yaml';
import { dvk, EXAMPLE, workspaceFrom, writeFile } from '../helpers.js';
import { baseWorkspace, caseWorkspace, expectNoStackTrace } from './support.js';

/** Every file of a folder, by relative path, as bytes. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (sub: string) => {
    for (const e of fs.readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${e.name}` : e.name;
      if (e.isDirectory()) walk(rel);
      else out.set(rel, fs.readFileSync(path.join(dir, rel)).toString('base64'));
    }
  };
  walk('');
  return out;
}

function yamlTexts(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [rel] of snapshot(dir)) if (rel.endsWith('.yaml')) out.set(rel, fs.readFileSync(path.join(dir, rel), 'utf8'));
  return out;
}

/** The comments of a YAML text (comment tokens, not `#` inside text). */
const comments = (text: string) => [...new Lexer().lex(text)].filter((t) => t.startsWith('#')).map((t) => t.trim());
/** Lines that are only a comment. */
const commentLines = (text: string) => text.split(/\r?\n/).filter((l) => /^\s*#/.test(l)).length;
const listed = (stdout: string) => stdout.split('\n').filter(Boolean);

const CANONICAL = [
  '# yaml-language-server: $schema=../../../../schemas/model.schema.json',
  'kind: model',
  'version: 1',
  'id: KT-2023-BB-01',
  'name: Dân vận khéo trong xây dựng nông thôn mới # tên đầy đủ',
  'type: collective',
  'field: kinh-te',
  'year: 2023',
  "unit: { name: Ủy ban nhân dân xã Bình Bảo, code: '00123', level: xa }",
  'steps:',
  '  register:',
  '    date: 2023-03-15',
  '    problem: >-',
  '      Nhiều tuyến đường trong xã xuống cấp, nhân dân đi lại khó khăn, nhất là vào mùa mưa; một số',
  '      thôn chưa có nhà văn hóa.',
  '    goals:',
  '      - Bê tông hóa 5 km đường thôn',
  '',
].join('\n');

/** The same model with keys out of order, a quoted date and id, and an unfolded long text. */
const SHUFFLED = [
  '# yaml-language-server: $schema=../../../../schemas/model.schema.json',
  'version: 1',
  'kind: model',
  'steps:',
  '  register:',
  '    goals:',
  '      - Bê tông hóa 5 km đường thôn',
  '    problem: Nhiều tuyến đường trong xã xuống cấp, nhân dân đi lại khó khăn, nhất là vào mùa mưa; một số thôn chưa có nhà văn hóa.',
  "    date: '2023-03-15'",
  'name: Dân vận khéo trong xây dựng nông thôn mới # tên đầy đủ',
  'id: "KT-2023-BB-01"',
  'field: kinh-te',
  'type: collective',
  'year: 2023',
  "unit: { level: xa, code: '00123', name: Ủy ban nhân dân xã Bình Bảo }",
  '',
].join('\n');

/** A workspace where every file is already canonical. */
async function canonicalWorkspace(): Promise<string> {
  const ws = baseWorkspace();
  const r = await dvk(['fmt', '--write'], { cwd: ws });
  expect(r.exitCode).toBe(0);
  writeFile(ws, 'models/2023/BB/nong-thon-moi.yaml', CANONICAL);
  return ws;
}

describe('dvk fmt --check', () => {
  it('exits 0 and lists nothing when every file is canonical', async () => {
    const ws = await canonicalWorkspace();
    const r = await dvk(['fmt', '--check'], { cwd: ws });
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^✔ \d+ tệp đã đúng định dạng\.\n$/);
    expect(r.exitCode).toBe(0);
  });

  it('lists files out of order, in NFD, with CRLF or a BOM, exits 1 and changes nothing', async () => {
    const ws = await canonicalWorkspace();
    writeFile(ws, 'models/2023/BB/a-thu-tu.yaml', SHUFFLED);
    writeFile(ws, 'models/2023/BB/b-nfd.yaml', CANONICAL.normalize('NFD'));
    writeFile(ws, 'models/2023/BB/c-crlf.yaml', CANONICAL.replace(/\n/g, '\r\n'));
    writeFile(ws, 'models/2023/BB/d-bom.yaml', `\uFEFF${CANONICAL}`);
    writeFile(ws, 'models/2023/BB/e-no-final-newline.yaml', CANONICAL.trimEnd());
    const before = snapshot(ws);
    const r = await dvk(['fmt', '--check'], { cwd: ws });
    expect(listed(r.stdout)).toEqual([
      'models/2023/BB/a-thu-tu.yaml',
      'models/2023/BB/b-nfd.yaml',
      'models/2023/BB/c-crlf.yaml',
      'models/2023/BB/d-bom.yaml',
      'models/2023/BB/e-no-final-newline.yaml',
    ]);
    expect(r.stderr).toContain('5/');
    expect(r.stderr).toContain('dvk fmt --write');
    expect(r.exitCode).toBe(1);
    expect(snapshot(ws)).toEqual(before);
  });

  it('narrows to the named paths, relative to the current folder', async () => {
    const ws = await canonicalWorkspace();
    writeFile(ws, 'models/2023/BB/a-thu-tu.yaml', SHUFFLED);
    writeFile(ws, 'criteria/g.yaml', 'id: g\nkind: criteria\n');
    const r = await dvk(['fmt', '--check', 'BB'], { cwd: path.join(ws, 'models/2023') });
    expect(listed(r.stdout)).toEqual(['BB/a-thu-tu.yaml']);
    expect(r.exitCode).toBe(1);
  });

  it('with several files and neither option, behaves like --check', async () => {
    const ws = await canonicalWorkspace();
    writeFile(ws, 'models/2023/BB/a-thu-tu.yaml', SHUFFLED);
    const before = snapshot(ws);
    const r = await dvk(['fmt'], { cwd: ws });
    expect(listed(r.stdout)).toEqual(['models/2023/BB/a-thu-tu.yaml']);
    expect(r.exitCode).toBe(1);
    expect(snapshot(ws)).toEqual(before);
  });

  it('refuses --check with --write (exit 2)', async () => {
    const r = await dvk(['fmt', '--check', '--write'], { cwd: baseWorkspace() });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('--check');
    expectNoStackTrace(r.stderr);
  });
});

describe('dvk fmt --write', () => {
  it('rewrites the files that differ, lists them, and a second --check passes', async () => {
    const ws = await canonicalWorkspace();
    writeFile(ws, 'models/2023/BB/a-thu-tu.yaml', SHUFFLED);
    writeFile(ws, 'models/2023/BB/b-nfd.yaml', CANONICAL.normalize('NFD').replace(/\n/g, '\r\n'));
    const untouched = fs.statSync(path.join(ws, 'criteria/f.yaml')).mtimeMs;
    const r = await dvk(['fmt', '--write'], { cwd: ws });
    expect(listed(r.stdout)).toEqual(['models/2023/BB/a-thu-tu.yaml', 'models/2023/BB/b-nfd.yaml']);
    expect(r.stderr).toContain('2/');
    expect(r.exitCode).toBe(0);
    expect(fs.readFileSync(path.join(ws, 'models/2023/BB/a-thu-tu.yaml'), 'utf8')).toBe(CANONICAL);
    expect(fs.readFileSync(path.join(ws, 'models/2023/BB/b-nfd.yaml'), 'utf8')).toBe(CANONICAL);
    expect(fs.statSync(path.join(ws, 'criteria/f.yaml')).mtimeMs).toBe(untouched);
    // No temporary files left behind.
    expect([...snapshot(ws).keys()].filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const again = await dvk(['fmt', '--check'], { cwd: ws });
    expect(again.stdout).toBe('');
    expect(again.exitCode).toBe(0);
  });

  it('on a copy of the example workspace: same scores, same diagnostics, every comment kept, idempotent', async () => {
    const ws = workspaceFrom(EXAMPLE);
    fs.rmSync(path.join(ws, 'out'), { recursive: true, force: true });
    const [score1, validate1] = await Promise.all([dvk(['score', '--format', 'json'], { cwd: ws }), dvk(['validate', '--format', 'json'], { cwd: ws })]);
    // The examples are in canonical form: undo it the ways people write by hand (score maps on
    // one line, CRLF line ends, decomposed Vietnamese), then let fmt restore it.
    for (const [file, text] of yamlTexts(ws)) {
      let messy = text.replace(/scores:\n((?: {6}\S+: [\d.]+\n)+)/g, (_, block: string) => `scores: { ${block.trim().split(/\n\s*/).join(', ')} }\n`);
      if (file.includes('/HM/')) messy = messy.normalize('NFD');
      fs.writeFileSync(path.join(ws, file), messy.replace(/\n/g, '\r\n'));
    }
    const before = yamlTexts(ws);

    const r = await dvk(['fmt', '--write'], { cwd: ws });
    expect(r.exitCode).toBe(0);
    expectNoStackTrace(r.stderr);
    expect(listed(r.stdout).length).toBeGreaterThan(0);

    const after = yamlTexts(ws);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [file, text] of before) {
      const out = after.get(file)!;
      expect(comments(out).sort(), file).toEqual(comments(text).sort());
      expect(commentLines(out), file).toBe(commentLines(text));
    }
    const [score2, validate2] = await Promise.all([dvk(['score', '--format', 'json'], { cwd: ws }), dvk(['validate', '--format', 'json'], { cwd: ws })]);
    expect(score2.exitCode).toBe(score1.exitCode);
    expect(JSON.parse(score2.stdout)).toEqual(JSON.parse(score1.stdout));
    expect(validate2.exitCode).toBe(validate1.exitCode);
    expect(JSON.parse(validate2.stdout)).toEqual(JSON.parse(validate1.stdout));

    const again = await dvk(['fmt', '--check'], { cwd: ws });
    expect(again.stdout).toBe('');
    expect(again.exitCode).toBe(0);
    const third = await dvk(['fmt', '--write'], { cwd: ws });
    expect(third.stdout).toBe('');
    expect(yamlTexts(ws)).toEqual(after);
    // Seven runs of dvk: more than the default ceiling on a loaded machine.
  }, 120_000);

  it('keeps every comment of a commented file, and their places', async () => {
    const ws = await canonicalWorkspace();
    const text = [
      '# yaml-language-server: $schema=../../../../schemas/model.schema.json',
      '# Mô hình đăng ký năm 2023 (a file comment: a blank line follows it)',
      '',
      'version: 1 # phiên bản',
      'kind: model',
      '# mã do Ban Dân vận cấp',
      'id: KT-2023-BB-02',
      'steps: # các bước',
      '  # bước 2',
      '  implement:',
      '    activities:',
      '      - { title: Hội nghị, date: 2023-04-10 } # hoạt động đầu tiên',
      '  # bước 1',
      '  register:',
      '    date: 2023-03-15',
      '# hết',
      '',
    ].join('\n');
    writeFile(ws, 'models/2023/BB/chu-thich.yaml', text);
    const r = await dvk(['fmt', '--write'], { cwd: ws });
    expect(r.exitCode).toBe(0);
    const out = fs.readFileSync(path.join(ws, 'models/2023/BB/chu-thich.yaml'), 'utf8');
    expect(comments(out).sort()).toEqual(comments(text).sort());
    expect(commentLines(out)).toBe(commentLines(text));
    expect(out).toBe([
      '# yaml-language-server: $schema=../../../../schemas/model.schema.json',
      '# Mô hình đăng ký năm 2023 (a file comment: a blank line follows it)',
      '',
      'kind: model',
      'version: 1 # phiên bản',
      '# mã do Ban Dân vận cấp',
      'id: KT-2023-BB-02',
      'steps: # các bước',
      '  # bước 1',
      '  register:',
      '    date: 2023-03-15',
      '  # bước 2',
      '  implement:',
      '    activities:',
      '      - { date: 2023-04-10, title: Hội nghị } # hoạt động đầu tiên',
      '',
      '# hết',
      '',
    ].join('\n'));
  });

  it('reports a file with a YAML syntax error, leaves it as it is, formats the others, exits 1', async () => {
    const ws = await caseWorkspace('yaml-bad-indent');
    const bad = path.join(ws, 'models/2023/BB/nong-thon-moi.yaml');
    const badBefore = fs.readFileSync(bad);
    writeFile(ws, 'models/2023/BB/a-thu-tu.yaml', SHUFFLED);
    const r = await dvk(['fmt', '--write'], { cwd: ws });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('models/2023/BB/nong-thon-moi.yaml');
    expect(r.stderr).toMatch(/\d+:\d+\s+lỗi\s+.*yaml-syntax/);
    // The run fails: no ✔, and the last line says why.
    expect(r.stderr).not.toContain('✔');
    expect(r.stderr.trimEnd().split('\n').at(-1)).toBe('Bỏ qua 1 tệp có lỗi; sửa các lỗi trên rồi chạy lại "dvk fmt".');
    expectNoStackTrace(r.stderr);
    expect(fs.readFileSync(bad)).toEqual(badBefore);
    expect(listed(r.stdout)).toContain('models/2023/BB/a-thu-tu.yaml');
    expect(fs.readFileSync(path.join(ws, 'models/2023/BB/a-thu-tu.yaml'), 'utf8')).toBe(CANONICAL);
  });

  it('skips a named file that is not a dvk file, with a located message', async () => {
    const ws = await canonicalWorkspace();
    writeFile(ws, 'ci.yaml', 'on: push\njobs: {}\n');
    const before = snapshot(ws);
    const r = await dvk(['fmt', '--write', 'ci.yaml'], { cwd: ws });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('file-unknown-kind');
    expect(r.stdout).toBe('');
    expect(snapshot(ws)).toEqual(before);
  });
});

describe('dvk fmt <file>', () => {
  it('prints one named file formatted and leaves it as it is', async () => {
    const ws = await canonicalWorkspace();
    const file = writeFile(ws, 'models/2023/BB/a-thu-tu.yaml', SHUFFLED);
    const r = await dvk(['fmt', 'models/2023/BB/a-thu-tu.yaml'], { cwd: ws });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(CANONICAL);
    expect(r.stderr).toBe('');
    expect(fs.readFileSync(file, 'utf8')).toBe(SHUFFLED);
  });

  it('prints nothing and exits 1 for a file with a syntax error', async () => {
    const ws = await caseWorkspace('yaml-bad-indent');
    const r = await dvk(['fmt', 'models/2023/BB/nong-thon-moi.yaml'], { cwd: ws });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('yaml-syntax');
  });

  it('speaks English with --lang en', async () => {
    const ws = await canonicalWorkspace();
    writeFile(ws, 'models/2023/BB/a-thu-tu.yaml', SHUFFLED);
    const r = await dvk(['--lang', 'en', 'fmt', '--check'], { cwd: ws });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^1 of \d+ files is not formatted; run "dvk fmt --write" to fix them\.\n$/);
  });
});

describe('dvk fmt - (standard input)', () => {
  it('prints the formatted text of standard input, named and typed by --stdin-filename, as format-on-save expects', async () => {
    const ws = await canonicalWorkspace();
    const r = await dvk(['fmt', '-', '--stdin-filename', 'models/2023/BB/a-thu-tu.yaml'], { cwd: ws, input: SHUFFLED });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toBe(CANONICAL);
    expect(fs.existsSync(path.join(ws, 'models/2023/BB/a-thu-tu.yaml'))).toBe(false);
    // A config needs no `kind:`: its name says what it is.
    const config = await dvk(['fmt', '-', '--stdin-filename', 'dvk.config.yaml'], { cwd: ws, input: 'year: 2023\nversion: 1\nkind: config\n' });
    expect(config.stdout).toBe('kind: config\nversion: 1\nyear: 2023\n');
    // An error names the file it stands for.
    const bad = await dvk(['fmt', '-', '--stdin-filename', 'models/2023/BB/x.yaml'], { cwd: ws, input: 'kind: model\nname: a: b\n' });
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toContain('models/2023/BB/x.yaml');
    expect((await dvk(['fmt', '--write', '-'], { cwd: ws, input: SHUFFLED })).exitCode).toBe(2);
  });
});
