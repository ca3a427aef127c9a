// Finding dvk.config.yaml by walking up from a folder, like .editorconfig. Kept apart from
// workspace.ts so that the start of every run (which looks for `lang:`) loads nothing else.
import fs from 'node:fs';
import path from 'node:path';

export const CONFIG_NAME = 'dvk.config.yaml';

export function findConfig(start: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    const candidate = path.join(dir, CONFIG_NAME);
    if (fs.existsSync(candidate)) return candidate;
    const up = path.dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}
