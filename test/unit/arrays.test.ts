// Array helpers that take lists of any length (issue 9, defect 2: no spreading into arguments).
import { describe, expect, it } from 'vitest';
import { addTo, maxOf, pushAll } from '../../src/core/arrays.js';

describe('maxOf', () => {
  it('gives the largest number, negative ones included, or the floor when there are none', () => {
    expect(maxOf([3, 9, 4])).toBe(9);
    expect(maxOf([-7, -2, -5])).toBe(-2);
    expect(maxOf([])).toBe(-Infinity);
    expect(maxOf([], 0)).toBe(0);
    expect(maxOf([1, 2], 5)).toBe(5);
  });

  it('takes more numbers than a call can have arguments', () => {
    const many = Array.from({ length: 200_000 }, (_, i) => i);
    expect(maxOf(many)).toBe(199_999);
    expect(pushAll([], many, [1])).toHaveLength(200_001);
  });
});

describe('addTo', () => {
  it('makes a list on first use and appends after', () => {
    const map = new Map<string, number[]>();
    addTo(map, 'a', 1);
    addTo(map, 'a', 2);
    addTo(map, 'b', 3);
    expect([...map]).toEqual([['a', [1, 2]], ['b', [3]]]);
  });
});
