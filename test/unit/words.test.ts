import { describe, expect, it } from 'vitest';
import { curlyQuotes, moneyWords } from '../../src/core/words.js';

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
