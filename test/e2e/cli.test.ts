// The command line as a user and a CI job see it: help and version in both languages, usage
// errors, the five report formats, exit codes, colour, named paths.
import fs from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { BIN, dvk, EXAMPLE, NODE, ROOT, writeFile, type JsonReport } from '../helpers.js';
import { baseWorkspace, caseWorkspace, dvkWithout, expectNoStackTrace, parseReport } from './support.js';

const VERSION = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const ESC = '\u001b[';

/** Base plus files whose names and messages hold the characters that formats must escape. */
function awkwardWorkspace(): string {
  const ws = baseWorkspace();
  // A file name with ':' and ',' (legal on Linux and macOS), a value with '%', '&', '<', '"'.
  writeFile(ws, 'models/2023/BB/ban-nhap:2023,lan-2.yaml', [
    'kind: model',
    'version: 1',
    'id: KT-2023-BB-01',
    'name: Dân vận khéo trong xây dựng nông thôn mới',
    'type: collective',
    'field: 100% <kinh-te> & "xa-hoi"',
    'year: "2023"',
    'unit: { name: Ủy ban nhân dân xã Bình Bảo, code: BB, level: xa }',
    'steps: {}',
    '',
  ].join('\n'));
  // A warning in another file: an incomplete step.
  writeFile(ws, 'models/2023/CC/dang-lam.yaml', [
    'kind: model',
    'version: 1',
    'id: KT-2023-CC-01',
    'name: Dân vận khéo trong chuyển đổi số',
    'type: collective',
    'field: kinh-te',
    'year: 2023',
    'unit: { name: Đoàn Thanh niên xã Cẩm Châu, code: CC, level: xa }',
    'steps:',
    '  register: { date: 2023-03-01 }',
    '',
  ].join('\n'));
  return ws;
}

