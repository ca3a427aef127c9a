// Atomic writes: the content goes to a temporary file beside the target, then a rename puts it
// in place, so a reader (or an interrupted run) never sees half a file.
import fs from 'node:fs';
import path from 'node:path';

/** Thrown for a target that exists and is not a regular file: a rename would replace a device. */
const notRegular = (file: string) => Object.assign(new Error(`not a regular file: ${file}`), { code: 'ENOTREG', path: file });

/** dvk's temporary files: `.<name>.<pid>.<ms>.tmp`. */
const TEMPORARY = /^\..+\.(\d+)\.\d+\.tmp$/;
const swept = new Set<string>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes, once per folder and run, the temporary files a killed dvk left there (its process is
 * gone); those of a dvk still running are left alone.
 */
function sweep(dir: string): void {
  if (swept.has(dir)) return;
  swept.add(dir);
  for (const name of fs.readdirSync(dir)) {
    const pid = TEMPORARY.exec(name)?.[1];
    if (pid !== undefined && Number(pid) !== process.pid && !alive(Number(pid))) fs.rmSync(path.join(dir, name), { force: true });
  }
}

export function writeFileAtomic(file: string, content: string | Uint8Array, opts: { overwrite?: boolean; mode?: number } = {}): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  sweep(path.dirname(file));
  const existing = fs.lstatSync(file, { throwIfNoEntry: false });
  if (existing && !existing.isFile() && !existing.isSymbolicLink()) throw notRegular(file);
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    fs.writeFileSync(tmp, content, { flag: 'wx' });
    if (opts.mode !== undefined) fs.chmodSync(tmp, opts.mode);
    if (opts.overwrite === false) {
      // link() fails if the target exists: no check-then-write race.
      fs.linkSync(tmp, file);
      fs.unlinkSync(tmp);
    } else {
      fs.renameSync(tmp, file);
    }
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    // Name the file the user asked for, not the temporary one.
    if ((e as NodeJS.ErrnoException).code) (e as NodeJS.ErrnoException).path = file;
    throw e;
  }
}

/**
 * Rewrites an existing file, as `dvk fmt --write` does: through a symbolic link to the file it
 * names, keeping the file's mode. A file with other hard links is written over in place (a
 * rename would leave the other names with the old text), the one case that is not atomic.
 */
export function rewriteFile(file: string, content: string): void {
  const target = fs.realpathSync(file);
  const stat = fs.statSync(target);
  if (stat.nlink > 1) fs.writeFileSync(target, content);
  else writeFileAtomic(target, content, { mode: stat.mode & 0o7777 });
}
