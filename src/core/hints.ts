// Guesses at what the user meant, for the hints of diagnostics. Pure string functions.

/** Removes Vietnamese diacritics: "Văn hóa – xã hội" -> "Van hoa – xa hoi". */
export function stripDiacritics(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/** "Văn hóa - xã hội" -> "van-hoa-xa-hoi". */
export function slugify(s: string): string {
  return stripDiacritics(s)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Optimal string alignment distance (Levenshtein with adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The candidate closest to `word`, ignoring case, diacritics and separators, if it is close
 * enough to be a plausible typo (at most a third of the word's length, at least one edit).
 */
export function nearest(word: string, candidates: Iterable<string>): string | undefined {
  const w = slugify(word);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const dist = editDistance(w, slugify(c));
    if (dist < bestDistance) {
      best = c;
      bestDistance = dist;
    }
  }
  const limit = Math.max(1, Math.floor(w.length / 3));
  return bestDistance <= limit ? best : undefined;
}

function pad(n: string | number): string {
  return String(n).padStart(2, '0');
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isValidDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** Day-first and other ways of writing a date, each giving [year, month, day]. */
const DATE_FORMS: [RegExp, (m: RegExpExecArray) => string[]][] = [
  [/^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/, (m) => [m[3]!, m[2]!, m[1]!]],
  [/^(\d{4})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})$/, (m) => [m[1]!, m[2]!, m[3]!]],
  [/^(?:ngày\s*)?(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})$/i, (m) => [m[3]!, m[2]!, m[1]!]],
];

/** What a user probably meant by a date written another way: "24/5/2023" -> "2023-05-24". */
export function suggestDate(value: unknown): string | undefined {
  const s = String(value).trim();
  for (const [re, parts] of DATE_FORMS) {
    const m = re.exec(s);
    if (!m) continue;
    const [y, mo, d] = parts(m);
    const iso = `${y}-${pad(mo!)}-${pad(d!)}`;
    return isValidDate(iso) && iso !== s ? iso : undefined;
  }
  return undefined;
}

/** For an impossible calendar date, the month's real length: "2023-02-30" -> 28. */
export function monthLength(s: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return undefined;
  const mo = Number(m[2]);
  return mo >= 1 && mo <= 12 ? daysInMonth(Number(m[1]), mo) : undefined;
}

/** "8,5" -> 8.5 (a decimal comma, as Vietnamese writes it). */
export function suggestDecimal(value: unknown): string | undefined {
  const s = String(value).trim();
  if (/^[+-]?\d+,\d+$/.test(s)) return s.replace(',', '.');
  if (/^[+-]?\d+(\.\d+)?$/.test(s)) return s;
  return undefined;
}

/**
 * A whole number written with Vietnamese thousands separators: `1.200` (YAML reads 1.2) or
 * `1.200.000` (a string) -> "1200" / "1200000".
 */
export function suggestInteger(source: string | undefined): string | undefined {
  const s = (source ?? '').trim();
  if (/^\d{1,3}(\.\d{3})+$/.test(s) || /^\d{1,3}(,\d{3})+$/.test(s) || /^\d{1,3}( \d{3})+$/.test(s)) return s.replace(/[., ]/g, '');
  return undefined;
}

/** An enum value typed with diacritics or as its label: "văn-hóa-xã-hội" -> "van-hoa-xa-hoi". */
export function suggestEnum(value: unknown, allowed: readonly unknown[], aliases: Record<string, string> = {}): string | undefined {
  if (typeof value !== 'string') return undefined;
  const slug = slugify(value);
  const strings = allowed.filter((a): a is string => typeof a === 'string');
  const exact = strings.find((a) => a === slug) ?? aliases[slug];
  if (exact && strings.includes(exact)) return exact;
  return nearest(value, strings);
}
