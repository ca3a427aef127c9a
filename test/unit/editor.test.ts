// Editor integration: every dvk file of the examples and templates names its schema on its
// first line, so the YAML language server gives completion and help from the first keystroke.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

function yamlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.ya?ml$/.test(f)).map((f) => path.join(dir, f));
}

const KIND_SCHEMA: Record<string, string> = { model: 'model', assessment: 'assessment', criteria: 'criteria', config: 'config' };

describe('the yaml-language-server line', () => {
  const files = [...yamlFiles(path.join(ROOT, 'examples')), ...yamlFiles(path.join(ROOT, 'templates'))].filter((f) => /^kind: (\w+)/m.test(fs.readFileSync(f, 'utf8')));
  it('covers the files', () => expect(files.length).toBeGreaterThan(40));
  it.each(files.map((f) => [path.relative(ROOT, f)]))('%s starts with it, naming the schema of its kind', (rel) => {
    const file = path.join(ROOT, rel);
    const text = fs.readFileSync(file, 'utf8');
    const kind = /^kind: (\w+)/m.exec(text)![1]!;
    const first = text.split('\n')[0]!;
    const ref = /^# yaml-language-server: \$schema=(\S+)$/.exec(first)?.[1];
    expect(ref, first).toBeDefined();
    // Templates hold a placeholder or a path that exists once the workspace is made (test/e2e/git.test.ts).
    if (rel.startsWith('templates')) return;
    expect(ref).toMatch(new RegExp(`${KIND_SCHEMA[kind]}\\.schema\\.json$`));
    expect(fs.existsSync(path.resolve(path.dirname(file), ref!)), ref).toBe(true);
  });
});
