import { describe, expect, it } from 'vitest';
import { COMMANDS, commandOf } from '../../src/cli/commands/index.js';
import { messages } from '../../src/i18n/index.js';

describe('commandOf: the one command module to load', () => {
  it.each([
    [['validate', '--format', 'json'], 'validate'],
    [['-C', 'examples/x', 'score'], 'score'],
    [['--cwd', 'decide', 'report'], 'report'],
    [['--lang', 'en', '-q', 'status', 'models'], 'status'],
    [['--cwd=x', 'fmt'], 'fmt'],
    [['help', 'decide'], 'decide'],
    [['--no-color', 'help', 'score'], 'score'],
    [['--version'], undefined],
    [[], undefined],
    [['--', 'validate'], undefined],
  ])('%j -> %s', (argv, want) => {
    expect(commandOf(argv)).toBe(want);
  });
});

describe('the command list', () => {
  it('has unique names, a description in both languages, and loads each command', async () => {
    expect(new Set(COMMANDS.map((c) => c.name)).size).toBe(COMMANDS.length);
    for (const c of COMMANDS) {
      for (const lang of ['vi', 'en'] as const) expect(c.description(messages(lang)).length, c.name).toBeGreaterThan(10);
      expect(typeof (await c.load()), c.name).toBe('function');
    }
  });
});
