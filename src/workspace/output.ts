// Where a document may be written: never over an input of the workspace, never over something
// that is not a regular file (a device, a FIFO, a folder), never under another format's name.
// Every command that writes documents checks its paths here before it renders anything.
import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import type { Messages } from '../i18n/index.js';
import { slash, type Workspace } from './workspace.js';

/** The path with symbolic links resolved, as far as it exists. */
function real(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    const up = path.dirname(p);
    return up === p ? p : path.join(real(up), path.basename(p));
  }
}

const within = (p: string, dir: string) => p === dir || (!path.relative(dir, p).startsWith('..') && !path.isAbsolute(path.relative(dir, p)));

interface Inputs {
  files: Set<string>;
  dirs: string[];
}
const inputsOf = new WeakMap<Workspace, Inputs>();

/**
 * The workspace's inputs: its files, and the folders it reads data and evidence from. Worked out
 * once per workspace: a batch checks every document's path (100 reports of a 10,000-model
 * workspace spent 2.3 s here, listing the same files again for each).
 */
function inputs(ws: Workspace): Inputs {
  let found = inputsOf.get(ws);
  if (!found) {
    const root = real(ws.root);
    found = {
      files: new Set(ws.files.map((f) => path.join(root, f.rel))),
      dirs: (['models', 'assessments', 'criteria', 'evidence'] as const).map((k) => real(path.resolve(ws.root, ws.paths[k]))),
    };
    inputsOf.set(ws, found);
  }
  return found;
}

/**
 * Refuses (exit 2) an output file that exists and is not a regular file, is one of the
 * workspace's inputs or lies in its data or evidence folders, or does not end in `ext`.
 */
export function checkOutputFile(ws: Workspace, file: string, ext: string, m: Messages): void {
  const shown = slash(path.relative(ws.cwd, file)) || file;
  if (path.extname(file).toLowerCase() !== ext) throw new UsageError(m.safety.outputExtension(shown, ext));
  checkOutputPlace(ws, file, m, shown);
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(file);
  } catch {
    // Does not exist yet: fine.
  }
  if (stat && !stat.isFile()) throw new UsageError(m.safety.outputNotFile(shown));
}

/** Refuses (exit 2) an output folder (for --by) that is an input, lies among them, or is not a folder. */
export function checkOutputDir(ws: Workspace, dir: string, m: Messages): void {
  const shown = slash(path.relative(ws.cwd, dir)) || dir;
  checkOutputPlace(ws, dir, m, shown);
  if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) throw new UsageError(m.safety.outputNotFolder(shown));
}

function checkOutputPlace(ws: Workspace, target: string, m: Messages, shown: string): void {
  const { files, dirs } = inputs(ws);
  const at = real(target);
  if (files.has(at) || dirs.some((d) => within(at, d))) throw new UsageError(m.safety.outputIsInput(shown));
}
