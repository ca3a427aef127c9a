// Plain-text tables for the terminal: padded columns, right-aligned numbers, long cells
// shortened with an ellipsis.
import { maxOf } from '../core/arrays.js';
import { terminalText } from './reporters/escape.js';
export interface Column {
  header: string;
  align?: 'left' | 'right';
  /** Longest a cell may be before it is shortened. */
  max?: number;
  /** To fit a terminal: how far the column may be narrowed (its cells shortened). */
  min?: number;
  /** To fit a terminal when narrowing is not enough: columns with a `drop` go, lowest first. */
  drop?: number;
}

/** Display width: code points without combining marks (which stack on the letter before). */
export const width = (s: string) => [...s.replace(/\p{M}/gu, '')].length;

export function shorten(s: string, max: number): string {
  const chars = [...s];
  return chars.length <= max ? s : `${chars.slice(0, Math.max(1, max - 1)).join('').trimEnd()}…`;
}

function pad(s: string, w: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, w - width(s)));
  return align === 'right' ? fill + s : s + fill;
}

const GAP = 2;

/**
 * The columns kept and their widths within `room` characters: the columns that may narrow do,
 * the widest first, down to their `min`; if that is not enough, a column with `drop` goes and
 * the rest are fitted again. A table that cannot fit keeps what is left at its narrowest.
 */
function fit(columns: Column[], natural: number[], room: number): { keep: number[]; widths: number[] } {
  let keep = columns.map((_, i) => i);
  for (;;) {
    const widths = keep.map((i) => natural[i]!);
    let excess = widths.reduce((a, b) => a + b, 0) + GAP * (keep.length - 1) - room;
    while (excess > 0) {
      let widest = -1;
      keep.forEach((c, k) => {
        const min = columns[c]!.min;
        if (min !== undefined && widths[k]! > min && (widest < 0 || widths[k]! > widths[widest]!)) widest = k;
      });
      if (widest < 0) break;
      widths[widest]!--;
      excess--;
    }
    const droppable = keep.filter((i) => columns[i]!.drop !== undefined).sort((a, b) => columns[a]!.drop! - columns[b]!.drop!);
    if (excess <= 0 || droppable.length === 0) return { keep, widths };
    keep = keep.filter((i) => i !== droppable[0]);
  }
}

/**
 * A table: padded columns, right-aligned numbers, long cells shortened. With `width` (a
 * terminal's), it fits in that many characters; without it (output piped), only `max` applies.
 */
export function table(columns: Column[], rows: string[][], style: { bold?: (s: string) => string; footer?: string[]; width?: number } = {}): string {
  // Text from the data: never a control character or a line break on the terminal.
  const cells = rows.map((r) => r.map((c, i) => (columns[i]?.max ? shorten(terminalText(c), columns[i].max) : terminalText(c))));
  const all = style.footer ? [...cells, style.footer] : cells;
  const natural = columns.map((c, i) => maxOf(all.map((r) => width(r[i] ?? '')), width(c.header)));
  const { keep, widths } = style.width ? fit(columns, natural, style.width) : { keep: columns.map((_, i) => i), widths: natural };
  const line = (r: string[]) => keep.map((i, k) => pad(shorten(r[i] ?? '', widths[k]!), widths[k]!, columns[i]!.align ?? 'left')).join(' '.repeat(GAP)).trimEnd();
  const bold = style.bold ?? ((s: string) => s);
  const rule = widths.map((w) => '─'.repeat(w)).join(' '.repeat(GAP));
  const out = [bold(line(columns.map((c) => c.header))), rule];
  for (const r of cells) out.push(line(r));
  if (style.footer) {
    out.push(rule);
    out.push(bold(line(style.footer)));
  }
  return `${out.join('\n')}\n`;
}

/** Text broken at spaces into lines of at most `room` characters; lines after the first start with `indent`. */
export function wrap(text: string, room: number | undefined, indent = ''): string {
  if (!room || width(text) <= room) return text;
  const lead = /^ */.exec(text)![0];
  const lines: string[] = [];
  let current = lead;
  for (const word of text.slice(lead.length).split(' ')) {
    const next = current.trim() ? `${current} ${word}` : `${current}${word}`;
    if (current.trim() && width(next) > room) {
      lines.push(current);
      current = `${indent}${word}`;
    } else {
      current = next;
    }
  }
  lines.push(current);
  return lines.join('\n');
}