describe('help and version', () => {
  const vi = { env: {} };
  const en: { label: string; args: string[]; env: Record<string, string> }[] = [
    { label: '--lang en', args: ['--lang', 'en'], env: {} },
    { label: 'DVK_LANG=en', args: [], env: { DVK_LANG: 'en' } },
  ];

  it('--help is in Vietnamese by default', async () => {
    const r = await dvk(['--help'], vi);
    expect(r.exitCode).toBe(0);
    const out = String(r.stdout);
    expect(out).toContain('Cách dùng:');
    expect(out).toContain('Tùy chọn:');
    expect(out).toContain('Lệnh:');
    expect(out).toMatch(/validate .*kiểm tra/);
    expect(out).not.toContain('Usage:');
    expectNoStackTrace(out + String(r.stderr));
  });

  it('validate --help is in Vietnamese by default', async () => {
    const r = await dvk(['validate', '--help'], vi);
    expect(r.exitCode).toBe(0);
    const out = String(r.stdout);
    expect(out).toContain('Cách dùng: dvk validate');
    expect(out).toContain('Mã thoát');
    expect(out).toMatch(/--max-warnings/);
    expect(out).not.toContain('Usage:');
  });

  for (const { label, args, env } of en) {
    it(`--help is in English with ${label}`, async () => {
      const r = await dvk([...args, '--help'], { env });
      expect(r.exitCode).toBe(0);
      const out = String(r.stdout);
      expect(out).toContain('Usage: dvk');
      expect(out).toContain('Options:');
      expect(out).toContain('Commands:');
      expect(out).not.toContain('Cách dùng');
      expect(out).not.toContain('Tùy chọn:');
    });

    it(`validate --help is in English with ${label}`, async () => {
      const r = await dvk([...args, 'validate', '--help'], { env });
      expect(r.exitCode).toBe(0);
      const out = String(r.stdout);
      expect(out).toContain('Usage: dvk validate');
      expect(out).toContain('Options:');
      expect(out).not.toContain('Cách dùng');
      expect(out).not.toMatch(/kiểm tra/);
    });

    it(`--version works with ${label}`, async () => {
      const r = await dvk([...args, '--version'], { env });
      expect(r.exitCode).toBe(0);
      expect(String(r.stdout).trim()).toBe(VERSION);
    });
  }

  it('--version prints the package version', async () => {
    for (const flag of ['--version', '-v', '-V']) {
      const r = await dvk([flag]);
      expect(r.exitCode).toBe(0);
      expect(String(r.stdout).trim()).toBe(VERSION);
      expect(String(r.stderr)).toBe('');
    }
  });

  it('Vietnamese help has no English left: usage words, defaults; dvk new --help shows new model\'s options', async () => {
    for (const args of [['--help'], ['init', '--help'], ['new', '--help'], ['help', 'decide']]) {
      const out = String((await dvk(args)).stdout);
      expect(out, args.join(' ')).not.toMatch(/\[options\]|\[command\]|\(default: |Usage:/);
    }
    expect(String((await dvk(['--help'])).stdout)).toContain('Cách dùng: dvk [tùy chọn] [lệnh]');
    const news = String((await dvk(['new', '--help'])).stdout);
    for (const flag of ['--name', '--unit-code', '--field', '--level']) expect(news).toContain(flag);
  });

  it('--lang on the command line wins over DVK_LANG', async () => {
    const r = await dvk(['--lang', 'vi', '--help'], { env: { DVK_LANG: 'en' } });
    expect(String(r.stdout)).toContain('Cách dùng:');
  });
});

describe('usage errors', () => {
  it('an unknown option exits 2 with a Vietnamese message and no stack trace', async () => {
    const r = await dvk(['validate', '--bogus'], { cwd: baseWorkspace() });
    expect(r.exitCode).toBe(2);
    const err = String(r.stderr);
    expect(err).toMatch(/Lỗi: Không có tùy chọn --bogus/);
    expect(String(r.stdout)).toBe('');
    expectNoStackTrace(err + String(r.stdout));
  });

  it('an unknown command exits 2 with a Vietnamese message, a suggestion and no stack trace', async () => {
    const r = await dvk(['validtae'], { cwd: baseWorkspace() });
    expect(r.exitCode).toBe(2);
    const err = String(r.stderr);
    expect(err).toMatch(/Lỗi: Không có lệnh validtae/);
    expect(err).toContain('validate');
    expectNoStackTrace(err + String(r.stdout));
  });

  it('an unknown format value exits 2 and lists the choices', async () => {
    const r = await dvk(['validate', '--format', 'xml'], { cwd: baseWorkspace() });
    expect(r.exitCode).toBe(2);
    expect(String(r.stderr)).toMatch(/sarif/);
    expectNoStackTrace(String(r.stderr));
  });

  it('an unknown step for --require exits 2', async () => {
    const r = await dvk(['validate', '--require', 'tong-ket'], { cwd: baseWorkspace() });
    expect(r.exitCode).toBe(2);
    expect(String(r.stderr)).toContain('tong-ket');
    expectNoStackTrace(String(r.stderr));
  });

  it('a near miss gets "did you mean": --explain, --require, a choice, --level, --map, a schema name', async () => {
    const cases: [string[], string][] = [
      [['-C', EXAMPLE, 'score', '--explain', 'DT-2023-ND-1'], 'Gợi ý: Có phải ý bạn là DT-2023-ND-01?'],
      [['-C', EXAMPLE, 'score', '--explain', 'dt-2023-nd-01'], 'Gợi ý: Có phải ý bạn là DT-2023-ND-01?'],
      [['-C', EXAMPLE, 'validate', '--require', 'reviw'], 'có phải ý bạn là review?'],
      [['-C', EXAMPLE, 'decide', '--by', 'unti'], 'Gợi ý: Có phải ý bạn là unit? Chọn một trong: unit, level, field.'],
      [['-C', EXAMPLE, 'score', '--level', 'huyn'], 'Gợi ý: Có phải ý bạn là "huyen"?'],
      [['-C', EXAMPLE, 'import', 'x.csv', '--map', 'Tên sáng kiến=nmae'], 'Gợi ý: Có phải ý bạn là name?'],
      [['schema', 'modle'], 'Gợi ý: Có phải ý bạn là model?'],
    ];
    for (const [args, hint] of cases) {
      const r = await dvk(args);
      expect(r.exitCode, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toContain(hint);
    }
  });

  it('a path that does not exist exits 2', async () => {
    const ws = baseWorkspace();
    const r = await dvk(['validate', 'models/2024'], { cwd: ws });
    expect(r.exitCode).toBe(2);
    expect(String(r.stderr)).toContain('Không tìm thấy "models/2024"');
    expectNoStackTrace(String(r.stderr) + String(r.stdout));
  });

  it('English usage errors use dvk\'s own prefix, without a stack trace', async () => {
    const r = await dvk(['--lang', 'en', 'frobnicate']);
    expect(r.exitCode).toBe(2);
    expect(String(r.stderr)).toMatch(/^Error: Unknown command frobnicate/m);
    expectNoStackTrace(String(r.stderr), { allowErrorPrefix: true });
  });

  it('a reader that closes the pipe early (dvk … | head) gets no stack trace', async () => {
    // `true` exits without reading, so dvk's write fails with EPIPE.
    for (const args of ['--help', `-C "${EXAMPLE}" status`, `-C "${EXAMPLE}" validate --format sarif`, `-C "${EXAMPLE}" score --format json`]) {
      const r = await execa('sh', ['-c', `"${NODE}" "${BIN}" ${args} | true`], { reject: false, env: { NO_COLOR: '1' } });
      expectNoStackTrace(String(r.stderr));
    }
  });
});

describe('validate on the example workspace', () => {
  it('passes with exit 0 and zero errors', async () => {
    const r = await dvk(['-C', 'examples/duy-tien-2023', 'validate', '--format', 'json']);
    expect(r.exitCode).toBe(0);
    const report = parseReport(String(r.stdout));
    expect(report.summary.errors).toBe(0);
    expect(report.summary.files).toBeGreaterThanOrEqual(17 + 6 + 2);
  });

  it('prints the Vietnamese success line in stylish format', async () => {
    const r = await dvk(['-C', 'examples/duy-tien-2023', 'validate']);
    expect(r.exitCode).toBe(0);
    expect(String(r.stdout)).toMatch(/Không có lỗi trong \d+ tệp/);
  });
});

describe('--format json', () => {
  it('has the stable shape of DESIGN.md §3', async () => {
    const r = await dvk(['validate', '--format', 'json'], { cwd: awkwardWorkspace() });
    expect(r.exitCode).toBe(1);
    const report = JSON.parse(String(r.stdout)) as JsonReport;
    expect(Object.keys(report)).toEqual(['summary', 'diagnostics']);
    expect(Object.keys(report.summary)).toEqual(['files', 'errors', 'warnings']);
    expect(report.summary).toEqual({ files: 8, errors: 2, warnings: 1 });
    expect(report.diagnostics.length).toBe(3);
    for (const d of report.diagnostics) {
      expect(Object.keys(d)).toEqual(['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'rule', 'message', 'hint']);
      expect(typeof d.file).toBe('string');
      expect(d.file).not.toContain('\\');
      for (const n of [d.line, d.column, d.endLine, d.endColumn]) expect(Number.isInteger(n) && n >= 1).toBe(true);
      expect(['error', 'warning']).toContain(d.severity);
      expect(typeof d.rule).toBe('string');
      expect(typeof d.message).toBe('string');
      expect(d.hint === null || typeof d.hint === 'string').toBe(true);
    }
  });

  it('writes nothing to stderr and nothing but JSON to stdout', async () => {
    const r = await dvk(['validate', '--format', 'json'], { cwd: awkwardWorkspace() });
    expect(String(r.stderr)).toBe('');
    expect(() => JSON.parse(String(r.stdout))).not.toThrow();
  });
});

describe('--format github', () => {
  const unescapeData = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
  const unescapeProp = (s: string) => unescapeData(s.replace(/%3A/g, ':').replace(/%2C/g, ','));

  it('annotates each diagnostic, escaping %, newline, : and , as GitHub requires', async () => {
    const ws = awkwardWorkspace();
    const [gh, js] = await Promise.all([
      dvk(['validate', '--format', 'github'], { cwd: ws }),
      dvk(['validate', '--format', 'json'], { cwd: ws }),
    ]);
    expect(gh.exitCode).toBe(1);
    const report = parseReport(String(js.stdout));
    const lines = String(gh.stdout).split('\n').filter((l) => l.startsWith('::'));
    expect(lines.length).toBe(report.diagnostics.length);
    expect(lines.filter((l) => l.startsWith('::error file=')).length).toBe(2);
    expect(lines.filter((l) => l.startsWith('::warning file=')).length).toBe(1);
    // Nothing else on stdout may look like a workflow command.
    for (const l of String(gh.stdout).split('\n')) if (l.includes('::')) expect(l.startsWith('::')).toBe(true);

    for (const line of lines) {
      const m = /^::(error|warning) ([^:]*)::(.*)$/.exec(line);
      expect(m, line).not.toBeNull();
      const [, severity, props, data] = m!;
      expect(data, 'raw newline or CR in message').not.toMatch(/[\r\n]/);
      expect(data!.replace(/%(25|0A|0D)/g, ''), 'unescaped % in message').not.toContain('%');
      const fields: Record<string, string> = {};
      for (const p of props!.split(',')) {
        const eq = p.indexOf('=');
        expect(eq, p).toBeGreaterThan(0);
        const value = p.slice(eq + 1);
        expect(value.replace(/%(25|0A|0D|3A|2C)/g, ''), `unescaped % in ${p}`).not.toContain('%');
        fields[p.slice(0, eq)] = unescapeProp(value);
      }
      const d = report.diagnostics.find((x) => x.file === fields.file && x.line === Number(fields.line) && x.column === Number(fields.col));
      expect(d, `no JSON diagnostic for ${line}`).toBeDefined();
      expect(severity).toBe(d!.severity);
      expect(Number(fields.endLine)).toBe(d!.endLine);
      expect(Number(fields.endColumn)).toBe(d!.endColumn);
      expect(fields.title).toContain(d!.rule);
      const text = unescapeData(data!);
      expect(text.startsWith(d!.message)).toBe(true);
      if (d!.hint) expect(text).toBe(`${d!.message}\n${d!.hint}`);
    }
    // The file name really held ':' and ',', escaped in the property.
    expect(String(gh.stdout)).toContain('file=models/2023/BB/ban-nhap%3A2023%2Clan-2.yaml,');
    // The message really held '%' (escaped) and a hint after a newline.
    expect(String(gh.stdout)).toContain('100%25');
    expect(String(gh.stdout)).toMatch(/%0A/);
  });
});

/** A deliberately small XML well-formedness check: tags balance, attributes are quoted, text has no raw '<' or stray '&'. */
function checkXml(xml: string): { name: string; attrs: Record<string, string>; children: unknown[] }[] {
  const decl = /^<\?xml version="1\.0" encoding="UTF-8"\?>\n/;
  expect(xml).toMatch(decl);
  const body = xml.replace(decl, '');
  const stack: string[] = [];
  const elements: { name: string; attrs: Record<string, string>; children: unknown[] }[] = [];
  const token = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.-]*="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  let pos = 0;
  let roots = 0;
  let m: RegExpExecArray | null;
  while (pos < body.length && (m = token.exec(body))) {
    pos = token.lastIndex;
    const [, close, name, attrText, selfClose, text] = m;
    if (text !== undefined) {
      expect(text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, ''), 'stray & or > in text').not.toMatch(/[&]/);
      if (stack.length === 0) expect(text.trim(), 'text outside the root').toBe('');
      continue;
    }
    if (close) {
      expect(stack.pop(), `</${name}> does not close the open tag`).toBe(name);
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of attrText!.matchAll(/([A-Za-z_][\w.-]*)="([^"]*)"/g)) {
      expect(a[2]!.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, ''), `stray & in ${a[1]}`).not.toContain('&');
      expect(attrs[a[1]!], `attribute ${a[1]} twice`).toBeUndefined();
      attrs[a[1]!] = a[2]!
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, '&');
    }
    if (stack.length === 0) roots++;
    elements.push({ name: name!, attrs, children: [] });
    if (!selfClose) stack.push(name!);
  }
  expect(pos, `unparsable XML at: ${body.slice(pos, pos + 60)}`).toBe(body.length);
  expect(stack, 'unclosed tags').toEqual([]);
  expect(roots).toBe(1);
  return elements;
}

