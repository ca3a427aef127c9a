// Rule placeholder (warning): text of a template left as it was ("(họ và tên)", "Tên đơn vị") in
// the config or a model; decide and report refuse to print it.
import type { Finding, LoadedFile } from '../load.js';
import { placeholders } from '../placeholders.js';
import type { Messages } from '../../i18n/index.js';

export function placeholder(file: LoadedFile, { m }: { m: Messages }): Finding[] {
  if (file.kind !== 'config' && file.kind !== 'model') return [];
  return placeholders(file.data).map(({ path, text }) => ({ rule: 'placeholder', severity: 'warning', path, ...m.placeholder(text) }));
}
