// Where dvk looks and what paths it prints: -C and path arguments that do not exist, paths in
// CI formats counted from the repository's top, and `dvk init` inside an existing repository.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands/index.js';
import { dvk, EXAMPLE, tempDir } from '../helpers.js';
import { misspell } from './support.js';

/** Arguments a command needs before it gets to its folder. */
const REQUIRED: Record<string, string[]> = { diff: ['HEAD'], import: ['dang-ky.csv'], new: ['model'], form: ['register'], completion: ['bash'] };
/** Commands whose arguments are files or folders to read. */
const READS_PATHS: Record<string, string[]> = {
  validate: ['khong-co.yaml'],
  status: ['khong-co'],
  score: ['models/khong-co'],
  fmt: ['khong-co.yaml'],
  import: ['khong-co.xlsx'],
};

function gitRepo(): { top: string; git: (...args: string[]) => string } {
  const top = tempDir('dvk-repo-');
  const git = (...args: string[]) => execFileSync('git', args, { cwd: top, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  return { top, git };
}

describe('a folder or path that does not exist', () => {
  it.each(COMMANDS.map((c) => c.name))('dvk -C <missing> %s: a usage error that names it, nothing written', async (name) => {
    const parent = tempDir();
    const missing = path.join(parent, 'khong-co');
    const r = await dvk(['-C', missing, name, ...(REQUIRED[name] ?? [])]);
    expect(r.exitCode, r.stdout + r.stderr).toBe(2);
    expect(r.stderr).toContain(`Không tìm thấy "${missing}"`);
    expect(fs.readdirSync(parent)).toEqual([]);
  });

  it('-C naming a file is a usage error too', async () => {
    const r = await dvk(['-C', 'package.json', 'validate']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('"package.json" không phải là thư mục');
  });

  it.each(Object.entries(READS_PATHS))('dvk %s <missing path>: a usage error that names it', async (name, args) => {
    const ws = tempDir();
    fs.cpSync(EXAMPLE, ws, { recursive: true });
    const r = await dvk([name, ...args], { cwd: ws });
    expect(r.exitCode, r.stdout + r.stderr).toBe(2);
    expect(r.stderr).toContain(`Không tìm thấy "${args[0]}"`);
  });
});

describe('paths in CI formats count from the top of the git repository', () => {
  it('dvk -C sub/ws validate from the top: github, sarif and junit name sub/ws/…; stylish and json name paths from the workspace', async () => {
    const { top } = gitRepo();
    const ws = path.join(top, 'sub', 'ws');
    fs.cpSync(EXAMPLE, ws, { recursive: true });
    const { file, line, column } = misspell(ws);
    const from = (format: string) => dvk(['-C', 'sub/ws', 'validate', '--format', format], { cwd: top });
    const github = await from('github');
    expect(github.exitCode).toBe(1);
    expect(github.stdout).toContain(`::error file=sub/ws/${file},line=${line},col=${column},`);
    const sarif = JSON.parse((await from('sarif')).stdout);
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe(`sub/ws/${file}`);
    expect((await from('junit')).stdout).toContain(`<testsuite name="sub/ws/${file}"`);
    const json = JSON.parse((await from('json')).stdout);
    expect(json.diagnostics[0].file).toBe(file);
    expect((await from('stylish')).stdout).toMatch(new RegExp(`^${file}$`, 'm'));
    // From inside the workspace, the same paths from the top.
    expect((await dvk(['validate', '--format', 'github'], { cwd: ws })).stdout).toContain(`::error file=sub/ws/${file},`);
  });
});

describe('dvk init inside an existing repository', () => {
  it('puts the workflow, CODEOWNERS and the pre-commit config at the top, with paths from there, and never replaces one', async () => {
    const { top } = gitRepo();
    fs.mkdirSync(path.join(top, '.github'));
    fs.writeFileSync(path.join(top, '.github', 'CODEOWNERS'), '* @ca-kho\n');
    const r = await dvk(['init', 'sub/ws', '--year', '2025', '--force'], { cwd: top });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toContain('.github/workflows/dvk.yml và .pre-commit-config.yaml được đặt ở gốc kho git');
    // CODEOWNERS is the repository's: untouched, with the lines to add printed.
    expect(fs.readFileSync(path.join(top, '.github', 'CODEOWNERS'), 'utf8')).toBe('* @ca-kho\n');
    expect(r.stdout).toContain('Cảnh báo: .github/CODEOWNERS đã có ở gốc kho git; dvk không ghi đè.');
    expect(r.stdout).toMatch(/^ {4}\/sub\/ws\/assessments\/ @ten-to-chuc\/ban-chi-dao$/m);
    for (const f of ['.github/workflows/dvk.yml', '.github/CODEOWNERS', '.pre-commit-config.yaml']) {
      expect(fs.existsSync(path.join(top, 'sub/ws', f)), f).toBe(false);
    }
    expect(fs.readFileSync(path.join(top, '.github/workflows/dvk.yml'), 'utf8')).toMatch(/^ {8}working-directory: 'sub\/ws'$/m);
    const hooks = fs.readFileSync(path.join(top, '.pre-commit-config.yaml'), 'utf8');
    expect(hooks).toContain("args: [-C, 'sub/ws']");
    const files = new RegExp(/files: '(.*)'/.exec(hooks)![1]!);
    expect(files.test('sub/ws/models/2025/MAU/mau.yaml')).toBe(true);
    expect(files.test('sub/ws/dvk.config.yaml')).toBe(true);
    expect(files.test('models/2025/MAU/mau.yaml')).toBe(false);
    expect(files.test('sub/ws/out/bao-cao.yaml')).toBe(false);
    // The workspace validates; a second init leaves the top's files alone even with --force.
    expect((await dvk(['-C', 'sub/ws', 'validate'], { cwd: top })).exitCode).toBe(0);
    fs.writeFileSync(path.join(top, '.pre-commit-config.yaml'), 'repos: []\n');
    const again = await dvk(['init', 'sub/ws', '--year', '2025', '--force'], { cwd: top });
    expect(again.exitCode).toBe(0);
    expect(fs.readFileSync(path.join(top, '.pre-commit-config.yaml'), 'utf8')).toBe('repos: []\n');
    expect(again.stdout).toContain('pre-commit chỉ đọc tệp ở gốc kho; thêm vào danh sách repos: của tệp đó mục sau:');
    expect(again.stdout).toMatch(/^ {4} {2}- repo: \S+$/m);
  });
});