describe('--format junit', () => {
  it('is well-formed XML with one suite per file and one case per diagnostic', async () => {
    const ws = awkwardWorkspace();
    const [ju, js] = await Promise.all([
      dvk(['validate', '--format', 'junit'], { cwd: ws }),
      dvk(['validate', '--format', 'json'], { cwd: ws }),
    ]);
    expect(ju.exitCode).toBe(1);
    const report = parseReport(String(js.stdout));
    const elements = checkXml(String(ju.stdout));
    const suites = elements.filter((e) => e.name === 'testsuite');
    const cases = elements.filter((e) => e.name === 'testcase');
    const failures = elements.filter((e) => e.name === 'failure');
    expect(elements[0]!.name).toBe('testsuites');
    expect(suites.length).toBe(report.summary.files);
    const perFile = new Map<string, number>();
    for (const d of report.diagnostics) perFile.set(d.file, (perFile.get(d.file) ?? 0) + 1);
    expect(cases.length).toBe(suites.reduce((n, s) => n + Math.max(1, perFile.get(s.attrs.name!) ?? 0), 0));
    expect(failures.length).toBe(report.diagnostics.length);
    expect(Number(elements[0]!.attrs.failures)).toBe(report.diagnostics.length);
    expect(Number(elements[0]!.attrs.tests)).toBe(cases.length);
    // Names and messages come back intact after unescaping.
    expect(suites.map((s) => s.attrs.name)).toContain('models/2023/BB/ban-nhap:2023,lan-2.yaml');
    const enumMessage = report.diagnostics.find((d) => d.rule === 'schema-enum')!.message;
    expect(enumMessage).toContain('<kinh-te> & "xa-hoi"');
    expect(failures.map((f) => f.attrs.message)).toContain(enumMessage);
  });

  it('lists a clean workspace as passing test cases', async () => {
    const r = await dvk(['validate', '--format', 'junit'], { cwd: baseWorkspace() });
    expect(r.exitCode).toBe(0);
    const elements = checkXml(String(r.stdout));
    expect(elements.filter((e) => e.name === 'testsuite').length).toBe(6);
    expect(elements.filter((e) => e.name === 'failure').length).toBe(0);
  });
});

