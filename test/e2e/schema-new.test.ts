// `dvk schema` (the JSON Schemas editors use) and `dvk new model` (a commented model file).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dvk, ROOT } from '../helpers.js';
import { baseWorkspace, caseWorkspace, expectNoStackTrace, parseReport, runOnTerminal } from './support.js';

const SCHEMAS = path.join(ROOT, 'schemas');

describe('dvk schema', () => {
  it('lists the schema names with their Vietnamese titles', async () => {
    const r = await dvk(['schema']);
    expect(r.exitCode).toBe(0);
    const out = String(r.stdout);
    for (const name of ['model', 'assessment', 'criteria', 'config', 'steps/register', 'steps/implement', 'steps/inspect', 'steps/review']) {
      expect(out).toMatch(new RegExp(`^${name.replace('/', '\\/')}\\s`, 'm'));
    }
    expect(out).toContain('Mô hình');
  });

  it('prints the model schema as JSON Schema 2020-12', async () => {
    const r = await dvk(['schema', 'model']);
    expect(r.exitCode).toBe(0);
    const schema = JSON.parse(String(r.stdout)) as { $schema: string; title: string; properties: Record<string, unknown> };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.properties).toHaveProperty('steps');
    // The same bytes as the file shipped in schemas/.
    expect(String(r.stdout)).toBe(fs.readFileSync(path.join(SCHEMAS, 'model.schema.json'), 'utf8'));
  });

  it('prints every listed schema as valid JSON', async () => {
    const list = String((await dvk(['schema'])).stdout)
      .split('\n')
      .filter(Boolean)
      .map((l) => l.split(/\s+/)[0]!);
    expect(list.length).toBeGreaterThanOrEqual(8);
    for (const name of list) {
      const r = await dvk(['schema', name]);
      expect(r.exitCode, name).toBe(0);
      expect((JSON.parse(String(r.stdout)) as { $schema: string }).$schema, name).toBe('https://json-schema.org/draft/2020-12/schema');
    }
  });

  it('an unknown name exits 2 with the list of names', async () => {
    const r = await dvk(['schema', 'mo-hinh']);
    expect(r.exitCode).toBe(2);
    expect(String(r.stdout)).toBe('');
    expect(String(r.stderr)).toContain('"mo-hinh"');
    expect(String(r.stderr)).toContain('model');
    expectNoStackTrace(String(r.stderr));
  });
});

// ---- Every property in every schema file has a Vietnamese title and description. ----

type Schema = Record<string, unknown>;

function loadSchemas(): Map<string, Schema> {
  const out = new Map<string, Schema>();
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith('.json')) out.set(path.relative(SCHEMAS, full).split(path.sep).join('/'), JSON.parse(fs.readFileSync(full, 'utf8')) as Schema);
    }
  };
  walk(SCHEMAS);
  return out;
}

/** Letters only Vietnamese uses among the Latin scripts: a title written in Vietnamese has at least one. */
const VIETNAMESE = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;

