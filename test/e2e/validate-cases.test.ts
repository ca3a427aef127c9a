// One test per folder of test/fixtures/cases/: the base workspace overlaid with the case's files,
// `dvk` run with the case's arguments, and the complete list of expected diagnostics compared as
// a multiset of (file, line, column, rule, severity). Positions in case.json were counted by hand
// from the fixture files (unknown key: at the key; missing property: at the parent's key, or the
// start of the top-level mapping; anything else: at the value).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dvk } from '../helpers.js';
import { baseWorkspace, CASES, caseNames, caseWorkspace, expectNoStackTrace, key, parseReport, readCase } from './support.js';

/**
 * Error rules whose diagnostics may legitimately come without a hint: a number out of range (the
 * message already states the limit) and a value outside a list when no allowed value is close
 * enough to suggest (the message lists the allowed values). Every other error must say what to do.
 */
const MAY_LACK_HINT = new Set(['schema-range', 'schema-enum']);

describe('the base fixture', () => {
  it('validates with no errors and no warnings', async () => {
    const ws = baseWorkspace();
    const r = await dvk(['validate', '--format', 'json'], { cwd: ws });
    expect(r.stderr).toBe('');
    const report = parseReport(String(r.stdout));
    expect(report.diagnostics).toEqual([]);
    expect(report.summary).toEqual({ files: 6, errors: 0, warnings: 0 });
    expect(r.exitCode).toBe(0);
  });

  it('has every model at all four steps, complete', async () => {
    const r = await dvk(['status', '--format', 'json'], { cwd: baseWorkspace() });
    expect(r.exitCode).toBe(0);
    const report = JSON.parse(String(r.stdout)) as { models: { id: string; complete: boolean }[] };
    expect(report.models.map((m) => [m.id, m.complete])).toEqual([
      ['KT-2023-AA-01', true],
      ['KT-2023-AA-02', true],
    ]);
  });

  it('is written in NFC', () => {
    const walk = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
    for (const file of walk(path.join(CASES, '..', 'base')).filter((f) => f.endsWith('.yaml'))) {
      const text = fs.readFileSync(file, 'utf8');
      expect(text === text.normalize('NFC'), file).toBe(true);
    }
  });
});

describe.concurrent('bad input, one case per folder', () => {
  const names = caseNames();

  it('every case folder has a case.json with a complete expectation', () => {
    expect(names.length).toBeGreaterThanOrEqual(40);
    for (const name of names) {
      const spec = readCase(name);
      expect(spec.args[0], name).toBe('validate');
      expect(spec.args, name).toContain('json');
      expect([0, 1, 2], name).toContain(spec.exit);
      if (spec.exit === 1) expect(spec.diagnostics.some((d) => d.severity === 'error') || spec.args.includes('--max-warnings'), name).toBe(true);
    }
  });

  for (const name of names) {
    it(name, async () => {
      const spec = readCase(name);
      const ws = await caseWorkspace(name);
      const r = await dvk(spec.args, { cwd: ws });
      const stdout = String(r.stdout);
      const stderr = String(r.stderr);
      expectNoStackTrace(stdout + stderr);

      const report = parseReport(stdout);
      const actual = report.diagnostics.map(key).sort();
      const expected = spec.diagnostics.map(key).sort();
      expect(actual, `diagnostics of ${name}`).toEqual(expected);

      // Details asked for by the case: ranges and the content of hints and messages.
      for (const want of spec.diagnostics) {
        const got = report.diagnostics.find((d) => key(d) === key(want));
        if (!got) continue;
        if (want.endLine !== undefined) expect(got.endLine, `${key(want)} endLine`).toBe(want.endLine);
        if (want.endColumn !== undefined) expect(got.endColumn, `${key(want)} endColumn`).toBe(want.endColumn);
        if (want.hintIncludes !== undefined) expect(got.hint ?? '', `${key(want)} hint`).toContain(want.hintIncludes);
        if (want.messageIncludes !== undefined) expect(got.message, `${key(want)} message`).toContain(want.messageIncludes);
      }

      // Every diagnostic is worded, and every error says what to do.
      for (const d of report.diagnostics) {
        expect(d.message.trim(), `${key(d)} message`).not.toBe('');
        if (d.severity === 'error' && !MAY_LACK_HINT.has(d.rule)) {
          expect(d.hint?.trim() ?? '', `${key(d)} hint`).not.toBe('');
        }
        expect(d.line).toBeGreaterThanOrEqual(1);
        expect(d.column).toBeGreaterThanOrEqual(1);
        expect(d.endLine * 1e6 + d.endColumn, `${key(d)} range ends before it starts`).toBeGreaterThanOrEqual(d.line * 1e6 + d.column);
      }

      const errors = report.diagnostics.filter((d) => d.severity === 'error').length;
      expect(report.summary.errors).toBe(errors);
      expect(report.summary.warnings).toBe(report.diagnostics.length - errors);
      expect(r.exitCode, `exit code of ${name}`).toBe(spec.exit);
    });
  }
});

describe.concurrent('hints suggest the fix', () => {
  // The hints listed in the brief, checked word for word where the wording matters.
  const hintOf = async (name: string, rule: string) => {
    const r = await dvk(readCase(name).args, { cwd: await caseWorkspace(name) });
    return parseReport(String(r.stdout)).diagnostics.filter((d) => d.rule === rule).map((d) => d.hint ?? '');
  };

  it('"8,5" -> 8.5', async () => {
    expect((await hintOf('type-decimal-comma', 'schema-type'))[0]).toMatch(/(^|\D)8\.5(\D|$)/);
  });
  it('participants: 1.200 -> 1200', async () => {
    expect((await hintOf('type-thousands-dot', 'schema-type'))[0]).toMatch(/(^|\D)1200(\D|$)/);
  });
  it("code: 00123 -> quote it as '00123'", async () => {
    expect((await hintOf('type-leading-zero', 'schema-type'))[0]).toMatch(/['"]00123['"]/);
  });
  it('văn-hóa-xã-hội -> van-hoa-xa-hoi', async () => {
    expect(await hintOf('enum-diacritics', 'schema-enum')).toContainEqual(expect.stringMatching(/(^|[^-\w])van-hoa-xa-hoi([^-\w]|$)/));
  });
  it('24/5/2023 -> 2023-05-24', async () => {
    expect(await hintOf('date-day-first', 'schema-format')).toContainEqual(expect.stringContaining('2023-05-24'));
  });
  it('2023-02-30 gets a hint about the calendar', async () => {
    const [hint] = await hintOf('date-impossible', 'schema-format');
    expect(hint).toBe('Tháng 2 năm 2023 chỉ có 28 ngày.');
  });
  it('a misspelt key names the right key', async () => {
    const hints = await hintOf('unknown-key-misspelt', 'schema-unknown-key');
    expect(hints).toContainEqual(expect.stringContaining('"field"'));
    expect(hints).toContainEqual(expect.stringContaining('"parent"'));
  });
  it('an unknown criterion names the nearest id', async () => {
    expect((await hintOf('unknown-criterion', 'unknown-criterion'))[0]).toContain('N2.1');
  });
});
