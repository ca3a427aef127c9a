// Guesses behind the hints: slugs, typo distance, nearest candidate, dates and numbers written
// the Vietnamese way, enum values typed with diacritics or as labels.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  editDistance, isValidDate, monthLength, nearest, slugify, stripDiacritics, suggestDate, suggestDecimal, suggestEnum, suggestInteger,
} from '../../src/core/hints.js';
import { formatNumber } from '../../src/i18n/format.js';

// Every Vietnamese vowel with every tone, both cases, plus đ/Đ.
const VOWELS = 'aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ';
const VI_LETTERS = [...VOWELS, ...VOWELS.toUpperCase(), 'đ', 'Đ'];

describe('stripDiacritics', () => {
  it('removes tones and vowel marks, and turns đ into d', () => {
    expect(stripDiacritics('Văn hóa – xã hội')).toBe('Van hoa – xa hoi');
    expect(stripDiacritics('Ủy ban MTTQ phường Hòa Mạc, Đồng Văn')).toBe('Uy ban MTTQ phuong Hoa Mac, Dong Van');
    expect(stripDiacritics('đường đê')).toBe('duong de');
  });

  it('turns every Vietnamese letter into one ASCII letter', () => {
    for (const ch of VI_LETTERS) expect(stripDiacritics(ch), ch).toMatch(/^[A-Za-z]$/);
  });

  it('handles decomposed (NFD) input the same as composed', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...VI_LETTERS, ' ', '-'), { maxLength: 20 }).map((a) => a.join('')), (s) => {
        expect(stripDiacritics(s.normalize('NFD'))).toBe(stripDiacritics(s));
      }),
    );
  });
});

describe('slugify', () => {
  it.each([
    ['Văn hóa – xã hội', 'van-hoa-xa-hoi'],
    ['Văn hóa - Xã hội', 'van-hoa-xa-hoi'],
    ['  Quốc phòng, an ninh!  ', 'quoc-phong-an-ninh'],
    ['Đường điện', 'duong-dien'],
    ['Xây dựng hệ thống chính trị', 'xay-dung-he-thong-chinh-tri'],
    ['C1.2', 'c1-2'],
    ['', ''],
    ['–––', ''],
  ])('%j -> %j', (input, slug) => {
    expect(slugify(input)).toBe(slug);
  });

  it('always gives a clean slug, and is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...VI_LETTERS, ' ', '-', '–', '.', ',', '_', '1', '9') }), (s) => {
        const slug = slugify(s);
        expect(slug).toMatch(/^(?:[a-z0-9]+(?:-[a-z0-9]+)*)?$/);
        expect(slugify(slug)).toBe(slug);
      }),
    );
  });
});

describe('editDistance', () => {
  it.each([
    ['', '', 0], ['', 'abc', 3], ['abc', 'abc', 0], ['ab', 'ba', 1], ['kitten', 'sitting', 3], ['register', 'regsiter', 1], ['register', 'regster', 1],
  ])('%j, %j -> %d', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });

  it('is symmetric and bounded by the lengths', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const d = editDistance(a, b);
        expect(editDistance(b, a)).toBe(d);
        expect(d).toBeGreaterThanOrEqual(Math.abs(a.length - b.length));
        expect(d).toBeLessThanOrEqual(Math.max(a.length, b.length));
        expect(d === 0).toBe(a === b);
      }),
    );
  });
});

describe('nearest', () => {
  const keys = ['kind', 'version', 'id', 'name', 'type', 'field', 'year', 'unit', 'person', 'steps', 'evidence', 'notes'];
  const steps = ['register', 'implement', 'inspect', 'review'];

  it('finds typos', () => {
    expect(nearest('feild', keys)).toBe('field');
    expect(nearest('evidance', keys)).toBe('evidence');
    expect(nearest('stpes', keys)).toBe('steps');
    expect(nearest('regster', steps)).toBe('register');
    expect(nearest('reveiw', steps)).toBe('review');
    expect(nearest('DT-2023-HM-1', ['DT-2023-HM-01', 'DT-2023-TS-01'])).toBe('DT-2023-HM-01');
  });

  it('ignores case and diacritics', () => {
    expect(nearest('Huyện', ['xa', 'huyen', 'tinh', 'trung-uong'])).toBe('huyen');
    expect(nearest('Trung ương', ['xa', 'huyen', 'tinh', 'trung-uong'])).toBe('trung-uong');
  });

  it('does not suggest unrelated words', () => {
    expect(nearest('banana', steps)).toBeUndefined();
    expect(nearest('description', keys)).toBeUndefined();
    expect(nearest('phuong', ['xa', 'huyen', 'tinh', 'trung-uong'])).toBeUndefined();
    expect(nearest('xyz', [])).toBeUndefined();
  });

  it('allows a slip of one letter in a short word and of a third of a long one', () => {
    expect(nearest('ix', keys)).toBe('id');
    expect(nearest('regstr', steps)).toBe('register');
    expect(nearest('rgstr', steps)).toBeUndefined();
  });

  it('keeps the first of equally close candidates', () => {
    expect(nearest('tinhh', ['tinh', 'tinhs'])).toBe('tinh');
    expect(nearest('ab', ['ac', 'ad'])).toBe('ac');
  });
});