function missingTitles(): string[] {
  const files = loadSchemas();
  const isObject = (x: unknown): x is Schema => typeof x === 'object' && x !== null && !Array.isArray(x);

  const resolve = (ref: string, from: string): { node: Schema; file: string } | undefined => {
    const url = new URL(ref, `https://schemas.invalid/${from}`);
    const file = url.pathname.slice(1);
    let node: unknown = files.get(file);
    for (const seg of url.hash.slice(1).split('/').filter(Boolean)) {
      node = isObject(node) ? node[decodeURIComponent(seg).replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
    }
    return isObject(node) ? { node, file } : undefined;
  };

  /** A node's own title/description, or the one of the schema its `$ref` points at. */
  const text = (node: Schema, file: string, key: 'title' | 'description', depth = 0): string | undefined => {
    if (typeof node[key] === 'string') return node[key];
    if (typeof node.$ref === 'string' && depth < 20) {
      const target = resolve(node.$ref, file);
      return target && text(target.node, target.file, key, depth + 1);
    }
    return undefined;
  };

  const problems: string[] = [];
  const check = (node: Schema, file: string, where: string, base?: { node: Schema; file: string }) => {
    for (const key of ['title', 'description'] as const) {
      const value = text(node, file, key) ?? (base && text(base.node, base.file, key));
      if (!value?.trim()) problems.push(`${file}#${where}: no ${key}`);
      else if (!VIETNAMESE.test(value)) problems.push(`${file}#${where}: ${key} is not Vietnamese: ${value}`);
    }
  };

  const visit = (node: unknown, file: string, where: string) => {
    if (Array.isArray(node)) return node.forEach((n, i) => visit(n, file, `${where}/${i}`));
    if (!isObject(node)) return;
    if (isObject(node.properties)) {
      // A schema that refines another with `$ref` (the complete step schemas) inherits the
      // titles of the refined schema's properties.
      const refined = typeof node.$ref === 'string' ? resolve(node.$ref, file) : undefined;
      for (const [name, prop] of Object.entries(node.properties)) {
        if (!isObject(prop)) continue;
        const inherited = refined && isObject((refined.node.properties as Schema | undefined)?.[name])
          ? { node: (refined.node.properties as Schema)[name] as Schema, file: refined.file }
          : undefined;
        check(prop, file, `${where}/properties/${name}`, inherited);
      }
    }
    if (isObject(node.additionalProperties)) check(node.additionalProperties, file, `${where}/additionalProperties`);
    for (const [k, v] of Object.entries(node)) if (!['enum', 'const', 'examples', 'default'].includes(k)) visit(v, file, `${where}/${k}`);
  };

  for (const [file, schema] of files) {
    check(schema, file, '');
    visit(schema, file, '');
  }
  return problems;
}

describe('schemas are documented in Vietnamese', () => {
  it('every schema file is JSON Schema 2020-12 with an $id', () => {
    const files = loadSchemas();
    expect(files.size).toBeGreaterThanOrEqual(9);
    for (const [file, schema] of files) {
      expect(schema.$schema, file).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(schema.$id, file).toBe(file);
    }
  });

  it('every property has a Vietnamese title and description ($ref targets may supply them)', () => {
    expect(missingTitles()).toEqual([]);
  });
});

describe('dvk new model', () => {
  const args = ['new', 'model', '--name', 'Dân vận khéo trong xây dựng nông thôn mới', '--unit', 'Ủy ban nhân dân xã Bình Bảo', '--unit-code', 'BB', '--field', 'kinh-te'];

  const created = (ws: string) =>
    fs
      .readdirSync(path.join(ws, 'models'), { recursive: true, encoding: 'utf8' })
      .map((f) => f.split(path.sep).join('/'))
      .filter((f) => f.endsWith('.yaml') && !f.startsWith('2023/AA/'));

  it('writes a model that validates with no errors, a comment on every key line, and refuses to overwrite it', async () => {
    const ws = baseWorkspace();
    const first = await dvk(args, { cwd: ws });
    expectNoStackTrace(String(first.stdout) + String(first.stderr));
    expect(first.exitCode).toBe(0);
    const files = created(ws);
    expect(files).toHaveLength(1);
    const rel = `models/${files[0]!}`;
    // Config year 2023, unit code BB, id pattern KT-{year}-{unit}-{nn}.
    expect(rel).toMatch(/^models\/2023\/BB\/[a-z0-9-]+\.yaml$/);
    expect(String(first.stdout)).toContain(rel);
    expect(String(first.stdout)).toContain('KT-2023-BB-01');

    const file = path.join(ws, rel);
    const text = fs.readFileSync(file, 'utf8');
    expect(text === text.normalize('NFC')).toBe(true);
    expect(text).toContain('name: Dân vận khéo trong xây dựng nông thôn mới');
    expect(text).toMatch(/^id: KT-2023-BB-01\b/m);
    expect(text).toMatch(/^field: kinh-te\b/m);

    // Every line that holds a key (not a comment, not blank) explains it in a comment.
    const uncommented = text
      .split('\n')
      .map((line, i) => ({ line, n: i + 1 }))
      .filter(({ line }) => line.trim() !== '' && !line.trimStart().startsWith('#'))
      .filter(({ line }) => !/\s#\s?\S/.test(line));
    expect(uncommented.map(({ n, line }) => `${n}: ${line}`)).toEqual([]);

    // dvk accepts it: no errors; the only warnings are for the steps not filled in yet.
    const v = await dvk(['validate', '--format', 'json'], { cwd: ws });
    const report = parseReport(String(v.stdout));
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(report.diagnostics.every((d) => d.rule === 'step-incomplete' && d.file === rel)).toBe(true);
    expect(v.exitCode).toBe(0);

    // The same call again refuses, exit 2, and leaves the file alone.
    const before = fs.statSync(file);
    const second = await dvk(args, { cwd: ws });
    expect(second.exitCode).toBe(2);
    expectNoStackTrace(String(second.stdout) + String(second.stderr));
    expect(String(second.stderr)).toMatch(/^Lỗi: /m);
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
    expect(fs.statSync(file).mtimeMs).toBe(before.mtimeMs);
    expect(created(ws)).toEqual(files);
  });

  it('takes a file name and -C', async () => {
    const ws = baseWorkspace();
    const r = await dvk(['-C', ws, ...args, 'models/2023/BB/moi.yaml']);
    expect(r.exitCode).toBe(0);
    expect(fs.existsSync(path.join(ws, 'models/2023/BB/moi.yaml'))).toBe(true);
    const again = await dvk(['-C', ws, ...args, '--id', 'KT-2023-BB-09', 'models/2023/BB/moi.yaml']);
    expect(again.exitCode).toBe(2);
  });

  it('refuses an id that is already taken', async () => {
    const r = await dvk([...args, '--id', 'KT-2023-AA-01'], { cwd: baseWorkspace() });
    expect(r.exitCode).toBe(2);
    expect(String(r.stderr)).toContain('KT-2023-AA-01');
    expectNoStackTrace(String(r.stderr));
  });

  it('off a terminal, a missing --name, --unit or --field is a usage error naming them; nothing is written', async () => {
    const ws = baseWorkspace();
    const r = await dvk(['new', 'model', '--unit', 'Ủy ban nhân dân xã Bình Bảo'], { cwd: ws });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('Lỗi: Thiếu --name và --field:');
    expect(r.stderr).toContain('dvk new model --name');
    expect(created(ws)).toEqual([]);
  });

  it('on a terminal, asks for what is missing, with the defaults shown, and writes no placeholder', async () => {
    const ws = baseWorkspace();
    const answers = ['Dân vận khéo trong hiến đất mở đường', 'Ủy ban nhân dân xã Bình Bảo', '', 'nông nghiệp', '1', '', '', ''];
    const { code, out } = await runOnTerminal(['-C', ws, 'new', 'model'], { answers });
    expect(code, out).toBe(0);
    expect(out).toContain('Tên mô hình: ');
    expect(out).toContain('Mã ngắn của đơn vị, dùng trong mã mô hình [UBNDXBB]: ');
    expect(out).toContain('Chưa dùng được "nông nghiệp"; ghi lại.');
    expect(out).toContain('Cấp của đơn vị (xa, huyen, tinh, trung-uong) [xa]: ');
    expect(out).toContain('Năm thực hiện [2023]: ');
    expect(created(ws)).toEqual(['2023/UBNDXBB/dan-van-kheo-trong-hien-dat-mo-duong.yaml']);
    const text = fs.readFileSync(path.join(ws, 'models/2023/UBNDXBB/dan-van-kheo-trong-hien-dat-mo-duong.yaml'), 'utf8');
    expect(text).toMatch(/^name: Dân vận khéo trong hiến đất mở đường /m);
    expect(text).toMatch(/^field: kinh-te /m);
    expect(text).toMatch(/^ {2}name: Ủy ban nhân dân xã Bình Bảo /m);
    const v = parseReport((await dvk(['validate', '--format', 'json'], { cwd: ws })).stdout);
    expect(v.diagnostics.filter((d) => d.rule === 'placeholder')).toEqual([]);
  });

  it('on a terminal, the end of input before an answer writes nothing', async () => {
    const ws = baseWorkspace();
    const { code, err } = await runOnTerminal(['-C', ws, 'new', 'model'], { answers: ['Dân vận khéo trong hiến đất mở đường'] });
    expect(code).toBe(2);
    expect(err).toContain('Thiếu --unit và --field');
    expect(created(ws)).toEqual([]);
  });

  it('with a broken dvk.config.yaml, refuses (exit 2) instead of silently using the defaults', async () => {
    // config-unknown-key misspells `year`; without the config dvk would use this year and the
    // default id pattern, writing a model the workspace did not ask for.
    const ws = await caseWorkspace('config-unknown-key');
    const r = await dvk(args, { cwd: ws });
    expectNoStackTrace(String(r.stdout) + String(r.stderr));
    expect(String(r.stderr)).toContain('dvk.config.yaml');
    expect(r.exitCode).toBe(2);
    expect(created(ws)).toEqual([]);
  });
});
