// A walk over every key and string value of a file's data, for the rules about text itself.
import type { Path } from '../types.js';

/**
 * Calls `visit` with each string value and each key, and the path to it (one array for the
 * whole walk: copy it to keep it).
 */
export function eachText(data: unknown, visit: (text: string, path: Path, isKey: boolean) => void): void {
  const path: (string | number)[] = [];
  const walk = (value: unknown) => {
    if (typeof value === 'string') {
      visit(value, path, false);
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        walk(value[i]);
        path.pop();
      }
    } else if (value !== null && typeof value === 'object') {
      for (const k of Object.keys(value)) {
        path.push(k);
        visit(k, path, true);
        walk((value as Record<string, unknown>)[k]);
        path.pop();
      }
    }
  };
  walk(data);
}
