// Vietnamese wording of numbers and dates for official documents.

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];

/** 0-999 as words; `full` writes leading "không trăm"/"linh" when a higher group precedes. */
function triple(n: number, full: boolean): string {
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const u = n % 10;
  const out: string[] = [];
  if (h > 0 || full) out.push(DIGITS[h]!, 'trăm');
  if (t === 0) {
    if (u > 0 && (h > 0 || full)) out.push('linh');
  } else if (t === 1) {
    out.push('mười');
  } else {
    out.push(DIGITS[t]!, 'mươi');
  }
  if (u > 0) {
    if (u === 1 && t > 1) out.push('mốt');
    else if (u === 4 && t > 1) out.push('tư');
    else if (u === 5 && t > 0) out.push('lăm');
    else out.push(DIGITS[u]!);
  }
  return out.join(' ');
}

const GROUPS = ['', 'nghìn', 'triệu', 'tỷ'];

/** 12 -> "mười hai", 21 -> "hai mươi mốt", 105 -> "một trăm linh năm", 1005 -> "một nghìn không trăm linh năm". */
export function numberToWords(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1e12) throw new RangeError(`cannot word ${n}`);
  if (n === 0) return 'không';
  const parts: number[] = [];
  for (let x = n; x > 0; x = Math.floor(x / 1000)) parts.push(x % 1000);
  const out: string[] = [];
  for (let i = parts.length - 1; i >= 0; i--) {
    const p = parts[i]!;
    if (p === 0) continue;
    out.push(triple(p, i < parts.length - 1));
    if (GROUPS[i]) out.push(GROUPS[i]!);
  }
  return out.join(' ');
}

/**
 * A date as official documents write it: "ngày 05 tháng 3 năm 2024". Days 1-9 and months 1-2
 * take a leading zero (Nghị định 30/2020/NĐ-CP, Phụ lục I).
 */
export function documentDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const day = d < 10 ? `0${d}` : String(d);
  const month = m < 3 ? `0${m}` : String(m);
  return `ngày ${day} tháng ${month} năm ${y}`;
}

/**
 * A sum of money as a report writes it: 7.560.000.000 -> "7,56 tỷ đồng", 850.000.000 -> "850
 * triệu đồng", 1.500.000 -> "1,5 triệu đồng". From a million, in millions, or in billions from a
 * billion, rounded once, half up, to two decimals (a sum that rounds to 1.000 million is "1 tỷ");
 * below a million, in full ("500.000 đồng").
 */
export function moneyWords(vnd: number): string {
  if (!Number.isFinite(vnd) || vnd < 0) throw new RangeError(`cannot word ${vnd} đồng`);
  const v = BigInt(Math.round(vnd));
  if (v < 1_000_000n) return `${grouped(String(v))} đồng`;
  // Hundredths of the unit, rounded half up, in exact integers.
  const hundredths = (unit: bigint) => (v * 100n + unit / 2n) / unit;
  const millions = hundredths(1_000_000n);
  const [h, name] = millions < 100_000n ? [millions, 'triệu'] : [hundredths(1_000_000_000n), 'tỷ'];
  const frac = String(h % 100n).padStart(2, '0').replace(/0+$/, '');
  return `${grouped(String(h / 100n))}${frac ? `,${frac}` : ''} ${name} đồng`;
}

const grouped = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');

/** Straight double quotes in a text as curly ones: `mô hình "Camera an ninh"` -> `mô hình “Camera an ninh”`. */
export function curlyQuotes(s: string): string {
  return s.replace(/"([^"\n]*)"/g, '“$1”');
}
