// The official document format as numbers: Party format (Hướng dẫn 36-HD/VPTW) or state format
// (Nghị định 30/2020/NĐ-CP), with the defaults of domain.md §4 and every measure overridable
// from `document:` in dvk.config.yaml.
import type { Config, DocumentSize } from '../../core/types.js';

export type Kind = 'party' | 'state';

export interface DocFormat {
  kind: Kind;
  font: string;
  /** Margins in twips (1/1440 inch). */
  margins: { top: number; bottom: number; left: number; right: number };
  /** Font sizes in half-points, as Word stores them. */
  sizes: Record<DocumentSize, number>;
  /** Line spacing in 240ths of a line (240 = single). */
  line: number;
  /** Space after a paragraph, in twips. */
  after: number;
  annexLandscape: boolean;
  /** Number patterns with {number} and {short}. */
  numbering: { decision: string; report: string; certificate: string; proposal: string };
}

/** A4 in twips. */
export const A4 = { width: 11906, height: 16838 };

export const mm = (x: number) => Math.round((x * 1440) / 25.4);

const SIZES: Record<Kind, Record<DocumentSize, number>> = {
  party: {
    national: 15, motto: 14, agency: 14, number: 14, date: 14, title: 16, summary: 14,
    body: 14, table: 12, recipients_heading: 14, recipients: 12, signature: 14,
  },
  state: {
    // Quốc hiệu at 12 pt (the decree allows 12-13) keeps it on one line beside the agency.
    national: 12, motto: 13, agency: 13, number: 13, date: 14, title: 14, summary: 14,
    body: 14, table: 12, recipients_heading: 12, recipients: 11, signature: 14,
  },
};

const NUMBERING: Record<Kind, DocFormat['numbering']> = {
  party: { decision: '{number}-QĐ/{short}', report: '{number}-BC/{short}', certificate: '{number}-GCN/{short}', proposal: '{number}-TTr/{short}' },
  state: { decision: '{number}/QĐ-{short}', report: '{number}/BC-{short}', certificate: '{number}/CN-{short}', proposal: '{number}/TTr-{short}' },
};

export function formatFor(config: Config): DocFormat {
  const kind: Kind = config.issuer?.format ?? 'party';
  const d = config.document ?? {};
  const margins = { top: 20, bottom: 20, left: 30, right: 15, ...d.margins_mm };
  const sizes = { ...SIZES[kind], ...d.sizes };
  return {
    kind,
    font: d.font ?? 'Times New Roman',
    margins: { top: mm(margins.top), bottom: mm(margins.bottom), left: mm(margins.left), right: mm(margins.right) },
    sizes: Object.fromEntries(Object.entries(sizes).map(([k, v]) => [k, Math.round(v * 2)])) as Record<DocumentSize, number>,
    line: Math.round((d.line_spacing ?? 1.15) * 240),
    after: Math.round((d.paragraph_spacing_pt ?? 6) * 20),
    annexLandscape: d.annex_landscape ?? true,
    numbering: { ...NUMBERING[kind], ...config.numbering },
  };
}

/** "Số 15-QĐ/BCĐ" (Party) or "Số: 15/QĐ-UBND" (state); a blank number leaves room to write it in. */
export function numberLine(f: DocFormat, pattern: string, number: string | undefined, short: string): string {
  const text = numberText(pattern, number, short);
  return f.kind === 'party' ? `Số ${text}` : `Số: ${text}`;
}

/** The number and symbol alone, "15-QĐ/BCĐ", as a reference to the document quotes it. */
export function numberText(pattern: string, number: string | undefined, short: string): string {
  const n = number ?? '\u00a0'.repeat(6);
  return pattern.replace(/\{number\}/g, n).replace(/\{short\}/g, short);
}

/** Width of the text area in twips, for a page of the given orientation. */
export function textWidth(f: DocFormat, landscape = false): number {
  return (landscape ? A4.height : A4.width) - f.margins.left - f.margins.right;
}
