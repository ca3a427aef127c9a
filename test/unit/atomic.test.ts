// Atomic writes (src/workspace/atomic.ts): the target is whole or untouched, whatever fails; no
// temporary file stays behind; what a killed dvk left is swept, what a running one writes is not.
// File-system failures are injected with spies: the tests run as root in CI images, where a
// read-only mode does not make a write fail.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { rewriteFile, writeFileAtomic } from '../../src/workspace/atomic.js';
import { tempDir } from '../helpers.js';

afterEach(() => {
  vi.restoreAllMocks();
});

/** Above Linux's highest possible pid (2^22): no process has it. */
const DEAD_PID = 4_194_305;
const mode = (file: string) => fs.statSync(file).mode & 0o777;
const errno = (code: string) => Object.assign(new Error(code), { code });

/** Makes fs.writeFileSync write half of what it is given and then fail, like a full disk. */
function failHalfway(code = 'ENOSPC') {
  const write = fs.writeFileSync;
  return vi.spyOn(fs, 'writeFileSync').mockImplementation(((file: fs.PathOrFileDescriptor, data: string, o?: fs.WriteFileOptions) => {
    write(file, data.slice(0, data.length / 2), o);
    throw errno(code);
  }) as typeof fs.writeFileSync);
}

describe.each([
  ['writeFileAtomic', writeFileAtomic],
  ['rewriteFile', rewriteFile],
])('%s', (_, write) => {
  it('a write that fails halfway (disk full) leaves the old file whole, no temporary file, and names the target', () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.yaml');
    fs.writeFileSync(file, 'a: 1\n');
    failHalfway();
    expect(() => write(file, 'a: 2\nb: 3\n')).toThrow(expect.objectContaining({ code: 'ENOSPC', path: file }));
    vi.restoreAllMocks();
    expect(fs.readFileSync(file, 'utf8')).toBe('a: 1\n');
    expect(fs.readdirSync(dir)).toEqual(['a.yaml']);
  });
});

describe('writeFileAtomic', () => {
  it('creates the missing folders, writes the file, and replaces an existing one whole', () => {
    const file = path.join(tempDir(), 'out', 'by-unit', 'HM.docx');
    writeFileAtomic(file, 'một');
    writeFileAtomic(file, new TextEncoder().encode('hai'));
    expect(fs.readFileSync(file, 'utf8')).toBe('hai');
    expect(fs.readdirSync(path.dirname(file))).toEqual(['HM.docx']);
  });

  it('writes through a hidden temporary file beside the target, named for the sweep (pid, time)', () => {
    const dir = tempDir();
    const rename = vi.spyOn(fs, 'renameSync');
    writeFileAtomic(path.join(dir, 'a.yaml'), 'a: 1\n');
    const [from, to] = rename.mock.calls[0]!.map(String);
    expect(to).toBe(path.join(dir, 'a.yaml'));
    expect(path.dirname(from!)).toBe(dir);
    expect(path.basename(from!)).toMatch(new RegExp(`^\\.a\\.yaml\\.${process.pid}\\.\\d{13}\\.tmp$`));
  });

  it('gives the file the mode asked for, and the usual mode otherwise', () => {
    const dir = tempDir();
    writeFileAtomic(path.join(dir, 'hook'), '#!/bin/sh\n', { mode: 0o750 });
    writeFileAtomic(path.join(dir, 'plain'), 'x');
    expect(mode(path.join(dir, 'hook'))).toBe(0o750);
    expect(mode(path.join(dir, 'plain'))).toBe(0o666 & ~process.umask());
  });

  it('with overwrite: false, writes a new file and refuses an existing one, which stays as it was', () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.yaml');
    writeFileAtomic(file, 'a: 1\n', { overwrite: false });
    expect(() => writeFileAtomic(file, 'a: 2\n', { overwrite: false })).toThrow(expect.objectContaining({ code: 'EEXIST', path: file }));
    expect(fs.readFileSync(file, 'utf8')).toBe('a: 1\n');
    expect(fs.readdirSync(dir)).toEqual(['a.yaml']);
  });

  it('a temporary file that cannot even be created (permission denied) gives that error, naming the target', () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.yaml');
    vi.spyOn(fs, 'writeFileSync').mockImplementation(() => {
      throw errno('EACCES');
    });
    expect(() => writeFileAtomic(file, 'a: 1\n')).toThrow(expect.objectContaining({ code: 'EACCES', path: file }));
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('does not write through a file planted at the temporary name (a symbolic link to another file)', () => {
    const dir = tempDir();
    const victim = path.join(dir, 'victim.txt');
    fs.writeFileSync(victim, 'keep');
    vi.spyOn(Date, 'now').mockReturnValue(1_700_000_000_000);
    fs.symlinkSync(victim, path.join(dir, `.a.yaml.${process.pid}.1700000000000.tmp`));
    expect(() => writeFileAtomic(path.join(dir, 'a.yaml'), 'a: 1\n')).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    expect(fs.readFileSync(victim, 'utf8')).toBe('keep');
    expect(fs.existsSync(path.join(dir, 'a.yaml'))).toBe(false);
  });

  it('refuses a target that is not a regular file, naming it', () => {
    const dir = tempDir();
    expect(() => writeFileAtomic(dir, 'x')).toThrow(expect.objectContaining({ code: 'ENOTREG', path: dir, message: `not a regular file: ${dir}` }));
  });

  it('replaces a symbolic link at the target by the file, leaving the file it named alone', () => {
    const dir = tempDir();
    const other = path.join(dir, 'other.docx');
    fs.writeFileSync(other, 'other');
    fs.symlinkSync(other, path.join(dir, 'out.docx'));
    writeFileAtomic(path.join(dir, 'out.docx'), 'new');
    expect(fs.lstatSync(path.join(dir, 'out.docx')).isFile()).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'out.docx'), 'utf8')).toBe('new');
    expect(fs.readFileSync(other, 'utf8')).toBe('other');
  });
});

