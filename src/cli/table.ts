// Plain-text tables for the terminal: padded columns, right-aligned numbers, long cells
// shortened with an ellipsis.
import { maxOf } from '../core/arrays.js';
import { terminalText } from './reporters/escape.js';
export interface Column {
  header: string;
  align?: 'left' | 'right';
  /** Longest a cell may be before it is shortened. */
  max?: number;
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

export function table(columns: Column[], rows: string[][], style: { bold?: (s: string) => string; footer?: string[] } = {}): string {
  // Text from the data: never a control character or a line break on the terminal.
  const cells = rows.map((r) => r.map((c, i) => (columns[i]?.max ? shorten(terminalText(c), columns[i].max) : terminalText(c))));
  const all = style.footer ? [...cells, style.footer] : cells;
  const widths = columns.map((c, i) => maxOf(all.map((r) => width(r[i] ?? '')), width(c.header)));
  const line = (r: string[]) => r.map((c, i) => pad(c, widths[i]!, columns[i]!.align ?? 'left')).join('  ').trimEnd();
  const bold = style.bold ?? ((s: string) => s);
  const out = [bold(line(columns.map((c) => c.header))), widths.map((w) => '─'.repeat(w)).join('  ')];
  for (const r of cells) out.push(line(r));
  if (style.footer) {
    out.push(widths.map((w) => '─'.repeat(w)).join('  '));
    out.push(bold(line(style.footer)));
  }
  return `${out.join('\n')}\n`;
}
