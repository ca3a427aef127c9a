// Which language to speak, and its catalogue: the English one is loaded only when asked for, so
// that starting dvk (`dvk --version`, `dvk --help`) reads one catalogue, not two.
import type { Lang } from './format.js';
import type { Messages } from './index.js';
import { vi } from './vi.js';

export const LANGS: readonly Lang[] = ['vi', 'en'];

/** The language asked for: `--lang` wins over DVK_LANG; Vietnamese by default. */
export function pickLang(flag: string | undefined, env: string | undefined): Lang | undefined {
  for (const v of [flag, env]) {
    const l = v?.toLowerCase().slice(0, 2);
    if (l === 'vi' || l === 'en') return l;
  }
  return undefined;
}

export async function loadMessages(lang: Lang): Promise<Messages> {
  return lang === 'en' ? (await import('./en.js')).en : vi;
}