interface SarifLog {
  $schema: string;
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; rules: { id: string; shortDescription?: { text: string } }[] } };
    results: {
      ruleId: string;
      ruleIndex?: number;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } } }[];
    }[];
  }[];
}

describe('--format sarif', () => {
  it('is SARIF 2.1.0: version, $schema, tool, one rule per ruleId, located results', async () => {
    const ws = await caseWorkspace('evidence');
    writeFile(ws, 'models/2023/CC/dang-lam.yaml', fs.readFileSync(path.join(awkwardWorkspace(), 'models/2023/CC/dang-lam.yaml')));
    const [sa, js] = await Promise.all([
      dvk(['validate', '--format', 'sarif'], { cwd: ws }),
      dvk(['validate', '--format', 'json'], { cwd: ws }),
    ]);
    expect(sa.exitCode).toBe(1);
    const report = parseReport(String(js.stdout));
    const log = JSON.parse(String(sa.stdout)) as SarifLog;
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-(schema-)?2\.1\.0(-rtm\.\d+)?\.json$/);
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0]!;
    expect(run.tool.driver.name).toBe('dvk');
    expect(run.tool.driver.version).toBe(VERSION);
    const ruleIds = [...new Set(report.diagnostics.map((d) => d.rule))].sort();
    expect(ruleIds.length).toBeGreaterThanOrEqual(3);
    expect(run.tool.driver.rules.map((r) => r.id).sort()).toEqual(ruleIds);
    for (const rule of run.tool.driver.rules) expect(rule.shortDescription?.text ?? '').not.toBe('');
    expect(run.results).toHaveLength(report.diagnostics.length);
    for (const res of run.results) {
      expect(ruleIds).toContain(res.ruleId);
      if (res.ruleIndex !== undefined) expect(run.tool.driver.rules[res.ruleIndex]!.id).toBe(res.ruleId);
      expect(['error', 'warning']).toContain(res.level);
      expect(res.message.text).not.toBe('');
      expect(res.locations).toHaveLength(1);
      const loc = res.locations[0]!.physicalLocation;
      expect(loc.artifactLocation.uri).not.toMatch(/^[a-z]+:|^\//i);
      const d = report.diagnostics.find(
        (x) => encodeURI(x.file) === loc.artifactLocation.uri && x.line === loc.region.startLine && x.column === loc.region.startColumn && x.rule === res.ruleId,
      );
      expect(d, JSON.stringify(res)).toBeDefined();
      expect(loc.region.endLine).toBe(d!.endLine);
      expect(loc.region.endColumn).toBe(d!.endColumn);
      expect(res.level).toBe(d!.severity);
    }
  });

  it('is valid for a clean workspace too (empty results, rules may be empty)', async () => {
    const r = await dvk(['validate', '--format', 'sarif'], { cwd: baseWorkspace() });
    expect(r.exitCode).toBe(0);
    const log = JSON.parse(String(r.stdout)) as SarifLog;
    expect(log.runs[0]!.results).toEqual([]);
  });
});

