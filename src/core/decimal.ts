// Exact rational arithmetic, for scores: means of assessors' marks are kept as exact fractions
// and rounded once; sums of rounded scores are exact decimals. No float ever adds up.
//
// A fraction is held as two numbers while both are safe integers (below 2^53, where a double is
// exact), which is what scores come to in practice, else as two BigInts. An operation on
// numbers whose result would leave that range is done in BigInt instead, and a BigInt result
// that fits is held as numbers again. Both ways give the same value: only the time differs.

const safe = Number.isSafeInteger;

function gcd(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b) {
    const r = a % b;
    a = b;
    b = r;
  }
  return a;
}

/** For b > 0. */
function gcdBig(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  while (b) [a, b] = [b, a % b];
  return a;
}

const MAX = BigInt(Number.MAX_SAFE_INTEGER);

export class Ratio {
  /** Numerator and denominator in lowest terms, `q` > 0, while both are safe integers; else NaN. */
  private readonly p: number;
  private readonly q: number;
  /** Numerator and denominator when they are not safe integers. */
  private readonly big: readonly [bigint, bigint] | undefined;

  constructor(n: bigint | number, d: bigint | number = 1) {
    if (typeof n === 'number' && typeof d === 'number' && safe(n) && safe(d)) {
      if (d === 0) throw new RangeError('division by zero');
      const g = d < 0 ? -gcd(n, d) : gcd(n, d);
      // 0 / g is -0 for a negative g: + 0 makes it 0.
      this.p = n / g + 0;
      this.q = d / g;
      this.big = undefined;
      return;
    }
    if (typeof n === 'number' && !Number.isInteger(n)) throw new RangeError(`not an integer: ${n}`);
    if (typeof d === 'number' && !Number.isInteger(d)) throw new RangeError(`not an integer: ${d}`);
    let bn = BigInt(n);
    let bd = BigInt(d);
    if (bd === 0n) throw new RangeError('division by zero');
    if (bd < 0n) [bn, bd] = [-bn, -bd];
    const g = gcdBig(bn, bd);
    bn /= g;
    bd /= g;
    const fits = bd <= MAX && bn <= MAX && -bn <= MAX;
    this.p = fits ? Number(bn) : NaN;
    this.q = fits ? Number(bd) : NaN;
    this.big = fits ? undefined : [bn, bd];
  }

  static readonly ZERO = new Ratio(0);
  static readonly ONE = new Ratio(1);

  /** The numerator, in lowest terms (its sign is the value's). */
  get n(): bigint {
    return this.big ? this.big[0] : BigInt(this.p);
  }
  /** The denominator, in lowest terms, positive. */
  get d(): bigint {
    return this.big ? this.big[1] : BigInt(this.q);
  }

  /** The number as written: 8.5 is 17/2, 0.1 is 1/10 (never the binary float's value). */
  static of(x: number | string): Ratio {
    // A workspace's marks are a few hundred numbers, and its scores (kept as text with a sheet's
    // record) a few thousand, each read thousands of times.
    let r = known.get(x);
    if (!r) {
      if (known.size >= 10_000) known.clear();
      known.set(x, (r = parse(typeof x === 'number' ? plain(x) : x.trim())));
    }
    return r;
  }

  /**
   * The same value, as one shared Ratio (they never change): a workspace's scores take a few
   * thousand values, and 100,000 rows would otherwise each hold their own.
   */
  static share(r: Ratio): Ratio {
    const key = r.big ? r.big.join('/') : `${r.p}/${r.q}`;
    let v = values.get(key);
    if (!v) {
      if (values.size >= 10_000) values.clear();
      values.set(key, (v = r));
    }
    return v;
  }

  // Each operation is done on numbers when every product and sum it takes is a safe integer
  // (NaN, the numbers of a BigInt fraction, never is), else on BigInt.
  add(o: Ratio): Ratio {
    const a = this.p * o.q;
    const b = o.p * this.q;
    const d = this.q * o.q;
    if (safe(a) && safe(b) && safe(a + b) && safe(d)) return new Ratio(a + b, d);
    return new Ratio(this.n * o.d + o.n * this.d, this.d * o.d);
  }
  sub(o: Ratio): Ratio {
    return this.add(o.neg());
  }
  mul(o: Ratio): Ratio {
    const n = this.p * o.p;
    const d = this.q * o.q;
    if (safe(n) && safe(d)) return new Ratio(n, d);
    return new Ratio(this.n * o.n, this.d * o.d);
  }
  div(o: Ratio): Ratio {
    return this.mul(o.big ? new Ratio(o.big[1], o.big[0]) : new Ratio(o.q, o.p));
  }
  neg(): Ratio {
    return this.big ? new Ratio(-this.big[0], this.big[1]) : new Ratio(-this.p, this.q);
  }
  cmp(o: Ratio): number {
    let a: number | bigint = this.p * o.q;
    let b: number | bigint = o.p * this.q;
    if (!safe(a) || !safe(b)) {
      a = this.n * o.d;
      b = o.n * this.d;
    }
    return a < b ? -1 : a > b ? 1 : 0;
  }
  lt(o: Ratio): boolean {
    return this.cmp(o) < 0;
  }
  gte(o: Ratio): boolean {
    return this.cmp(o) >= 0;
  }
  eq(o: Ratio): boolean {
    return this.cmp(o) === 0;
  }

