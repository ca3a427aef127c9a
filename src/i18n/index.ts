import { en } from './en.js';
import type { Lang } from './format.js';
import { vi } from './vi.js';

type Widen<T> = T extends string ? string : T;
/** The catalogue's shape: the Vietnamese catalogue's, with `lang` widened. */
export type Messages = { [K in keyof typeof vi]: Widen<(typeof vi)[K]> };
export type { Lang } from './format.js';
export type { Msg } from './vi.js';

export { LANGS, pickLang } from './lang.js';

export function messages(lang: Lang): Messages {
  return lang === 'en' ? en : vi;
}