describe('exit codes, --max-warnings and --quiet', () => {
  it('--max-warnings 0 with only warnings exits 1 and says why', async () => {
    const ws = await caseWorkspace('step-incomplete');
    const plain = await dvk(['validate'], { cwd: ws });
    expect(plain.exitCode).toBe(0);
    const strict = await dvk(['validate', '--max-warnings', '0'], { cwd: ws });
    expect(strict.exitCode).toBe(1);
    expect(String(strict.stderr)).toMatch(/--max-warnings/);
    const enough = await dvk(['validate', '--max-warnings', '1'], { cwd: ws });
    expect(enough.exitCode).toBe(0);
  });

  it('--quiet hides warnings but keeps errors', async () => {
    const ws = await caseWorkspace('evidence');
    const loud = parseReport(String((await dvk(['validate', '--format', 'json'], { cwd: ws })).stdout));
    expect(loud.diagnostics.some((d) => d.severity === 'warning')).toBe(true);

    const quietJson = await dvk(['-q', 'validate', '--format', 'json'], { cwd: ws });
    expect(quietJson.exitCode).toBe(1);
    const q = parseReport(String(quietJson.stdout));
    expect(q.diagnostics.filter((d) => d.severity === 'warning')).toEqual([]);
    expect(q.diagnostics.filter((d) => d.severity === 'error').length).toBe(loud.summary.errors);

    const quietStylish = await dvk(['validate', '--quiet'], { cwd: ws });
    expect(String(quietStylish.stdout)).not.toContain('evidence-missing');
    expect(String(quietStylish.stdout)).toContain('evidence-outside');
  });

  it('-q --max-warnings shows the warnings that fail the run', async () => {
    const r = await dvk(['-q', 'validate', '--max-warnings', '0'], { cwd: await caseWorkspace('step-incomplete') });
    expect(r.exitCode).toBe(1);
    expect(String(r.stdout)).toContain('step-incomplete');
    expect(String(r.stderr)).toMatch(/--max-warnings 0/);
  });

  it('English summaries count in the singular and the plural', async () => {
    const one = await dvk(['--lang', 'en', 'validate', 'models/2023/BB/nong-thon-moi.yaml'], { cwd: await caseWorkspace('yaml-bad-indent') });
    expect(String(one.stdout)).toContain('✖ 1 error, 0 warnings in 1 file.');
    const many = await dvk(['--lang', 'en', 'validate'], { cwd: await caseWorkspace('date-order') });
    expect(String(many.stdout)).toMatch(/✖ 4 errors, 0 warnings in 6 files\./);
  });

  it('--quiet with only warnings prints no diagnostics and exits 0', async () => {
    const r = await dvk(['validate', '-q'], { cwd: await caseWorkspace('step-incomplete') });
    expect(r.exitCode).toBe(0);
    expect(String(r.stdout)).not.toContain('step-incomplete');
  });
});

