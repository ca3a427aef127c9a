import { describe, expect, it } from 'vitest';
import { curlyQuotes, documentDate, moneyWords, numberToWords } from '../../src/core/words.js';

describe('moneyWords: sums of money as a report writes them', () => {
  it.each([
    [7_560_000_000, '7,56 tỷ đồng'],
    [850_000_000, '850 triệu đồng'],
    [1_000_000_000, '1 tỷ đồng'],
    [12_500_000_000, '12,5 tỷ đồng'],
    [1_500_000, '1,5 triệu đồng'],
    [150_000_000, '150 triệu đồng'],
    [1_234_567_000_000, '1.234,57 tỷ đồng'],
    [500_000, '500.000 đồng'],
    [12_345, '12.345 đồng'],
    [0, '0 đồng'],
  ])('%d -> %s', (vnd, words) => {
    expect(moneyWords(vnd)).toBe(words);
  });

  it('rounds once, half up, to two decimals of its unit, moving up a unit when rounding reaches it', () => {
    expect(moneyWords(7_565_000_000)).toBe('7,57 tỷ đồng');
    expect(moneyWords(7_564_999_999)).toBe('7,56 tỷ đồng');
    expect(moneyWords(999_995_000)).toBe('1 tỷ đồng');
    expect(moneyWords(999_994_999)).toBe('999,99 triệu đồng');
    expect(moneyWords(999_999)).toBe('999.999 đồng');
    expect(moneyWords(996_000_000)).toBe('996 triệu đồng');
    expect(moneyWords(994_999)).toBe('994.999 đồng');
    expect(moneyWords(2_005_000)).toBe('2,01 triệu đồng');
    expect(moneyWords(2_004_999)).toBe('2 triệu đồng');
    // Beyond 2^53 / 100: exact all the same.
    expect(moneyWords(9_007_199_254_740_991)).toBe('9.007.199,25 tỷ đồng');
  });

  it('refuses what is not a sum of money', () => {
    expect(() => moneyWords(-1)).toThrow(RangeError);
    expect(() => moneyWords(Number.NaN)).toThrow(RangeError);
  });
});

describe('curlyQuotes', () => {
  it('turns pairs of straight quotes into curly ones and leaves the rest', () => {
    expect(curlyQuotes('Dân vận khéo trong xây dựng mô hình "Camera an ninh" bảo đảm an ninh')).toBe('Dân vận khéo trong xây dựng mô hình “Camera an ninh” bảo đảm an ninh');
    expect(curlyQuotes('"a" và "b"')).toBe('“a” và “b”');
    expect(curlyQuotes('một dấu " lẻ')).toBe('một dấu " lẻ');
  });
});

describe('numberToWords: numbers in Vietnamese words (the proposal writes counts this way)', () => {
  it.each([
    [0, 'không'],
    [1, 'một'],
    [5, 'năm'],
    [10, 'mười'],
    [11, 'mười một'],
    [14, 'mười bốn'],
    [15, 'mười lăm'],
    [20, 'hai mươi'],
    [21, 'hai mươi mốt'],
    [24, 'hai mươi tư'],
    [25, 'hai mươi lăm'],
    [31, 'ba mươi mốt'],
    [99, 'chín mươi chín'],
    [100, 'một trăm'],
    [101, 'một trăm linh một'],
    [105, 'một trăm linh năm'],
    [110, 'một trăm mười'],
    [111, 'một trăm mười một'],
    [115, 'một trăm mười lăm'],
    [214, 'hai trăm mười bốn'],
    [999, 'chín trăm chín mươi chín'],
    [1000, 'một nghìn'],
    [1005, 'một nghìn không trăm linh năm'],
    [1015, 'một nghìn không trăm mười lăm'],
    [1021, 'một nghìn không trăm hai mươi mốt'],
    [2500, 'hai nghìn năm trăm'],
    [1_000_000, 'một triệu'],
    [1_000_001, 'một triệu không trăm linh một'],
    [1_234_567, 'một triệu hai trăm ba mươi tư nghìn năm trăm sáu mươi bảy'],
    [2_000_000_000, 'hai tỷ'],
    [999_999_999_999, 'chín trăm chín mươi chín tỷ chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín'],
  ])('%d -> %s', (n, words) => {
    expect(numberToWords(n)).toBe(words);
  });

  it('refuses what it cannot word, naming it', () => {
    for (const n of [-1, 1.5, Number.NaN, 1e12]) expect(() => numberToWords(n)).toThrow(new RangeError(`cannot word ${n}`));
    expect(() => moneyWords(-5)).toThrow(new RangeError('cannot word -5 đồng'));
  });
});

describe('documentDate', () => {
  it('writes a date as official documents do: days 1-9 and months 1-2 with a leading zero', () => {
    expect(documentDate('2024-03-05')).toBe('ngày 05 tháng 3 năm 2024');
    expect(documentDate('2023-12-20')).toBe('ngày 20 tháng 12 năm 2023');
    expect(documentDate('2023-01-10')).toBe('ngày 10 tháng 01 năm 2023');
    expect(documentDate('2023-02-09')).toBe('ngày 09 tháng 02 năm 2023');
  });
});
