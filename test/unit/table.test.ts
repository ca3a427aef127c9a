// Plain-text terminal tables: widths in characters (Vietnamese included), shortening with an
// ellipsis, right alignment, a footer.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shorten, table, width, wrap } from '../../src/cli/table.js';

/** Lines of a table without the final newline. */
const lines = (t: string) => t.replace(/\n$/, '').split('\n');
/** Where (in characters) a cell starts on a line. */
const at = (line: string, cell: string) => [...line.slice(0, line.indexOf(cell))].length;

describe('width', () => {
  it('counts characters, not UTF-16 units or bytes', () => {
    expect(width('')).toBe(0);
    expect(width('abc')).toBe(3);
    expect(width('Ủy ban MTTQ phường Hòa Mạc')).toBe(26);
    expect(width('Đạt')).toBe(3);
  });

  it('counts a decomposed (NFD) letter as one column, as a terminal shows it', () => {
    expect(width('Hòa Mạc'.normalize('NFD'))).toBe(7);
  });
});

describe('shorten', () => {
  it('leaves a short enough text alone', () => {
    expect(shorten('Hòa Mạc', 7)).toBe('Hòa Mạc');
    expect(shorten('Hòa Mạc', 20)).toBe('Hòa Mạc');
  });

  it('cuts a long text and ends it with an ellipsis', () => {
    const s = shorten('Dân vận khéo trong thu gom rác', 10);
    expect(s).toBe('Dân vận k…');
    expect(width(s)).toBe(10);
  });

  it('does not leave a space before the ellipsis', () => {
    expect(shorten('Dân vận khéo', 9)).toBe('Dân vận…');
  });

  it('never exceeds the maximum and keeps a prefix (property)', () => {
    const text = fc.string({ unit: fc.constantFrom(...'aăâbcdđeêoôơuưy ÀÁẢÃẠàáảãạỳýỷỹỵ-,.'), maxLength: 40 });
    fc.assert(
      fc.property(text, fc.integer({ min: 2, max: 40 }), (s, max) => {
        const out = shorten(s, max);
        expect(width(out)).toBeLessThanOrEqual(max);
        if (width(s) <= max) expect(out).toBe(s);
        else {
          expect(out.endsWith('…')).toBe(true);
          expect(s.startsWith(out.slice(0, -1))).toBe(true);
        }
      }),
    );
  });
});

