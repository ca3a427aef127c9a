// The files dvk ships and reads at run time (package.json, schemas/, templates/, the example
// frameworks), read the same way from the npm package and from the standalone executable. In
// the executable (Node's single executable application) they are assets of the blob that
// scripts/build-exe.mjs builds, under their paths in the package; elsewhere they are files
// beside dist/.
import fs from 'node:fs';
import path from 'node:path';
import sea from 'node:sea';
import { fileURLToPath } from 'node:url';

const inExecutable = sea.isSea();
let root: string | undefined;
/** The package's folder: dist/assets.js is one level below it. */
const packageDir = () => (root ??= fileURLToPath(new URL('..', import.meta.url)));

/** The text of a shipped file, by its path in the package with `/` (`templates/model.yaml`). */
export function readAsset(rel: string): string {
  return inExecutable ? sea.getAsset(rel, 'utf8') : fs.readFileSync(path.join(packageDir(), rel), 'utf8');
}

/** The names of the shipped files directly inside a folder of the package, sorted. */
export function listAssets(dir: string): string[] {
  if (inExecutable) {
    // getAssetKeys() is in Node ≥ 24.8, the line the executables are built with.
    const keys = (sea as unknown as { getAssetKeys(): string[] }).getAssetKeys();
    return keys.filter((k) => path.posix.dirname(k) === dir).map((k) => path.posix.basename(k)).sort();
  }
  return fs.readdirSync(path.join(packageDir(), dir), { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name).sort();
}

/** Where a shipped file lies on disk, for links to it; undefined inside the executable. */
export function assetPath(rel: string): string | undefined {
  return inExecutable ? undefined : path.join(packageDir(), rel);
}

/** The standalone executable's build: a hash of its code (scripts/build-exe.mjs); undefined elsewhere. */
export function buildId(): string | undefined {
  try {
    return inExecutable ? sea.getAsset('build-id', 'utf8') : undefined;
  } catch {
    return undefined; // an executable built without it
  }
}

/** dvk's own package.json: its name on the registry, version and source repository. */
export const PACKAGE = JSON.parse(readAsset('package.json')) as { name: string; version: string; repository: { url: string } };
export const VERSION = PACKAGE.version;
