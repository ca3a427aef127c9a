// `dvk completion <shell>`: scripts generated from every command's definition, checked by the
// shells themselves where they are installed (bash always; zsh and fish in CI), by text otherwise.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands/index.js';
import { dvk, tempDir } from '../helpers.js';

const has = (shell: string) => spawnSync(shell, ['-c', 'exit 0'], { stdio: 'ignore' }).status === 0;

async function script(shell: string): Promise<string> {
  const r = await dvk(['completion', shell]);
  expect(r.exitCode, r.stderr).toBe(0);
  const file = path.join(tempDir(), `dvk.${shell}`);
  fs.writeFileSync(file, r.stdout);
  return file;
}

/** What a shell completes for each typed line: the cases every shell's test runs. */
const CASES: [string[], string[]][] = [
  [['dvk', 'val'], ['validate']],
  [['dvk', '-C', 'x', 'sc'], ['score', 'schema']],
  [['dvk', 'validate', '--format', 'j'], ['json', 'junit']],
  [['dvk', 'score', '--lang', ''], ['vi', 'en']],
  [['dvk', 'decide', '--number-'], ['--number-from']],
  [['dvk', 'new', 'm'], ['model']],
  [['dvk', 'new', 'model', '--field', 'v'], ['van-hoa-xa-hoi']],
  [['dvk', 'completion', 'p'], ['powershell']],
];

describe('dvk completion', () => {
  it('bash: valid syntax, and completes commands, options and their values', async () => {
    const file = await script('bash');
    expect(spawnSync('bash', ['-n', file]).status).toBe(0);
    for (const [typed, want] of CASES) {
      const words = typed.map((w) => `'${w}'`).join(' ');
      const r = spawnSync('bash', ['-c', `source '${file}'; COMP_WORDS=(${words}); COMP_CWORD=${typed.length - 1}; _dvk; printf '%s\\n' "\${COMPREPLY[@]}"`], { encoding: 'utf8' });
      expect(r.stdout.trim().split('\n').sort(), typed.join(' ')).toEqual([...want].sort());
    }
  });

  it.skipIf(!has('zsh'))('zsh: valid syntax, and offers the same words', async () => {
    const file = await script('zsh');
    expect(spawnSync('zsh', ['-n', file]).status).toBe(0);
    for (const [typed, want] of CASES) {
      // compadd and _files stubbed: the words offered, filtered by what is typed as zsh would.
      const stub = `compdef() {}; compadd() { [[ $1 == -- ]] && shift; print -rl -- "$@"; }; _files() {}`;
      const words = typed.map((w) => `'${w}'`).join(' ');
      const r = spawnSync('zsh', ['-c', `${stub}; source '${file}'; words=(${words}); CURRENT=${typed.length}; PREFIX=\${words[CURRENT]}; _dvk`], { encoding: 'utf8' });
      const offered = r.stdout.split('\n').filter((w) => w && w.startsWith(typed.at(-1)!));
      expect(offered.sort(), typed.join(' ')).toEqual([...want].sort());
    }
  });

  it.skipIf(!has('fish'))('fish: valid syntax, and completes with descriptions', async () => {
    const file = await script('fish');
    expect(spawnSync('fish', ['--no-execute', file]).status).toBe(0);
    for (const [typed, want] of CASES) {
      const r = spawnSync('fish', ['-c', `source '${file}'; complete -C "${typed.join(' ')}"`], { encoding: 'utf8' });
      const offered = r.stdout.split('\n').filter(Boolean).map((l) => l.split('\t')[0]!);
      expect(offered.sort(), typed.join(' ')).toEqual([...want].sort());
    }
    expect(spawnSync('fish', ['-c', `source '${file}'; complete -C "dvk valid"`], { encoding: 'utf8' }).stdout).toContain('validate\tkiểm tra tệp');
  });

  it('PowerShell: a native argument completer naming every command, option and choice', async () => {
    const text = fs.readFileSync(await script('powershell'), 'utf8');
    expect(text).toContain('Register-ArgumentCompleter -Native -CommandName dvk -ScriptBlock {');
    for (const c of COMMANDS) expect(text, c.name).toContain(`'${c.name}'`);
    expect(text).toContain("'validate|--format' = @('stylish', 'json', 'github', 'sarif', 'junit')");
    expect(text).toContain("'*|--lang' = @('vi', 'en')");
    expect(text).toContain("'new' = @('model')");
    // Braces and parentheses balance.
    for (const [open, close] of [['{', '}'], ['(', ')']] as const) expect(text.split(open).length, open).toBe(text.split(close).length);
  });

  it('covers every command, and refuses an unknown shell', async () => {
    const text = fs.readFileSync(await script('bash'), 'utf8');
    for (const c of COMMANDS) expect(text, c.name).toMatch(new RegExp(`"${c.name}"\\)`));
    const r = await dvk(['completion', 'tcsh']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('bash, zsh, fish, powershell');
  });
});
