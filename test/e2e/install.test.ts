// dvk outside its own clone, as README's "Install" section says: the package's file list, an
// install from the packed tarball and from a git URL with a release tag (each into a temporary
// --prefix, run in a folder outside the clone), the pre-commit hooks run by the real pre-commit,
// and the steps of the CI workflow that `dvk init` writes, run with bash.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { dvk, EXAMPLE, ROOT, tempDir } from '../helpers.js';
import { misspell } from './support.js';

const VERSION = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const TAG = `v${VERSION}`;
const LONG = { timeout: 600_000 };

// npm from its cache where it can (CI has run `npm ci`), without the noise; git commits with a
// name, whatever the machine's configuration.
const ENV = {
  npm_config_prefer_offline: 'true',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
  npm_config_loglevel: 'error',
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.org',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.org',
  NO_COLOR: '1',
};

const sh = (cmd: string, args: string[], cwd: string, env: Record<string, string> = {}) =>
  execa(cmd, args, { cwd, env: { ...ENV, ...env }, reject: false, all: true });
const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...ENV } }).trim();

/** A new, empty git repository. */
function newRepo(): string {
  const dir = tempDir('dvk-repo-');
  git(dir, 'init', '-q', '-b', 'main');
  return dir;
}

/** A git repository with one commit of what `files` holds. */
function repoWith(files: (dir: string) => void): string {
  const dir = newRepo();
  files(dir);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'Khởi tạo');
  return dir;
}

// Installed packages: many files, removed with more time than helpers.ts gives its clean-up.
const prefixes: string[] = [];
afterAll(() => {
  for (const dir of prefixes.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}, 300_000);
function prefixDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvk-prefix-'));
  prefixes.push(dir);
  return dir;
}

/** npm install --global into a fresh prefix; returns the dvk it installed. */
async function install(spec: string): Promise<string> {
  const prefix = prefixDir();
  const r = await sh('npm', ['install', '--global', '--prefix', prefix, spec], tempDir());
  expect(r.exitCode, r.all).toBe(0);
  return path.join(prefix, 'bin', 'dvk');
}

/** An installed dvk at work in a folder outside the clone: init, validate, score, schema. */
async function worksOutside(bin: string): Promise<void> {
  const dir = tempDir('dvk-outside-');
  expect(path.relative(ROOT, dir)).toMatch(/^\.\./);
  const run = (...args: string[]) => sh(bin, args, dir);
  expect((await run('--version')).stdout.trim()).toBe(VERSION);
  const init = await run('init', 'kho', '--year', '2025');
  expect(init.exitCode, init.all).toBe(0);
  const validate = await run('-C', 'kho', 'validate');
  expect(validate.exitCode, validate.all).toBe(0);
  // A fresh `dvk init`: no error, the config's fill-ins as warnings.
  expect(validate.stdout).toContain('0 lỗi, 3 cảnh báo trong');
  expect((await run('-C', 'kho', 'score')).exitCode).toBe(0);
  expect(JSON.parse((await run('schema', 'model')).stdout).title).toBe('Mô hình "Dân vận khéo"');
}

let tarball: string;
let origin: string;

beforeAll(async () => {
  // The tarball, packed from this checkout as it is built (npm test builds first).
  const packs = tempDir('dvk-pack-');
  const pack = await sh('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', packs], ROOT);
  expect(pack.exitCode, pack.stderr).toBe(0);
  tarball = path.join(packs, (JSON.parse(pack.stdout) as { filename: string }[])[0]!.filename);
  // "The dvk repository": main and the release tag that `npm run release` makes.
  const release = await sh('node', ['scripts/release.mjs', '--no-build', '--no-tag', '--allow-dirty'], ROOT);
  expect(release.exitCode, release.all).toBe(0);
  origin = path.join(tempDir('dvk-origin-'), 'dvk.git');
  git(ROOT, 'init', '-q', '--bare', origin);
  git(ROOT, 'push', '-q', origin, `HEAD:refs/heads/main`, `${release.stdout.trim()}:refs/tags/${TAG}`);
  git(origin, 'symbolic-ref', 'HEAD', 'refs/heads/main');
}, 300_000);

