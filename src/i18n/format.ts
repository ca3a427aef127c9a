// Locale-aware formatting shared by both catalogues.
import { plain } from '../core/decimal.js';

export type Lang = 'vi' | 'en';

/** A number as the language writes it: 55,5 and 1.200.000 in Vietnamese; 55.5 and 1,200,000 in English. */
export function formatNumber(value: number | string, lang: Lang): string {
  const s = typeof value === 'number' ? plain(value) : value;
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) return s;
  const [, sign, int, frac] = m;
  const group = lang === 'vi' ? '.' : ',';
  const point = lang === 'vi' ? ',' : '.';
  const grouped = int!.length > 3 ? int!.replace(/\B(?=(\d{3})+(?!\d))/g, group) : int!;
  return `${sign}${grouped}${frac ? point + frac : ''}`;
}


/** `a`, `a và b`, `a, b và c` / `a, b and c`; with `or`: `a, b hoặc c` / `a, b or c`. */
export function list(items: readonly string[], lang: Lang, quote = true, or = false): string {
  const q = items.map((i) => (quote ? `"${i}"` : i));
  if (q.length <= 1) return q.join('');
  const last = lang === 'vi' ? (or ? 'hoặc' : 'và') : or ? 'or' : 'and';
  return `${q.slice(0, -1).join(', ')} ${last} ${q[q.length - 1]}`;
}