  /** Rounds half up (towards +∞ at exactly half) to a multiple of `step`. */
  roundTo(step: Ratio): Ratio {
    // k = floor(x / step + 1/2) for any sign, with x / step = n / d: floor((2n + d) / 2d).
    const n = this.p * step.q;
    const d = this.q * step.p;
    const num = 2 * n + d;
    const den = 2 * d;
    if (d > 0 && safe(n) && safe(num) && safe(den)) {
      // % of two safe integers is exact, and so is the division of what is left.
      const rest = num % den;
      const k = (num - rest) / den - (rest < 0 ? 1 : 0);
      // Safe too: |k · step.p| <= |n| / q + step.p / 2, below 2^53 when num and den are safe.
      return new Ratio(k * step.p, step.q);
    }
    const x = this.div(step);
    const bnum = 2n * x.n + x.d;
    const bden = 2n * x.d;
    let k = bnum / bden;
    if (bnum % bden !== 0n && bnum < 0n) k -= 1n;
    return new Ratio(k).mul(step);
  }

  /** Digits after the point of the exact decimal (d = 2^a·5^b needs max(a, b)); undefined when it has none. */
  private places(): number | undefined {
    let twos = 0;
    let fives = 0;
    if (!this.big) {
      let d = this.q;
      for (; d % 2 === 0; twos++) d /= 2;
      for (; d % 5 === 0; fives++) d /= 5;
      return d === 1 ? Math.max(twos, fives) : undefined;
    }
    let d = this.big[1];
    for (; d % 2n === 0n; twos++) d /= 2n;
    for (; d % 5n === 0n; fives++) d /= 5n;
    return d === 1n ? Math.max(twos, fives) : undefined;
  }

  isInteger(): boolean {
    return this.q === 1 || this.big?.[1] === 1n;
  }

  isDecimal(): boolean {
    return this.places() !== undefined;
  }

  /** Decimal text with exactly `places` digits after the point, rounded half up if needed. */
  toFixed(places: number): string {
    const step = stepOf(places);
    // A whole number of steps: its numerator is that number.
    const x = this.roundTo(step).div(step);
    const units = x.big ? x.big[0] : x.p;
    const neg = units < 0;
    const digits = String(neg ? -units : units).padStart(places + 1, '0');
    const int = digits.slice(0, digits.length - places);
    const frac = digits.slice(digits.length - places);
    return `${neg ? '-' : ''}${int}${places ? `.${frac}` : ''}`;
  }

  /** Shortest exact decimal text (for a value with a finite expansion), else 12 places. */
  toString(): string {
    // The fraction is in lowest terms, so these places are the fewest that show it exactly.
    return this.toFixed(this.places() ?? 12);
  }

  /** The JSON number: the exact decimal's nearest double, which prints as that decimal. */
  toNumber(): number {
    // Dividing two exact doubles rounds the exact quotient once, as reading its decimal text does.
    if (!this.big && this.isDecimal()) return this.p / this.q;
    return Number(this.toString());
  }
}

const known = new Map<number | string, Ratio>();
const values = new Map<string, Ratio>();
const steps: Ratio[] = [];

/** 10^-places, made once. */
function stepOf(places: number): Ratio {
  return (steps[places] ??= new Ratio(1n, 10n ** BigInt(places)));
}

/** Ratio.share, which uses no `this`. */
export const shared = Ratio.share;

function parse(s: string): Ratio {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(s);
  if (!m || (m[2] === '' && !m[3])) throw new RangeError(`not a finite decimal: ${s}`);
  const frac = m[3] ?? '';
  const n = BigInt((m[2] || '0') + frac) * (m[1] === '-' ? -1n : 1n);
  return new Ratio(n, 10n ** BigInt(frac.length));
}

/** A number's shortest decimal form without exponent (1e-7 -> "0.0000001"). */
export function plain(x: number): string {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  const s = String(x);
  if (!/e/i.test(s)) return s;
  // Doubles this large are whole numbers; BigInt prints them without an exponent.
  return Math.abs(x) >= 1e21 ? BigInt(x).toString() : x.toFixed(20).replace(/\.?0+$/, '');
}

/** Number of decimal places of a rounding step: 0.01 -> 2, 0.5 -> 1, 1 -> 0. */
export function placesOf(step: Ratio): number {
  for (let p = 0; p < 20; p++) if (step.div(stepOf(p)).isInteger()) return p;
  return 20;
}

export function sum(xs: Ratio[]): Ratio {
  return xs.reduce((a, b) => a.add(b), Ratio.ZERO);
}