describe('the npm package', () => {
  it('holds the built JavaScript, the generated validators, schemas and templates; nothing from src/ or test/', async () => {
    const r = await sh('npm', ['pack', '--dry-run', '--ignore-scripts', '--json'], ROOT);
    const files = (JSON.parse(r.stdout) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
    for (const f of ['package.json', 'README.md', 'bin/dvk.js', 'dist/cli/main.js', 'dist/assets.js', 'generated/validators.cjs', 'schemas/model.schema.json', 'schemas/steps/review.schema.json', 'templates/model.yaml', 'templates/init/github/dvk.yml', 'examples/duy-tien-2023/criteria/vd-100-diem.yaml']) {
      expect(files, f).toContain(f);
    }
    const allowed = /^(package\.json|README\.md|bin\/dvk\.js|dist\/.*\.js|generated\/validators\.cjs|schemas\/.*\.schema\.json|templates\/.*|examples\/duy-tien-2023\/criteria\/[^/]+\.yaml)$/;
    expect(files.filter((f) => !allowed.test(f))).toEqual([]);
  });

  it('publishes cleanly (npm publish --dry-run: no warning)', async () => {
    const r = await sh('npm', ['publish', '--dry-run', '--ignore-scripts'], ROOT, { npm_config_loglevel: 'notice' });
    expect(r.exitCode, r.all).toBe(0);
    // The one warning is the machine's (no registry login), not the package's.
    expect(r.stderr.split('\n').filter((l) => /npm warn/i.test(l) && !/requires you to be logged in/.test(l))).toEqual([]);
    expect(r.stderr).toContain(`dan-van-kheo@${VERSION}`);
  });

  it('installs globally from the packed tarball and works in a folder outside the clone', LONG, async () => {
    await worksOutside(await install(tarball));
  });

  it('installs globally from a git URL with the release tag, with no build at install', LONG, async () => {
    const bin = await install(`git+file://${origin}#${TAG}`);
    await worksOutside(bin);
    // The tag carries the built files and a manifest with no install-time scripts.
    const manifest = JSON.parse(git(origin, 'show', `${TAG}:package.json`)) as Record<string, unknown>;
    expect(manifest.scripts).toBeUndefined();
    expect(git(origin, 'ls-tree', '--name-only', TAG, 'generated/')).toBe('generated/validators.cjs');
  });
});

const requirePreCommit = process.env.DVK_REQUIRE_PRE_COMMIT === '1';
const preCommit = spawnSync('pre-commit', ['--version'], { stdio: 'ignore' }).status === 0;
if (!preCommit && !requirePreCommit) console.warn('pre-commit is not installed: the test of the hooks is skipped.');

describe.skipIf(!preCommit && !requirePreCommit)('pre-commit, with the hooks of this repository', () => {
  it('is installed where it must be (CI)', () => {
    expect(preCommit, 'DVK_REQUIRE_PRE_COMMIT=1 but pre-commit is missing').toBe(true);
  });

  it('passes a clean commit and stops one with a typo, with the located message', LONG, async () => {
    const ws = newRepo();
    expect((await dvk(['init', '.', '--year', '2025'], { cwd: ws })).exitCode).toBe(0);
    // The config as init wrote it, with this test's copy of the dvk repository as `repo:`.
    const config = path.join(ws, '.pre-commit-config.yaml');
    const text = fs.readFileSync(config, 'utf8');
    expect(text).toContain(`rev: ${TAG}\n`);
    fs.writeFileSync(config, text.replace(/^( {2}- repo: ).*$/m, `$1file://${origin}`));
    const env = { PRE_COMMIT_HOME: prefixDir() };
    expect((await sh('pre-commit', ['install'], ws, env)).exitCode).toBe(0);
    git(ws, 'add', '-A');
    const clean = await sh('git', ['commit', '-m', 'Kho dữ liệu mới'], ws, env);
    expect(clean.exitCode, clean.all).toBe(0);
    expect(clean.all).toMatch(/^dvk validate\.+Passed$/m);
    expect(clean.all).toMatch(/^dvk fmt --check\.+Passed$/m);

    const model = path.join(ws, 'models/2025/MAU/mau.yaml');
    const lines = fs.readFileSync(model, 'utf8').split('\n');
    const line = lines.findIndex((l) => l.startsWith('field: ')) + 1;
    lines[line - 1] = lines[line - 1]!.replace('field: ', 'feild: ');
    fs.writeFileSync(model, lines.join('\n'));
    git(ws, 'add', '-A');
    const typo = await sh('git', ['commit', '-m', 'Sửa mô hình'], ws, env);
    expect(typo.exitCode).not.toBe(0);
    expect(typo.all).toMatch(/^dvk validate\.+Failed$/m);
    expect(typo.all).toMatch(new RegExp(`models/2025/MAU/mau\\.yaml\\n +${line}:1 +lỗi +Khóa "feild" không hợp lệ ở gốc tệp\\.`));
    expect(git(ws, 'log', '--format=%s')).toBe('Kho dữ liệu mới');
  });
});

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}

