// eachText: the walk over every key and string value that the rules about text (nfc,
// placeholder, control-character) rely on.
import { describe, expect, it } from 'vitest';
import { eachText } from '../../src/core/rules/text.js';

describe('eachText', () => {
  it('visits every key and string value once, with the path to it, list indexes as numbers', () => {
    const seen: [string, (string | number)[], boolean][] = [];
    eachText({ a: ['x', { b: 'y' }, 3, null, [true, 'z']], c: null, d: 1 }, (text, path, isKey) => seen.push([text, [...path], isKey]));
    expect(seen).toEqual([
      ['a', ['a'], true],
      ['x', ['a', 0], false],
      ['b', ['a', 1, 'b'], true],
      ['y', ['a', 1, 'b'], false],
      ['z', ['a', 4, 1], false],
      ['c', ['c'], true],
      ['d', ['d'], true],
    ]);
  });

  it('takes a string document as one value at the root', () => {
    const seen: unknown[] = [];
    eachText('x', (text, path, isKey) => seen.push([text, [...path], isKey]));
    expect(seen).toEqual([['x', [], false]]);
  });
});
