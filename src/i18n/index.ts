import { en } from './en.js';
import type { Lang } from './format.js';
import { vi } from './vi.js';

type Widen<T> = T extends string ? string : T;
/** The catalogue's shape: the Vietnamese catalogue's, with `lang` widened. */
export type Messages = { [K in keyof typeof vi]: Widen<(typeof vi)[K]> };
export type { Lang } from './format.js';
export type { Msg } from './vi.js';

export const LANGS: readonly Lang[] = ['vi', 'en'];

export function messages(lang: Lang): Messages {
  return lang === 'en' ? en : vi;
}

/** The language asked for: `--lang` wins over DVK_LANG; Vietnamese by default. */
export function pickLang(flag: string | undefined, env: string | undefined): Lang | undefined {
  for (const v of [flag, env]) {
    const l = v?.toLowerCase().slice(0, 2);
    if (l === 'vi' || l === 'en') return l;
  }
  return undefined;
}
