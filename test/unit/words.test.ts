import { describe, expect, it } from 'vitest';
import { documentDate, numberToWords } from '../../src/core/words.js';

describe('numberToWords', () => {
  it.each([
    [0, 'không'], [1, 'một'], [5, 'năm'], [10, 'mười'], [11, 'mười một'], [14, 'mười bốn'], [15, 'mười lăm'],
    [20, 'hai mươi'], [21, 'hai mươi mốt'], [24, 'hai mươi tư'], [25, 'hai mươi lăm'], [55, 'năm mươi lăm'],
    [100, 'một trăm'], [101, 'một trăm linh một'], [105, 'một trăm linh năm'], [110, 'một trăm mười'],
    [115, 'một trăm mười lăm'], [123, 'một trăm hai mươi ba'], [1000, 'một nghìn'], [1005, 'một nghìn không trăm linh năm'],
    [1234, 'một nghìn hai trăm ba mươi tư'], [2071, 'hai nghìn không trăm bảy mươi mốt'], [1_000_000, 'một triệu'],
    [80_000, 'tám mươi nghìn'], [1_200_000, 'một triệu hai trăm nghìn'],
  ])('%i -> %s', (n, words) => expect(numberToWords(n)).toBe(words));
  it('refuses what it cannot word', () => {
    expect(() => numberToWords(-1)).toThrow();
    expect(() => numberToWords(1.5)).toThrow();
  });
});

describe('documentDate', () => {
  it('writes leading zeros for days 1-9 and months 1-2 only', () => {
    expect(documentDate('2024-03-05')).toBe('ngày 05 tháng 3 năm 2024');
    expect(documentDate('2023-12-20')).toBe('ngày 20 tháng 12 năm 2023');
    expect(documentDate('2024-01-15')).toBe('ngày 15 tháng 01 năm 2024');
    expect(documentDate('2024-02-09')).toBe('ngày 09 tháng 02 năm 2024');
    expect(documentDate('2024-10-01')).toBe('ngày 01 tháng 10 năm 2024');
  });
});