describe('writeFileAtomic sweeps the temporary files a killed dvk left', () => {
  it('removes those of a process that is gone, keeps those of running ones and every other file', () => {
    const dir = tempDir();
    const stale = `.quyet-dinh.docx.${DEAD_PID}.1700000000000.tmp`;
    const kept = [
      `.a.yaml.${process.ppid}.1700000000000.tmp`, // a running dvk (here: vitest)
      `.a.yaml.${process.pid}.1700000000000.tmp`, // this one
      `bien-ban.v2.${DEAD_PID}.1.tmp`, // not hidden: the user's
      `.ghi-chu.${DEAD_PID}.1.tmp.bak`, // not ending in .tmp
    ];
    for (const name of [stale, ...kept]) fs.writeFileSync(path.join(dir, name), '');
    writeFileAtomic(path.join(dir, 'new.docx'), 'x');
    expect(fs.readdirSync(dir).sort()).toEqual([...kept, 'new.docx'].sort());
  });

  it('keeps those of a process that runs under another user (kill answers EPERM)', () => {
    const dir = tempDir();
    const other = `.a.yaml.${DEAD_PID}.1700000000000.tmp`;
    fs.writeFileSync(path.join(dir, other), '');
    vi.spyOn(process, 'kill').mockImplementation(() => {
      throw errno('EPERM');
    });
    writeFileAtomic(path.join(dir, 'new.docx'), 'x');
    expect(fs.readdirSync(dir).sort()).toEqual([other, 'new.docx']);
  });

  it('does not fail when another dvk removed a stale file first', () => {
    const dir = tempDir();
    const readdir = fs.readdirSync;
    vi.spyOn(fs, 'readdirSync').mockImplementation(((p: fs.PathLike, o?: unknown) =>
      String(p) === dir ? [`.gone.${DEAD_PID}.1.tmp`] : readdir(p, o as undefined)) as typeof fs.readdirSync);
    writeFileAtomic(path.join(dir, 'a.docx'), 'x');
    expect(fs.readFileSync(path.join(dir, 'a.docx'), 'utf8')).toBe('x');
  });

  it('lists a folder once per run, however many files go there', () => {
    const dir = tempDir();
    const readdir = vi.spyOn(fs, 'readdirSync');
    for (let i = 0; i < 5; i++) writeFileAtomic(path.join(dir, `${i}.docx`), 'x');
    writeFileAtomic(path.join(dir, 'sub', 'a.docx'), 'x');
    expect(readdir.mock.calls.map(([p]) => String(p))).toEqual([dir, path.join(dir, 'sub')]);
  });
});

describe('rewriteFile', () => {
  it('writes the file a symbolic link names, keeping the link and the mode', () => {
    const dir = tempDir();
    const real = path.join(dir, 'real.yaml');
    fs.writeFileSync(real, 'a: 1\n', { mode: 0o640 });
    fs.chmodSync(real, 0o640);
    fs.symlinkSync('real.yaml', path.join(dir, 'link.yaml'));
    rewriteFile(path.join(dir, 'link.yaml'), 'a: 2\n');
    expect(fs.readlinkSync(path.join(dir, 'link.yaml'))).toBe('real.yaml');
    expect(fs.readFileSync(real, 'utf8')).toBe('a: 2\n');
    expect(mode(real)).toBe(0o640);
    expect(fs.readdirSync(dir).sort()).toEqual(['link.yaml', 'real.yaml']);
  });

  it('writes a file with other hard links in place, so that every name sees the new text', () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.yaml');
    fs.writeFileSync(file, 'a: 1\n');
    fs.linkSync(file, path.join(dir, 'b.yaml'));
    rewriteFile(file, 'a: 2\n');
    expect(fs.readFileSync(path.join(dir, 'b.yaml'), 'utf8')).toBe('a: 2\n');
    expect(fs.readdirSync(dir).sort()).toEqual(['a.yaml', 'b.yaml']);
  });
});