describe('colour', () => {
  it('appears with FORCE_COLOR=1', async () => {
    const r = await dvk(['validate'], { cwd: await caseWorkspace('evidence'), env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(String(r.stdout)).toContain(ESC);
  });

  it('never appears with NO_COLOR, even with FORCE_COLOR', async () => {
    const ws = await caseWorkspace('evidence');
    const r = await dvk(['validate'], { cwd: ws, env: { NO_COLOR: '1', FORCE_COLOR: '1' } });
    expect(String(r.stdout) + String(r.stderr)).not.toContain(ESC);
    const usage = await dvk(['validate', '--bogus'], { cwd: ws, env: { NO_COLOR: '1', FORCE_COLOR: '1' } });
    expect(String(usage.stderr)).not.toContain(ESC);
  });

  it('never appears with --no-color, even with FORCE_COLOR', async () => {
    const r = await dvk(['--no-color', 'validate'], { cwd: await caseWorkspace('evidence'), env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(String(r.stdout) + String(r.stderr)).not.toContain(ESC);
  });

  it('does not appear when output is not a terminal (no NO_COLOR, no FORCE_COLOR)', async () => {
    const r = await dvkWithout(['NO_COLOR', 'FORCE_COLOR'], ['validate'], { cwd: await caseWorkspace('evidence') });
    expect(r.exitCode).toBe(1);
    expect(String(r.stdout) + String(r.stderr)).not.toContain(ESC);
  });

  it('never appears in machine formats', async () => {
    const ws = await caseWorkspace('evidence');
    for (const format of ['json', 'github', 'sarif', 'junit']) {
      const r = await dvk(['validate', '--format', format], { cwd: ws, env: { NO_COLOR: '', FORCE_COLOR: '1' } });
      expect(String(r.stdout), format).not.toContain(ESC);
    }
  });
});

describe('named paths', () => {
  it('validating one file reports only that file, with cross-file rules applied', async () => {
    const ws = await caseWorkspace('unknown-level'); // errors in models/2023/BB/… and in KT-2023-AA-02.yaml
    const one = await dvk(['validate', '--format', 'json', 'assessments/2023/huyen/KT-2023-AA-01.yaml'], { cwd: ws });
    // The assessment names KT-2023-AA-01 and f-40, which live in files not named: that is fine.
    expect(one.exitCode).toBe(0);
    expect(parseReport(String(one.stdout))).toEqual({ summary: { files: 1, errors: 0, warnings: 0 }, diagnostics: [] });

    const bad = await dvk(['validate', '--format', 'json', 'models/2023/BB/nong-thon-moi.yaml'], { cwd: ws });
    expect(bad.exitCode).toBe(1);
    const report = parseReport(String(bad.stdout));
    expect(report.summary.files).toBe(1);
    expect(report.diagnostics.map((d) => `${d.file} ${d.rule}`)).toEqual(['models/2023/BB/nong-thon-moi.yaml unknown-level']);
  });

  it('a cross-file error is reported on the named file only', async () => {
    const ws = await caseWorkspace('duplicate-model-id');
    const r = await dvk(['validate', '--format', 'json', 'models/2023/BB/nong-thon-moi.yaml'], { cwd: ws });
    expect(r.exitCode).toBe(1);
    const report = parseReport(String(r.stdout));
    expect(report.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.rule}`)).toEqual(['models/2023/BB/nong-thon-moi.yaml:3:5 duplicate-id']);
  });

  it('a named folder reports the files under it', async () => {
    const ws = await caseWorkspace('duplicate-model-id');
    const r = await dvk(['validate', '--format', 'json', 'models/2023/AA'], { cwd: ws });
    const report = parseReport(String(r.stdout));
    expect(report.summary.files).toBe(2);
    expect(report.diagnostics.map((d) => d.file)).toEqual(['models/2023/AA/thap-sang-duong-que.yaml']);
  });

  it('paths are relative to the folder dvk runs in, also from a subfolder', async () => {
    const ws = await caseWorkspace('unknown-level');
    const r = await dvk(['validate', '--format', 'json'], { cwd: path.join(ws, 'models', '2023') });
    expect(r.exitCode).toBe(1);
    expect(parseReport(String(r.stdout)).diagnostics.map((d) => d.file).sort()).toEqual(['../../assessments/2023/huyen/KT-2023-AA-02.yaml', 'BB/nong-thon-moi.yaml']);
  });

  it('-C resolves named paths from the given folder', async () => {
    const ws = await caseWorkspace('unknown-level');
    const r = await dvk(['-C', ws, 'validate', '--format', 'json', 'models/2023/BB/nong-thon-moi.yaml']);
    expect(r.exitCode).toBe(1);
    expect(parseReport(String(r.stdout)).diagnostics.map((d) => d.file)).toEqual(['models/2023/BB/nong-thon-moi.yaml']);
  });
});

describe('Vietnamese text in output', () => {
  it('is NFC in stylish output, even when the input is NFD', async () => {
    const r = await dvk(['validate'], { cwd: await caseWorkspace('nfd-text') });
    expect(r.exitCode).toBe(0);
    const out = String(r.stdout);
    expect(out).toContain('cảnh báo');
    expect(out).toContain('Ủy ban nhân dân xã Bình Bảo');
    expect(out === out.normalize('NFC')).toBe(true);
  });

  it('is NFC in stylish output with errors', async () => {
    const r = await dvk(['validate'], { cwd: await caseWorkspace('enum-diacritics') });
    const out = String(r.stdout);
    expect(out).toContain('văn-hóa-xã-hội');
    expect(out === out.normalize('NFC')).toBe(true);
  });
});

describe('validate - (standard input)', () => {
  it('checks standard input as the file --stdin-filename names, with the rest of the workspace', async () => {
    const ws = baseWorkspace();
    const sheet = fs.readFileSync(path.join(ws, 'assessments/2023/huyen/KT-2023-AA-02.yaml'), 'utf8').replace('N1.2: 9.5', 'N1.2: 12.5');
    const r = await dvk(['validate', '-', '--stdin-filename', 'assessments/2023/huyen/KT-2023-AA-02.yaml', '--format', 'json'], { cwd: ws, input: sheet });
    expect(r.exitCode).toBe(1);
    const report = parseReport(r.stdout);
    expect(report.summary.files).toBe(1);
    expect(report.diagnostics.map((d) => `${d.file}:${d.line} ${d.rule}`)).toEqual(['assessments/2023/huyen/KT-2023-AA-02.yaml:9 score-over-max']);
    // The file on disk is untouched and still fine.
    expect((await dvk(['validate'], { cwd: ws })).exitCode).toBe(0);
    // Without a name: <stdin>, its kind from its content.
    const anon = await dvk(['validate', '-'], { cwd: ws, input: 'kind: model\nversion: 1\n' });
    expect(anon.stdout).toMatch(/^<stdin>$/m);
  });
});

describe('lang: in dvk.config.yaml', () => {
  it('sets the language of messages, below --lang and DVK_LANG', async () => {
    const ws = baseWorkspace();
    writeFile(ws, 'dvk.config.yaml', fs.readFileSync(path.join(ws, 'dvk.config.yaml'), 'utf8').replace('year: 2023', 'lang: en\nyear: 2023'));
    const en = await dvk(['validate'], { cwd: path.join(ws, 'models') });
    expect(en.stdout).toBe('✔ No problems in 6 files.\n');
    expect((await dvk(['-C', ws, 'score'])).stdout).toContain('2 models: 2 assessed, 2 recognised');
    expect((await dvk(['--help'], { cwd: ws })).stdout).toContain('Usage: dvk');
    expect((await dvk(['--lang', 'vi', 'validate'], { cwd: ws })).stdout).toBe('✔ Không có lỗi trong 6 tệp.\n');
    expect((await dvk(['validate'], { cwd: ws, env: { DVK_LANG: 'vi' } })).stdout).toBe('✔ Không có lỗi trong 6 tệp.\n');
  });
});