describe('the CI workflow that dvk init writes', () => {
  it('passes on a clean workspace, pull request included, and fails with ::error lines on a broken one', LONG, async () => {
    // A committee's repository with the workspace in kho/: init's files, the example's data.
    const upstream = repoWith((dir) => {
      execFileSync('node', [path.join(ROOT, 'bin/dvk.js'), 'init', 'kho', '--year', '2023', '--level', 'huyen'], { cwd: dir });
      for (const sub of ['models', 'assessments']) fs.cpSync(path.join(EXAMPLE, sub), path.join(dir, 'kho', sub), { recursive: true });
    });
    const top = tempDir('dvk-checkout-');
    git(top, 'clone', '-q', upstream, '.');
    const workflow = parse(fs.readFileSync(path.join(top, '.github/workflows/dvk.yml'), 'utf8')) as {
      env: Record<string, string>;
      jobs: { dvk: { defaults: { run: { 'working-directory': string } }; steps: Step[] } };
    };
    const job = workflow.jobs.dvk;
    expect(job.steps.filter((s) => s.uses).map((s) => s.uses!.replace(/@.*/, ''))).toEqual(['actions/checkout', 'actions/setup-node']);
    expect(job.steps.find((s) => s.uses?.startsWith('actions/checkout'))!.with).toEqual({ 'fetch-depth': 0 });
    expect([22, 24]).toContain(job.steps.find((s) => s.uses?.startsWith('actions/setup-node'))!.with!['node-version']);
    expect(workflow.env.DVK_PACKAGE).toBe(`git+https://github.com/dan-van-kheo/dvk.git#${TAG}`);
    const steps = job.steps.filter((s) => s.run);
    // bash runs exactly what GitHub would: no expressions left for it to fill in.
    for (const s of steps) expect(s.run).not.toContain('${{');

    const prefix = prefixDir();
    /** The run steps in order, as GitHub runs them; stops at the first that fails. */
    const runJob = async (event: { name: string; base?: string }) => {
      const summary = path.join(tempDir(), 'summary.md');
      fs.writeFileSync(summary, '');
      const env = {
        ...workflow.env,
        DVK_PACKAGE: tarball,
        npm_config_prefix: prefix,
        PATH: `${path.join(prefix, 'bin')}${path.delimiter}${process.env.PATH}`,
        CI: 'true',
        GITHUB_ACTIONS: 'true',
        GITHUB_EVENT_NAME: event.name,
        GITHUB_BASE_REF: event.base ?? '',
        GITHUB_STEP_SUMMARY: summary,
      };
      const log: { name: string; exitCode: number; output: string }[] = [];
      for (const step of steps) {
        const r = await sh('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], path.join(top, job.defaults.run['working-directory']), { ...env, ...step.env });
        log.push({ name: step.name!, exitCode: r.exitCode ?? -1, output: r.all ?? '' });
        if (r.exitCode !== 0) break;
      }
      return { log, summary: fs.readFileSync(summary, 'utf8') };
    };

    // The first push to main: the version init named installs, validates, scores.
    const push = await runJob({ name: 'push' });
    expect(push.log.map((s) => [s.name, s.exitCode]), push.log.map((s) => s.output).join('\n')).toEqual(steps.map((s) => [s.name, 0]));
    expect(push.summary).toMatch(/^\| Hạng \|/m);
    expect(push.summary).toContain('DT-2023-HM-01');

    // A pull request that changes a score sheet: the summary shows what it does to recognition.
    git(top, 'checkout', '-q', '-b', 'sua-phieu');
    const sheet = path.join(top, 'kho/assessments/2023/huyen/DT-2023-ND-01.yaml');
    fs.writeFileSync(sheet, fs.readFileSync(sheet, 'utf8').replace(/C5\.1: [\d.]+/g, 'C5.1: 6').replace(/C5\.2: [\d.]+/g, 'C5.2: 5'));
    git(top, 'commit', '-qam', 'Sửa phiếu chấm');
    const pr = await runJob({ name: 'pull_request', base: 'main' });
    expect(pr.log.every((s) => s.exitCode === 0), pr.log.map((s) => s.output).join('\n')).toBe(true);
    expect(pr.summary).toContain('DT-2023-ND-01');
    expect(pr.summary).toMatch(/71,50 → 76,60/);

    // A pull request with a typo: the validate step fails with an annotation on the line.
    const typo = misspell(path.join(top, 'kho'));
    git(top, 'commit', '-qam', 'Sửa mô hình');
    const broken = await runJob({ name: 'pull_request', base: 'main' });
    const failed = broken.log.at(-1)!;
    expect(failed).toMatchObject({ name: steps.find((s) => s.run!.startsWith('dvk validate'))!.name, exitCode: 1 });
    expect(failed.output).toMatch(new RegExp(`^::error file=kho/${typo.file},line=${typo.line},col=${typo.column},.*::${typo.message}`, 'm'));
  });
});
