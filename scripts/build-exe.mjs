// `npm run build:exe`: standalone executables for people with no Node.js, with Node's single
// executable applications. The CLI is bundled into one CommonJS file (esbuild), the files it
// reads at run time become assets of the blob (src/assets.ts reads them back), and the blob is
// injected (postject) into the Node binary of each target, taken from the npm registry's
// node-<target> package (scripts/node-binary.mjs).
//
//   node scripts/build-exe.mjs               every target, into dist-exe/
//   node scripts/build-exe.mjs linux-x64     one target
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { inject } from 'postject';
import { nodeBinary } from './node-binary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'dist-exe');
/** The Node.js LTS inside the executables: one version for every target (the blob must match it). */
const NODE = '24.21.0';
const TARGETS = { 'linux-x64': 'dvk-linux-x64', 'win-x64': 'dvk-win-x64.exe' };
/** What dvk reads at run time (src/assets.ts), by its path in the package. */
const ASSETS = ['package.json', 'schemas', 'templates', 'examples/duy-tien-2023/criteria'];

const targets = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(TARGETS);
for (const t of targets) if (!TARGETS[t]) throw new Error(`unknown target ${t}; known: ${Object.keys(TARGETS).join(', ')}`);
const host = `${process.platform === 'win32' ? 'win' : process.platform}-${process.arch}`;
if (!TARGETS[host]) throw new Error(`the blob is made by the target's Node version running here; no node-${host} package is used`);

// Modules that load a package lazily do so with `const require = createRequire(import.meta.url)`;
// in the bundle that line goes, so that esbuild sees require() and bundles what it loads.
const lazyRequire = {
  name: 'lazy-require',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => {
      const text = await fs.promises.readFile(args.path, 'utf8');
      const contents = text.replace(/^const require = createRequire\(import\.meta\.url\);$/m, '');
      if (contents.includes('createRequire(')) throw new Error(`${args.path}: createRequire() in another form than the bundle expects`);
      return { contents, loader: 'ts' };
    });
  },
};

fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });
const bundle = path.join(out, 'dvk.cjs');
await esbuild.build({
  stdin: { contents: "import { start } from './src/cli/start.ts'; void start();", resolveDir: root, loader: 'ts' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node24',
  outfile: bundle,
  plugins: [lazyRequire],
  // import.meta.url only finds the package's folder, which the executable never asks for.
  logOverride: { 'empty-import-meta': 'silent' },
  logLevel: 'warning',
});

const assets = {};
const add = (rel) => {
  const abs = path.join(root, rel);
  if (fs.statSync(abs).isDirectory()) for (const name of fs.readdirSync(abs)) add(`${rel}/${name}`);
  else assets[rel] = abs;
};
ASSETS.forEach(add);
// What the cache between runs is keyed by (src/workspace/cache.ts engineId): in an installed
// package a hash of its files, here a hash of the bundle, which holds all of the code.
const buildId = path.join(out, 'build-id');
fs.writeFileSync(buildId, createHash('sha1').update(fs.readFileSync(bundle)).digest('base64'));
assets['build-id'] = buildId;

const generator = nodeBinary(host, NODE);
for (const target of targets) {
  const blob = path.join(out, `${target}.blob`);
  const config = path.join(out, `${target}.sea.json`);
  // A code cache only for the platform that makes it: elsewhere it would crash at start-up.
  fs.writeFileSync(config, JSON.stringify({ main: bundle, output: blob, disableExperimentalSEAWarning: true, useCodeCache: target === host, assets }, null, 2));
  execFileSync(generator, ['--experimental-sea-config', config], { stdio: 'inherit' });
  const exe = path.join(out, TARGETS[target]);
  fs.copyFileSync(nodeBinary(target, NODE), exe);
  fs.chmodSync(exe, 0o755);
  await inject(exe, 'NODE_SEA_BLOB', fs.readFileSync(blob), { sentinelFuse: 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2' });
  fs.rmSync(blob);
  fs.rmSync(config);
  console.log(`${path.relative(root, exe)} (Node ${NODE}, ${(fs.statSync(exe).size / 2 ** 20).toFixed(0)} MiB)`);
}
fs.rmSync(bundle);
