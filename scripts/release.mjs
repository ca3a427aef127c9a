// `npm run release`: tags this version for installs from git. npm installs a git dependency by
// running its `prepare` script in a temporary clone, and with `--global` it does so without the
// package's dependencies (npm 10 and 11: "Cannot find package 'ajv'"). So the tag does not point
// at the source commit but at a release commit on top of it that carries what `npm run build`
// makes (dist/, generated/) and a package.json without scripts and devDependencies: npm and
// pre-commit then install it like the registry's tarball, with no build.
//
//   node scripts/release.mjs             build from clean, commit, tag v<version>
//   node scripts/release.mjs --no-build  use dist/ and generated/ as they are (tests)
//   node scripts/release.mjs --no-tag    print the release commit instead of tagging it (tests)
//   node scripts/release.mjs --allow-dirty  take tracked files as they are in the working tree (tests)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const flags = new Set(process.argv.slice(2));
const index = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dvk-release-')), 'index');
const git = (args, input) => execFileSync('git', args, { cwd: root, input, encoding: 'utf8', env: { ...process.env, GIT_INDEX_FILE: index } }).trim();
class Refusal extends Error {}
const fail = (message) => {
  throw new Refusal(message);
};

try {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const tag = `v${pkg.version}`;
  if (!flags.has('--allow-dirty') && git(['status', '--porcelain', '--untracked-files=no'])) fail('commit or stash your changes first.');
  if (!flags.has('--no-tag') && git(['tag', '--list', tag])) fail(`tag ${tag} exists; raise "version" in package.json (npm version minor --no-git-tag-version) and commit.`);
  if (!flags.has('--no-build')) {
    for (const dir of ['dist', 'generated']) fs.rmSync(path.join(root, dir), { recursive: true, force: true });
    execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  }
  // A separate index: the working tree and the real index stay as they are.
  git(['read-tree', 'HEAD']);
  git(['add', '--update']);
  git(['add', '--force', '--', 'dist', 'generated']);
  const manifest = { ...pkg, scripts: undefined, devDependencies: undefined };
  const blob = git(['hash-object', '-w', '--stdin'], `${JSON.stringify(manifest, null, 2)}\n`);
  git(['update-index', '--cacheinfo', `100644,${blob},package.json`]);
  const commit = git(['commit-tree', git(['write-tree']), '-p', 'HEAD', '-m', `Release ${tag}: the built files, for installs from git`]);
  if (flags.has('--no-tag')) {
    console.log(commit);
  } else {
    git(['tag', '-a', tag, commit, '-m', `dvk ${pkg.version}`]);
    console.log(`Tagged ${tag} (${commit.slice(0, 7)}). Publish it: git push origin ${tag} (and, for the registry: npm publish).`);
  }
} catch (e) {
  if (!(e instanceof Refusal)) throw e;
  console.error(`release: ${e.message}`);
  process.exitCode = 1;
} finally {
  fs.rmSync(path.dirname(index), { recursive: true, force: true });
}