describe('table', () => {
  const columns = [{ header: 'Mã' }, { header: 'Đơn vị' }, { header: 'Điểm', align: 'right' as const }];
  const rows = [
    ['DT-2023-HM-01', 'Ủy ban MTTQ phường Hòa Mạc', '86,5'],
    ['DT-2023-MN-01', 'UBND xã Mộc Nam', '100'],
    ['X', 'Đoàn Thanh niên', '7'],
  ];

  it('lines up columns by characters, with Vietnamese text', () => {
    const ls = lines(table(columns, rows));
    expect(ls).toHaveLength(2 + rows.length);
    // Column 2 starts after the widest column 1 cell (13) and two spaces.
    expect(at(ls[0]!, 'Đơn vị')).toBe(15);
    expect(at(ls[2]!, 'Ủy ban')).toBe(15);
    expect(at(ls[3]!, 'UBND')).toBe(15);
    expect(at(ls[4]!, 'Đoàn')).toBe(15);
  });

  it('draws a rule under the header as wide as each column', () => {
    const ls = lines(table(columns, rows));
    expect(ls[1]).toBe(`${'─'.repeat(13)}  ${'─'.repeat(26)}  ${'─'.repeat(4)}`);
  });

  it('aligns right where asked: the cells end in the same column', () => {
    const ls = lines(table(columns, rows));
    const ends = ls.filter((_, i) => i !== 1).map((l) => width(l));
    expect(new Set(ends).size).toBe(1);
    expect(ls[3]!.endsWith('  100')).toBe(true);
    expect(ls[4]!.endsWith('    7')).toBe(true);
  });

  it('does not leave trailing spaces', () => {
    const t = table([{ header: 'A' }, { header: 'B' }], [['x', ''], ['yyyy', 'z']]);
    for (const l of lines(t)) expect(l).toBe(l.trimEnd());
    expect(t.endsWith('\n')).toBe(true);
  });

  it('shortens cells of a column with a maximum, but not its header', () => {
    const t = table([{ header: 'Tên mô hình rất dài', max: 8 }, { header: 'Mã' }], [['Dân vận khéo trong thu gom rác', 'HM']]);
    const ls = lines(t);
    expect(ls[0]!.startsWith('Tên mô hình rất dài')).toBe(true);
    expect(ls[2]!.startsWith('Dân vận…')).toBe(true);
    expect(at(ls[2]!, 'HM')).toBe(at(ls[0]!, 'Mã'));
  });

  it('adds a footer under its own rule, counted in the widths, in bold', () => {
    const bold = (s: string) => `*${s}*`;
    const t = table([{ header: 'Đơn vị' }, { header: 'Số mô hình', align: 'right' }], [['Hòa Mạc', '3'], ['Mộc Nam', '12']], { bold, footer: ['Tổng cộng các đơn vị', '15'] });
    const ls = lines(t);
    expect(ls).toHaveLength(6);
    expect(ls[0]).toBe('*Đơn vị                Số mô hình*');
    expect(ls[4]).toBe(ls[1]);
    expect(ls[4]).toBe(`${'─'.repeat(20)}  ${'─'.repeat(10)}`);
    expect(ls[5]).toBe('*Tổng cộng các đơn vị          15*');
    expect(ls[2]).toBe('Hòa Mạc                        3');
  });

  it('has only the header and its rule for no rows', () => {
    expect(table([{ header: 'Mã' }, { header: 'Tên' }], [])).toBe('Mã  Tên\n──  ───\n');
  });

  it('lines up a cell written in NFD like the same cell in NFC', () => {
    // The second row is plain NFC, so its character positions are its display columns.
    const nfc = lines(table([{ header: 'Đơn vị' }, { header: 'Mã' }], [['Hòa Mạc', 'HM'], ['Xã B', 'ZZ']]));
    const nfd = lines(table([{ header: 'Đơn vị' }, { header: 'Mã' }], [['Hòa Mạc'.normalize('NFD'), 'HM'], ['Xã B', 'ZZ']]));
    expect(at(nfc[3]!, 'ZZ')).toBe(9);
    expect(at(nfd[3]!, 'ZZ')).toBe(9);
  });
});

describe('table with a width to fit', () => {
  const columns = [{ header: 'Mã' }, { header: 'Tên', max: 48, min: 8 }, { header: 'Đơn vị', max: 30, min: 8, drop: 1 }, { header: 'Điểm', align: 'right' as const }];
  const rows = [['DT-1', 'Dân vận khéo trong thu gom, phân loại rác', 'Ủy ban MTTQ phường Hòa Mạc', '92,70']];

  it('is unchanged without a width, narrows the flexible columns, then drops one', () => {
    expect(lines(table(columns, rows))[2]).toBe('DT-1  Dân vận khéo trong thu gom, phân loại rác  Ủy ban MTTQ phường Hòa Mạc  92,70');
    const narrow = lines(table(columns, rows, { width: 50 }));
    expect(narrow.every((l) => width(l) <= 50)).toBe(true);
    expect(narrow[0]).toContain('Đơn vị');
    const narrower = lines(table(columns, rows, { width: 30 }));
    expect(narrower[0]).not.toContain('Đơn vị');
    expect(narrower[2]).toBe('DT-1  Dân vận khéo tro…  92,70');
    expect(width(narrower[2]!)).toBe(30);
  });

  it('wraps text at spaces with a hanging indent, keeping its own indent', () => {
    expect(wrap('  một hai ba bốn năm sáu', 12, '    ')).toBe('  một hai ba\n    bốn năm\n    sáu');
    expect(wrap('ngắn', 12)).toBe('ngắn');
    expect(wrap('không có độ rộng', undefined)).toBe('không có độ rộng');
  });
});

describe('at scale (issue 9, defect 2)', () => {
  it('lays out 200,000 rows (the status and score tables of a national workspace)', () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => [`M-${i}`, 'Đơn vị']);
    const out = lines(table([{ header: 'Mã' }, { header: 'Đơn vị' }], rows));
    expect(out).toHaveLength(200_002);
    expect(out[2]).toBe('M-0       Đơn vị');
  });
});
