// Long outputs (score --format json) go out a piece at a time, as fast as the reader takes them.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { writeParts } from '../../src/cli/context.js';

/** A reader that takes a millisecond per piece, and what it got. */
function slowReader() {
  const got: string[] = [];
  const stream = new Writable({
    decodeStrings: false,
    write(chunk, _encoding, done) {
      got.push(String(chunk));
      setTimeout(done, 1);
    },
  });
  return { stream, got };
}

describe('writeParts', () => {
  it('writes every part, in order, in pieces of about 16,000 characters', async () => {
    const { stream, got } = slowReader();
    const parts = Array.from({ length: 10_000 }, (_, i) => `${i},`);
    await writeParts(stream, parts);
    await new Promise((done) => stream.end(done));
    expect(got.join('')).toBe(parts.join(''));
    expect(got.slice(0, -1).every((piece) => piece.length > 16_000 && piece.length < 16_100)).toBe(true);
    expect(got.length).toBeGreaterThan(1);
  });

  it('waits for a slow reader rather than holding the whole output in memory', async () => {
    const { stream, got } = slowReader();
    let most = 0;
    const parts = Array.from({ length: 3000 }, (_, i) => `${'x'.repeat(99)}${i % 10}`);
    function* watched() {
      for (const part of parts) {
        most = Math.max(most, stream.writableLength);
        yield part;
      }
    }
    await writeParts(stream, watched());
    await new Promise((done) => stream.end(done));
    expect(got.join('')).toBe(parts.join(''));
    // 300,000 characters in all; never more than a piece or two waiting.
    expect(most).toBeLessThan(40_000);
  });

  it('writes a short output, and an empty one, at once', async () => {
    const { stream, got } = slowReader();
    await writeParts(stream, ['{', '}']);
    await writeParts(stream, []);
    await new Promise((done) => stream.end(done));
    expect(got.join('')).toBe('{}');
  });

  it('stops at a reader that went away (EPIPE) and returns, but passes on any other error', async () => {
    for (const [code, rejects] of [['EPIPE', false], ['EIO', true]] as const) {
      let pieces = 0;
      const gone = new Writable({
        highWaterMark: 1,
        write(_chunk, _encoding, done) {
          pieces++;
          setTimeout(() => done(Object.assign(new Error(code), { code })), 1);
        },
      });
      gone.on('error', () => {});
      const writing = writeParts(gone, Array.from({ length: 10_000 }, () => 'x'.repeat(10)));
      if (rejects) await expect(writing).rejects.toMatchObject({ code });
      else await expect(writing).resolves.toBeUndefined();
      expect(pieces).toBe(1);
    }
  });
});
