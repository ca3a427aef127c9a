// Data that names a key JavaScript objects inherit (constructor, valueOf, __proto__…) is data
// like any other: own-property checks everywhere.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { paragraphs, parts } from '../docx.js';
import { dvk, EXAMPLE, workspaceFrom } from '../helpers.js';
import { expectNoStackTrace, parseReport } from './support.js';

describe('inherited property names (issue 9, defect 8)', () => {
  it('a criterion named valueOf, toString or constructor that a sheet lacks is a missing score, not a crash', async () => {
    const dir = workspaceFrom(EXAMPLE);
    const framework = path.join(dir, 'criteria/vd-100-diem.yaml');
    const text = fs.readFileSync(framework, 'utf8');
    // Three criteria renamed: every score sheet now lacks them.
    fs.writeFileSync(framework, text.replace(/id: C1\.1$/m, 'id: valueOf').replace(/id: C1\.2$/m, 'id: toString').replace(/id: C2\.1$/m, 'id: constructor'));
    expect(fs.readFileSync(framework, 'utf8')).toContain('id: constructor\n');
    const v = await dvk(['validate', '--format', 'json'], { cwd: dir });
    expect(v.exitCode).toBe(1);
    const missing = parseReport(v.stdout).diagnostics.filter((d) => d.rule === 'missing-score');
    expect(missing.length).toBeGreaterThan(0);
    expect(missing[0]!.message).toMatch(/valueOf.*toString.*constructor|constructor.*toString.*valueOf|valueOf/);
    for (const args of [['score'], ['decide', '--level', 'huyen', '--year', '2023']]) {
      const r = await dvk(args, { cwd: dir });
      expect(r.exitCode, r.stderr).toBe(1);
      expectNoStackTrace(r.stderr);
    }
  });

  it('fmt keeps a key constructor: or __proto__: holding a mapping', async () => {
    const dir = workspaceFrom(EXAMPLE);
    const file = path.join(dir, 'models/2023/CA/camera-an-ninh.yaml');
    fs.appendFileSync(file, 'constructor:\n  a: 1\n__proto__:\n  b: 2\n');
    const r = await dvk(['fmt', 'models/2023/CA/camera-an-ninh.yaml'], { cwd: dir });
    expect(r.exitCode, r.stderr).toBe(0);
    expectNoStackTrace(r.stderr);
    expect(r.stdout).toMatch(/^constructor:\n {2}a: 1\n__proto__:\n {2}b: 2\n/m);
  });

  it('fmt --write rewrites a file with a key __proto__: holding a mapping (its data is compared as data)', async () => {
    const dir = workspaceFrom(EXAMPLE);
    const file = path.join(dir, 'models/2023/CA/camera-an-ninh.yaml');
    // Spaced oddly, so that the file needs rewriting and the before/after check runs.
    fs.appendFileSync(file, '__proto__:\n  b:    2\n');
    const r = await dvk(['fmt', '--write', 'models/2023/CA/camera-an-ninh.yaml'], { cwd: dir });
    expect(r.exitCode, r.stderr).toBe(0);
    expectNoStackTrace(r.stderr);
    expect(fs.readFileSync(file, 'utf8')).toMatch(/^__proto__:\n {2}b: 2\n/m);
  });

  it('a {constructor} or {toString} in a configured text is left as written, not filled with a function', async () => {
    const dir = workspaceFrom(EXAMPLE);
    const config = path.join(dir, 'dvk.config.yaml');
    const text = fs.readFileSync(config, 'utf8');
    fs.writeFileSync(config, text.replace(/^ {2}bases:\n/m, '  bases:\n    - Căn cứ {constructor} và {toString} năm {year};\n'));
    expect(fs.readFileSync(config, 'utf8')).toContain('{constructor}');
    const out = path.join(dir, 'qd.docx');
    const r = await dvk(['decide', '--level', 'huyen', '--year', '2023', '-o', 'qd.docx'], { cwd: dir });
    expect(r.exitCode, r.stderr).toBe(0);
    const body = paragraphs(parts(out)['word/document.xml']!);
    expect(body).toContain('Căn cứ {constructor} và {toString} năm 2023;');
  });
});
