// The cache's shards (src/workspace/cache.ts): a path's entry is found in every shard file on
// disk that may hold it, whatever their names and counts.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Cache, CACHE_DIR, engineId } from '../../src/workspace/cache.js';
import { tempDir } from '../helpers.js';

/** Writes a shard file of this build holding these entries. */
function shard(root: string, name: string, entries: Record<string, unknown>) {
  const dir = path.join(root, CACHE_DIR);
  fs.mkdirSync(dir, { recursive: true });
  const lines = [JSON.stringify({ engine: engineId() }), ...Object.entries(entries).map((e) => JSON.stringify(e))];
  fs.writeFileSync(path.join(dir, name), `${lines.join('\n')}\n`);
}

describe('Cache', () => {
  it('reads every shard file that names the same slot (.json beside .jsonl, a leading zero)', () => {
    const root = tempDir('dvk-cache-unit-');
    shard(root, 'index.vi.0-1.jsonl', { 'a.yaml': { x: 1 } });
    shard(root, 'index.vi.0-1.json', { 'b.yaml': { x: 2 } });
    shard(root, 'index.vi.00-1.jsonl', { 'c.yaml': { x: 3 } });
    for (const lazy of [true, false]) {
      const cache = Cache.open<{ x: number }>(root, 'index', 'vi', { lazy });
      expect(['a.yaml', 'b.yaml', 'c.yaml', 'd.yaml'].map((rel) => cache.get(rel)?.x)).toEqual([1, 2, 3, undefined]);
    }
  });

  it('finds a path in shards of several counts, and reads a forgotten shard again', () => {
    const root = tempDir('dvk-cache-unit-');
    // With one shard, every path is in shard 0; with two, in shard fnv(path) % 2.
    const rels = Array.from({ length: 8 }, (_, i) => `m${i}.yaml`);
    shard(root, 'index.vi.0-1.jsonl', { [rels[0]!]: { x: 0 } });
    shard(root, 'index.vi.0-2.jsonl', Object.fromEntries(rels.slice(1).map((r, i) => [r, { x: i + 1 }])));
    shard(root, 'index.vi.1-2.jsonl', Object.fromEntries(rels.slice(1).map((r, i) => [r, { x: i + 1 }])));
    const cache = Cache.open<{ x: number }>(root, 'index', 'vi', { lazy: true });
    expect(rels.map((r) => cache.get(r)?.x)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(rels.every((r) => [0, 1].includes(cache.shardOf(r)))).toBe(true);
    cache.forget(rels[3]!);
    expect(cache.get(rels[3]!)?.x).toBe(3);
  });
});
