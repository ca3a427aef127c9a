// Reporters are pure functions from diagnostics to text: json, github, junit, sarif, stylish.
import { describe, expect, it } from 'vitest';
import { github } from '../../src/cli/reporters/github.js';
import { json } from '../../src/cli/reporters/json.js';
import { junit } from '../../src/cli/reporters/junit.js';
import { sarif } from '../../src/cli/reporters/sarif.js';
import { stylish } from '../../src/cli/reporters/stylish.js';
import { summarize, type ReportInput } from '../../src/cli/reporters/types.js';
import type { Diagnostic } from '../../src/core/types.js';
import { messages } from '../../src/i18n/index.js';
import { explain, scoreJsonParts, scoreMarkdown, scoreTable } from '../../src/cli/reporters/score.js';
import { DEFAULT_LEVELS } from '../../src/core/config.js';
import { results } from '../../src/core/results.js';
import { framework, model, sheet } from './builders.js';

const m = messages('vi');
const ANSI = /\u001b\[/;

function diag(over: Partial<Diagnostic> = {}): Diagnostic {
  return { file: 'models/a.yaml', line: 3, column: 5, endLine: 3, endColumn: 18, severity: 'error', rule: 'duplicate-id', message: 'Mã bị trùng.', ...over };
}

function input(diagnostics: Diagnostic[], files = 2, lang: 'vi' | 'en' = 'vi'): ReportInput {
  return { diagnostics, summary: summarize(diagnostics, files), m: messages(lang), version: '1.2.3' };
}

const SAMPLE: Diagnostic[] = [
  diag({ hint: 'Đổi mã.' }),
  diag({ line: 10, column: 1, endLine: 10, endColumn: 4, severity: 'warning', rule: 'nfc', message: 'NFD.' }),
  diag({ file: 'models/b.yaml', line: 1, column: 1, endLine: 1, endColumn: 2, rule: 'duplicate-id', message: 'Lại trùng.' }),
];

describe('summarize', () => {
  it('counts errors and warnings', () => {
    expect(summarize(SAMPLE, 7)).toEqual({ files: 7, errors: 2, warnings: 1 });
    expect(summarize([], 0)).toEqual({ files: 0, errors: 0, warnings: 0 });
  });
});

describe('json', () => {
  it('has the stable shape: summary, then every diagnostic with every key in order', () => {
    const out = json(input(SAMPLE));
    expect(out.endsWith('\n')).toBe(true);
    const parsed = JSON.parse(out);
    expect(Object.keys(parsed)).toEqual(['summary', 'diagnostics']);
    expect(Object.keys(parsed.summary)).toEqual(['files', 'errors', 'warnings']);
    for (const d of parsed.diagnostics) {
      expect(Object.keys(d)).toEqual(['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'rule', 'message', 'hint']);
    }
    expect(parsed.summary).toEqual({ files: 2, errors: 2, warnings: 1 });
  });

  it('gives null for no hint, the hint otherwise', () => {
    const parsed = JSON.parse(json(input(SAMPLE)));
    expect(parsed.diagnostics[0].hint).toBe('Đổi mã.');
    expect(parsed.diagnostics[1].hint).toBeNull();
  });

  it('keeps a given key order whatever order the diagnostic was built in', () => {
    const scrambled = { message: 'x', rule: 'r', severity: 'error', endColumn: 2, endLine: 1, column: 1, line: 1, file: 'f' } as Diagnostic;
    expect(json(input([scrambled]))).toBe(json(input([diag({ file: 'f', line: 1, column: 1, endLine: 1, endColumn: 2, rule: 'r', message: 'x' })])));
  });

  it('has an empty list for no diagnostics', () => {
    expect(JSON.parse(json(input([], 3)))).toEqual({ summary: { files: 3, errors: 0, warnings: 0 }, diagnostics: [] });
  });
});

describe('github', () => {
  it('writes one workflow command per diagnostic, then the summary', () => {
    const lines = github(input(SAMPLE)).trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe('::error file=models/a.yaml,line=3,col=5,endLine=3,endColumn=18,title=dvk duplicate-id::Mã bị trùng.%0AĐổi mã.');
    expect(lines[1]).toMatch(/^::warning file=models\/a\.yaml,line=10,col=1,endLine=10,endColumn=4,title=dvk nfc::NFD\.$/);
    expect(lines[3]).toBe(m.cli.summary({ files: 2, errors: 2, warnings: 1 }));
  });

  it('escapes %, CR and LF in the message', () => {
    const out = github(input([diag({ message: '50% xong\r\ndòng 2\nhết', hint: 'a%b' })]));
    const line = out.split('\n')[0]!;
    expect(line.endsWith('::50%25 xong%0D%0Adòng 2%0Ahết%0Aa%25b')).toBe(true);
  });

  it('escapes %, CR, LF, : and , in properties', () => {
    const out = github(input([diag({ file: 'models/a:b,c%d\re\nf.yaml' })]));
    const line = out.split('\n')[0]!;
    expect(line).toContain('file=models/a%3Ab%2Cc%25d%0De%0Af.yaml,line=3');
    // The data part still starts after the first "::" that follows the properties.
    expect(line.split('::')).toHaveLength(3);
  });

  it('escapes % before the other escapes (no double escaping)', () => {
    const line = github(input([diag({ message: '%0A' })])).split('\n')[0]!;
    expect(line.endsWith('::%250A')).toBe(true);
  });

  it('shows a control character or an override from the data escaped, never sends it to the CI log (issue 9, defect 9)', () => {
    const line = github(input([diag({ message: 'Khóa "a\u001b]0;x\u0007\u202eb" không hợp lệ.', hint: '\u001b[2J' })])).split('\n')[0]!;
    expect(line).not.toMatch(/[\u0000-\u001f\u202e]/);
    expect(line.endsWith('::Khóa "a\\u{1b}]0;x\\u{7}\\u{202e}b" không hợp lệ.%0A\\u{1b}[2J')).toBe(true);
  });
});

describe('junit', () => {
  it('is one suite per file with one failing case per diagnostic', () => {
    const out = junit(input(SAMPLE), ['models/a.yaml', 'models/b.yaml']);
    expect(out.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    expect(out).toContain('<testsuites name="dvk" tests="3" failures="3">');
    expect(out).toContain('<testsuite name="models/a.yaml" tests="2" failures="2" errors="0">');
    expect(out).toContain('<testsuite name="models/b.yaml" tests="1" failures="1" errors="0">');
    expect(out.match(/<failure /g)).toHaveLength(3);
    expect(out).toContain('<failure type="warning" message="NFD.">');
  });

  it('gives a clean file one passing test case', () => {
    const out = junit(input([SAMPLE[0]!]), ['models/a.yaml', 'models/clean.yaml']);
    expect(out).toContain('<testsuite name="models/clean.yaml" tests="1" failures="0" errors="0">\n    <testcase name="models/clean.yaml" classname="dvk"/>\n  </testsuite>');
    expect(out).toContain('<testsuites name="dvk" tests="2" failures="1">');
  });

  it('escapes & < > " in names, messages and text', () => {
    const out = junit(input([diag({ file: 'a&b<c>.yaml', message: 'Tên "A & B" <x>', hint: '1 > 0 & "ok"' })]), []);
    expect(out).toContain('name="a&amp;b&lt;c&gt;.yaml"');
    expect(out).toContain('message="Tên &quot;A &amp; B&quot; &lt;x&gt;"');
    expect(out).toContain('1 &gt; 0 &amp; &quot;ok&quot;</failure>');
    // No raw special character left inside attribute values or text.
    const body = out.replace(/^<\?xml[^>]*\?>/, '');
    const texts = [...body.matchAll(/"([^"]*)"/g)].map((x) => x[1]!);
    for (const t of texts) expect(t).not.toMatch(/[<>&](?!amp;|lt;|gt;|quot;)/);
  });

  it('drops characters XML 1.0 cannot carry, keeps tab and newline', () => {
    const out = junit(input([diag({ message: 'a\u0000b\u0007c\u001bd\u000be\tf', hint: 'g\nh' })]), []);
    expect(out).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(out).toContain('message="abcde\tf"');
    expect(out).toContain('g\nh</failure>');
  });

  it('is well formed for a workspace with no files', () => {
    expect(junit(input([], 0), [])).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="dvk" tests="0" failures="0">\n</testsuites>\n');
  });
});

describe('sarif', () => {
  const log = () => JSON.parse(sarif(input(SAMPLE)));

  it('has the 2.1.0 shape with one run naming the tool and its version', () => {
    const l = log();
    expect(l.version).toBe('2.1.0');
    expect(l.$schema).toMatch(/sarif-2\.1\.0/);
    expect(l.runs).toHaveLength(1);
    expect(l.runs[0].tool.driver).toMatchObject({ name: 'dvk', version: '1.2.3' });
    expect(l.runs[0].columnKind).toBe('utf16CodeUnits');
  });

  it('lists each rule once, and every ruleIndex points at its rule', () => {
    const run = log().runs[0];
    const ids = run.tool.driver.rules.map((r: { id: string }) => r.id);
    expect(ids).toEqual(['duplicate-id', 'nfc']);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
    expect(run.tool.driver.rules[1].shortDescription.text).toBe(m.rules.nfc);
  });

  it('maps each diagnostic to a result with its level and exact region', () => {
    const results = log().runs[0].results;
    expect(results).toHaveLength(3);
    expect(results[0]).toMatchObject({
      ruleId: 'duplicate-id',
      level: 'error',
      locations: [{ physicalLocation: { artifactLocation: { uri: 'models/a.yaml' }, region: { startLine: 3, startColumn: 5, endLine: 3, endColumn: 18 } } }],
    });
    expect(results[0].message.text).toContain('Mã bị trùng.');
    expect(results[0].message.text).toContain('Đổi mã.');
    expect(results[1].level).toBe('warning');
  });

  it('encodes file paths as URI references that decode back to the path', () => {
    const file = 'models/2023/Hòa Mạc/mô hình #1?.yaml';
    const uri: string = JSON.parse(sarif(input([diag({ file })]))).runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri;
    expect(uri).not.toMatch(/[ #?]/);
    expect(decodeURIComponent(uri)).toBe(file);
  });

  it('has no rules and no results for no diagnostics', () => {
    const run = JSON.parse(sarif(input([]))).runs[0];
    expect(run.tool.driver.rules).toEqual([]);
    expect(run.results).toEqual([]);
  });
});

describe('stylish', () => {
  it('groups by file, one header per file, with a blank line between groups', () => {
    const out = stylish(input(SAMPLE), { color: false });
    const lines = out.split('\n');
    expect(lines.filter((l) => l === 'models/a.yaml')).toHaveLength(1);
    expect(lines.filter((l) => l === 'models/b.yaml')).toHaveLength(1);
    const a = lines.indexOf('models/a.yaml');
    const b = lines.indexOf('models/b.yaml');
    expect(a).toBe(0);
    expect(lines[b - 1]).toBe('');
  });

  it('writes position, severity, message and rule on one line, and the hint below', () => {
    const lines = stylish(input(SAMPLE), { color: false }).split('\n');
    expect(lines[1]).toMatch(/^ {2}3:5 +lỗi +Mã bị trùng\. {2}duplicate-id$/);
    expect(lines[2]).toMatch(/^ +→ Đổi mã\.$/);
    expect(lines[3]).toMatch(/^ {2}10:1 +cảnh báo +NFD\. {2}nfc$/);
    // Positions and severities are padded to one width so messages line up.
    const col = (l: string) => l.indexOf(l.includes('Mã') ? 'Mã' : 'NFD');
    expect(col(lines[1]!)).toBe(col(lines[3]!));
    // The hint's arrow sits under the message.
    expect(lines[2]!.indexOf('→')).toBe(col(lines[1]!));
  });

  it('ends with the summary line', () => {
    const out = stylish(input(SAMPLE), { color: false });
    expect(out.endsWith(`\n\n${m.cli.summary({ files: 2, errors: 2, warnings: 1 })}\n`)).toBe(true);
  });

  it('says so when there is nothing to report', () => {
    expect(stylish(input([], 4), { color: false })).toBe(`${m.cli.summary({ files: 4, errors: 0, warnings: 0 })}\n`);
  });

  it('has no ANSI codes without colour, and has them with colour', () => {
    expect(stylish(input(SAMPLE), { color: false })).not.toMatch(ANSI);
    const coloured = stylish(input(SAMPLE), { color: true });
    expect(coloured).toMatch(ANSI);
    // Same text once the codes are removed.
    expect(coloured.replace(/\u001b\[[0-9;]*m/g, '')).toBe(stylish(input(SAMPLE), { color: false }));
  });

  it('speaks English with the English catalogue', () => {
    const out = stylish(input(SAMPLE, 2, 'en'), { color: false });
    expect(out).toMatch(/error/);
    expect(out).toMatch(/warning/);
    expect(out).not.toMatch(/lỗi/);
  });
});

describe('at scale (issue 9, defect 2)', () => {
  // Spreading a list into Math.max(...) overflowed the stack beyond ~125,000 items.
  const many = Array.from({ length: 200_000 }, (_, i) => diag({ file: `models/m${i >> 4}.yaml`, line: (i % 16) + 1, severity: 'warning', rule: 'step-incomplete' }));

  it('stylish prints 200,000 diagnostics', () => {
    const out = stylish(input(many, 12_500), { color: false });
    expect(out.split('\n').filter((l) => l.includes('step-incomplete'))).toHaveLength(200_000);
    expect(out).toContain('200.000 cảnh báo');
  });

  it('junit groups 200,000 diagnostics of one file', () => {
    const one = many.map((d) => ({ ...d, file: 'models/a.yaml' }));
    expect(junit(input(one, 1), ['models/a.yaml']).match(/<testcase /g)).toHaveLength(200_000);
  });
});

describe('text from the data in score outputs (issue 9, defect 9)', () => {
  const hostileName = '\u001b]0;pwned\u0007\u001b[2J\u202eabc [bấm](http://x.example) @octocat';
  const rows = results(
    {
      models: [{ data: model({ name: hostileName, unit: { name: 'UBND\u202e xã A', code: 'A', level: 'xa' } }), file: 'models/a.yaml' }],
      assessments: [{ data: sheet({ a: 8, b: 7, c: 15 }), file: 'assessments/a.yaml' }],
      frameworks: new Map([['f', framework()]]),
      levels: DEFAULT_LEVELS,
      detail: true,
    },
    {},
    m,
  );
  const o = { m, levels: DEFAULT_LEVELS, color: false };
  const RAW = /[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;

  it('the table, --explain and Markdown never send a control character', () => {
    expect(rows).toHaveLength(1);
    for (const out of [scoreTable(rows, o), explain(rows, o), scoreMarkdown(rows, o)]) expect(out).not.toMatch(RAW);
    expect(explain(rows, o)).toContain('\\u{1b}]0;pwned\\u{7}\\u{1b}[2J\\u{202e}abc');
  });

  it('Markdown makes no link and no mention of a name', () => {
    const md = scoreMarkdown(rows, o);
    expect(md).toContain('\\[bấm\\](http://x.example) @\u2060octocat');
    expect(md).not.toContain('[bấm](');
  });
});

describe('score --format json in pieces', () => {
  const f = framework();
  const rowsOf = (n: number) =>
    results(
      {
        models: Array.from({ length: n }, (_, i) => ({ data: model({ id: `M-${i}`, name: `Mô hình "${i}"\n` }), file: `models/${i}.yaml` })),
        // Every third model assessed, so that rows differ in shape.
        assessments: Array.from({ length: n }, (_, i) => ({ data: { ...sheet({ a: i % 11, b: 7, c: 15 }), model: `M-${i}` }, file: `assessments/${i}.yaml` })).filter((_, i) => i % 3 === 0),
        frameworks: new Map([['f', f]]),
        levels: DEFAULT_LEVELS,
      },
      {},
      m,
    );

  it('is JSON.stringify of the whole document, piece boundaries included', () => {
    for (const n of [0, 1, 2, 31, 32, 33, 64, 65, 100]) {
      const rows = rowsOf(n);
      const parts = [...scoreJsonParts(rows)];
      const whole = JSON.parse(parts.join('')) as { models: { id: string }[] };
      expect(parts.join(''), `${n} models`).toBe(`${JSON.stringify(whole, null, 2)}\n`);
      expect(whole.models.map((x) => x.id)).toEqual(rows.map((r) => r.model.id));
      // A piece holds a few models, never all of a large scope.
      if (n > 64) expect(parts.length).toBeGreaterThan(3);
    }
  });
});