describe('isValidDate', () => {
  it('knows leap years', () => {
    expect(isValidDate('2024-02-29')).toBe(true);
    expect(isValidDate('2023-02-29')).toBe(false);
    expect(isValidDate('2000-02-29')).toBe(true);
    expect(isValidDate('1900-02-29')).toBe(false);
  });

  it('rejects impossible months and days, and other shapes', () => {
    for (const s of ['2023-13-01', '2023-00-10', '2023-04-31', '2023-01-00', '2023-1-01', '23-01-01', '2023/01/01', '2023-01-01T00:00', '12023-01-01', '', 'ngày 2023-01-01']) {
      expect(isValidDate(s), s).toBe(false);
    }
  });

  it('agrees with the calendar for every day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 2999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, mo, d) => {
        const iso = `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        const real = new Date(Date.UTC(y, mo - 1, d)).getUTCDate() === d;
        expect(isValidDate(iso)).toBe(real);
      }),
    );
  });

  it('monthLength gives the real length of the month', () => {
    expect(monthLength('2023-02-30')).toBe(28);
    expect(monthLength('2024-02-30')).toBe(29);
    expect(monthLength('2023-04-31')).toBe(30);
    expect(monthLength('2023-01-32')).toBe(31);
    expect(monthLength('2023-12-32')).toBe(31);
    expect(monthLength('2023-13-01')).toBeUndefined();
    expect(monthLength('2023-00-01')).toBeUndefined();
    expect(monthLength('x')).toBeUndefined();
    expect(monthLength('12023-02-30')).toBeUndefined();
    expect(monthLength('2023-02-30T00:00')).toBeUndefined();
  });
});

describe('suggestDate', () => {
  it.each([
    ['24/5/2023', '2023-05-24'],
    ['24-05-2023', '2023-05-24'],
    ['24.5.2023', '2023-05-24'],
    [' 24 / 5 / 2023 ', '2023-05-24'],
    ['2023/5/24', '2023-05-24'],
    ['2023-5-24', '2023-05-24'],
    ['ngày 24 tháng 5 năm 2023', '2023-05-24'],
    ['Ngày 24 tháng 05 năm 2023', '2023-05-24'],
    ['24 tháng 5 năm 2023', '2023-05-24'],
    ['29/2/2024', '2024-02-29'],
  ])('%j -> %s', (written, iso) => {
    expect(suggestDate(written)).toBe(iso);
  });

  it.each([
    ['an impossible day', '31/2/2023'],
    ['29 February of a common year', '29/2/2023'],
    ['month first (13th month)', '5/24/2023'],
    ['already ISO', '2023-05-24'],
    ['not a date', 'hôm qua'],
    ['a number', 20230524],
  ])('nothing for %s', (_what, value) => {
    expect(suggestDate(value)).toBeUndefined();
  });

  it('turns every real day written D/M/YYYY into its ISO date', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }), (date) => {
        const iso = date.toISOString().slice(0, 10);
        const [y, mo, d] = iso.split('-').map(Number);
        expect(suggestDate(`${d}/${mo}/${y}`)).toBe(iso);
        expect(suggestDate(`ngày ${d} tháng ${mo} năm ${y}`)).toBe(iso);
      }),
    );
  });
});

describe('suggestDecimal', () => {
  it.each([
    ['8,5', '8.5'],
    [' 8,5 ', '8.5'],
    ['-1,25', '-1.25'],
    ['8.5', '8.5'],
    ['8', '8'],
    ['12,75', '12.75'],
    ['+12.75', '+12.75'],
  ])('%j -> %j', (written, s) => {
    expect(suggestDecimal(written)).toBe(s);
  });

  it.each(['abc', '8,5,1', '1.200,5', '', '8,', 'x8', 'x8.5'])('nothing for %j', (written) => {
    expect(suggestDecimal(written)).toBeUndefined();
  });
});

describe('suggestInteger', () => {
  it.each([
    ['1.200', '1200'],
    ['1.200.000', '1200000'],
    ['50.000.000', '50000000'],
    ['1,200', '1200'],
    ['1 200', '1200'],
    ['12 345 678', '12345678'],
    [' 1.200 ', '1200'],
  ])('%j -> %j', (written, s) => {
    expect(suggestInteger(written)).toBe(s);
  });

  it.each(['1.5', '12.00', '1234.567', '1200', '1.2000', '', 'abc', 'x1,200', '1,200x', 'x1 200', '1 200x', '1234 567'])('nothing for %j', (written) => {
    expect(suggestInteger(written)).toBeUndefined();
  });

  it('nothing for no source', () => {
    expect(suggestInteger(undefined)).toBeUndefined();
  });

  it('undoes Vietnamese thousands grouping for any whole number from 1,000', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: Number.MAX_SAFE_INTEGER }), (n) => {
        expect(suggestInteger(formatNumber(n, 'vi'))).toBe(String(n));
        expect(suggestInteger(formatNumber(n, 'en'))).toBe(String(n));
      }),
    );
  });
});

describe('suggestEnum', () => {
  const fields = ['kinh-te', 'van-hoa-xa-hoi', 'quoc-phong-an-ninh', 'xay-dung-he-thong-chinh-tri'];
  const types = ['collective', 'individual'];
  const aliases = { 'tap-the': 'collective', 'mo-hinh-tap-the': 'collective', 'ca-nhan': 'individual', 'dien-hinh-ca-nhan': 'individual' };

  it('strips diacritics', () => {
    expect(suggestEnum('văn-hóa-xã-hội', fields)).toBe('van-hoa-xa-hoi');
    expect(suggestEnum('Kinh tế', fields)).toBe('kinh-te');
  });

  it('accepts the label as written in documents', () => {
    expect(suggestEnum('Văn hóa – xã hội', fields)).toBe('van-hoa-xa-hoi');
    expect(suggestEnum('Quốc phòng - an ninh', fields)).toBe('quoc-phong-an-ninh');
  });

  it('maps Vietnamese labels through the aliases it is given', () => {
    expect(suggestEnum('tập thể', types, aliases)).toBe('collective');
    expect(suggestEnum('Mô hình tập thể', types, aliases)).toBe('collective');
    expect(suggestEnum('Điển hình cá nhân', types, aliases)).toBe('individual');
  });

  it('has no alias of its own for labels', () => {
    expect(suggestEnum('tập thể', types)).toBeUndefined();
  });

  it('never suggests an alias target that is not allowed', () => {
    expect(suggestEnum('tập thể', ['a-b', 'c-d'], aliases)).toBeUndefined();
  });

  it('falls back to the nearest allowed value for a typo', () => {
    expect(suggestEnum('colective', types)).toBe('collective');
    expect(suggestEnum('kinh-tee', fields)).toBe('kinh-te');
  });

  it('suggests nothing for unrelated values and non-strings', () => {
    expect(suggestEnum('banana', types)).toBeUndefined();
    expect(suggestEnum(5, types)).toBeUndefined();
    expect(suggestEnum(null, types)).toBeUndefined();
  });

  it('passes over allowed values that are not text (a const 1)', () => {
    expect(suggestEnum('một', [1])).toBeUndefined();
    expect(suggestEnum('kinh-tee', [1, 'kinh-te'])).toBe('kinh-te');
  });

  it('only ever suggests an allowed value', () => {
    let suggested = 0;
    // Random text, and allowed values and aliases with diacritics and slips, which do get a suggestion.
    const near = fc.constantFrom(...fields, ...Object.keys(aliases)).chain((v) =>
      fc.tuple(fc.nat(v.length), fc.constantFrom(...VI_LETTERS, ' ', '-', '')).map(([i, c]) => v.slice(0, i) + c + v.slice(i + 1)),
    );
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: fc.constantFrom(...VI_LETTERS, ' ', '-') }), near), (s) => {
        const out = suggestEnum(s, fields, aliases);
        if (out !== undefined) suggested++;
        expect(out === undefined || fields.includes(out)).toBe(true);
      }),
      { seed: 9 },
    );
    expect(suggested).toBeGreaterThan(10);
  });
});
