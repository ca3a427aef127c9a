// Exact rational arithmetic on BigInt, for scores: means of assessors' marks are kept as exact
// fractions and rounded once; sums of rounded scores are exact decimals. No float ever adds up.

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b) [a, b] = [b, a % b];
  return a;
}

export class Ratio {
  readonly n: bigint;
  readonly d: bigint;

  constructor(n: bigint, d = 1n) {
    if (d === 0n) throw new RangeError('division by zero');
    if (d < 0n) [n, d] = [-n, -d];
    const g = gcd(n, d) || 1n;
    this.n = n / g;
    this.d = d / g;
  }

  static readonly ZERO = new Ratio(0n);
  static readonly ONE = new Ratio(1n);

  /** The number as written: 8.5 is 17/2, 0.1 is 1/10 (never the binary float's value). */
  static of(x: number | string): Ratio {
    if (typeof x !== 'number') return parse(x.trim());
    // A workspace's marks are a few hundred numbers, each read thousands of times.
    let r = known.get(x);
    if (!r) {
      if (known.size >= 10_000) known.clear();
      known.set(x, (r = parse(plain(x))));
    }
    return r;
  }


  add(o: Ratio): Ratio {
    return new Ratio(this.n * o.d + o.n * this.d, this.d * o.d);
  }
  sub(o: Ratio): Ratio {
    return new Ratio(this.n * o.d - o.n * this.d, this.d * o.d);
  }
  mul(o: Ratio): Ratio {
    return new Ratio(this.n * o.n, this.d * o.d);
  }
  div(o: Ratio): Ratio {
    return new Ratio(this.n * o.d, this.d * o.n);
  }
  cmp(o: Ratio): number {
    const a = this.n * o.d;
    const b = o.n * this.d;
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
    const q = this.div(step);
    // floor(q + 1/2) for any sign: floor((2n + d) / 2d).
    const num = 2n * q.n + q.d;
    const den = 2n * q.d;
    let k = num / den;
    if (num % den !== 0n && num < 0n) k -= 1n;
    return new Ratio(k).mul(step);
  }

  /** Whether the value has a finite decimal expansion (its denominator is 2^a·5^b). */
  /** Digits after the point of the exact decimal (d = 2^a·5^b needs max(a, b)); undefined when it has none. */
  private places(): number | undefined {
    let d = this.d;
    let twos = 0;
    let fives = 0;
    for (; d % 2n === 0n; twos++) d /= 2n;
    for (; d % 5n === 0n; fives++) d /= 5n;
    return d === 1n ? Math.max(twos, fives) : undefined;
  }

  isDecimal(): boolean {
    return this.places() !== undefined;
  }

  /** Decimal text with exactly `places` digits after the point, rounded half up if needed. */
  toFixed(places: number): string {
    const scaled = this.roundTo(new Ratio(1n, 10n ** BigInt(places)));
    const units = (scaled.n * 10n ** BigInt(places)) / scaled.d;
    const neg = units < 0n;
    const digits = (neg ? -units : units).toString().padStart(places + 1, '0');
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
    return Number(this.toString());
  }
}

const known = new Map<number, Ratio>();
const values = new Map<string, Ratio>();

/**
 * The same value, as one shared Ratio (they never change): a workspace's scores take a few
 * thousand values, and 100,000 rows would otherwise each hold their own.
 */
export function shared(r: Ratio): Ratio {
  const key = `${r.n}/${r.d}`;
  let v = values.get(key);
  if (!v) {
    if (values.size >= 10_000) values.clear();
    values.set(key, (v = r));
  }
  return v;
}

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
  for (let p = 0; p < 20; p++) if (step.mul(new Ratio(10n ** BigInt(p))).d === 1n) return p;
  return 20;
}

export function sum(xs: Ratio[]): Ratio {
  return xs.reduce((a, b) => a.add(b), Ratio.ZERO);
}
