// fixedTable writes tables as XML text, not docx objects: the text must be byte for byte what docx
// writes for the same table, built with docx's own Table, TableRow, TableCell, Paragraph, TextRun.
import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType } from 'docx';
import fc from 'fast-check';
import { runs } from '../runs.js';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { formatFor } from '../../src/render/official/format.js';
import { fixedTable, TABLE_TEXT_STYLE, type RunSpec, type TableRowSpec } from '../../src/render/official/parts.js';

const f = formatFor({});

/** The same table as fixedTable describes it, made of docx objects. */
function docxTable(widths: number[], rows: TableRowSpec[], opts: { borders?: boolean; size?: number }): Table {
  const borders = opts.borders !== false;
  const size = opts.size !== undefined && opts.size !== f.sizes.table ? opts.size : undefined;
  const total = widths.reduce((a, b) => a + b, 0);
  const b = borders ? { style: BorderStyle.SINGLE, size: 4, color: '000000' } : { style: BorderStyle.NONE, size: 0, color: 'auto' };
  const align = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT };
  return new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: b, bottom: b, left: b, right: b, insideHorizontal: b, insideVertical: b },
    margins: borders ? { top: 20, bottom: 20, left: 80, right: 80 } : { left: 0, right: 0 },
    rows: rows.map(
      (row) =>
        new TableRow({
          tableHeader: row.header || undefined,
          cantSplit: true,
          children: row.cells.map(
            (cell, i) =>
              new TableCell({
                width: { size: row.span ? total : widths[i]!, type: WidthType.DXA },
                columnSpan: row.span ? widths.length : undefined,
                verticalAlign: VerticalAlign.CENTER,
                children: (typeof cell === 'string' ? [[{ text: cell }]] : cell).map(
                  (runs) =>
                    new Paragraph({
                      style: TABLE_TEXT_STYLE,
                      alignment: align[row.header ? 'center' : (row.align?.[i] ?? 'left')],
                      children: runs.map(
                        (r) =>
                          new TextRun({
                            text: r.text,
                            bold: r.bold ?? (row.header || row.bold) ? true : undefined,
                            italics: r.italics || undefined,
                            underline: r.underline ? {} : undefined,
                            size: r.size ?? size,
                            allCaps: r.allCaps || undefined,
                          }),
                      ),
                    }),
                ),
              }),
          ),
        }),
    ),
  });
}

async function docxXml(table: Table): Promise<string> {
  const zip = unzipSync(new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [table] }] }))));
  const xml = strFromU8(zip['word/document.xml']!);
  return xml.slice(xml.indexOf('<w:tbl>'), xml.lastIndexOf('</w:tbl>') + '</w:tbl>'.length);
}

const ours = (widths: number[], rows: TableRowSpec[], opts: { borders?: boolean; size?: number } = {}) => fixedTable(widths, rows, f, opts).xml;

describe('fixedTable', () => {
  it('writes what docx writes: header, span, bold, alignments, paragraphs of runs, escapes', async () => {
    const widths = [700, 3000, 1500];
    const rows: TableRowSpec[] = [
      { header: true, cells: ['STT', 'Tên mô hình, điển hình', 'Điểm'] },
      { span: true, bold: true, cells: ['I. MÔ HÌNH TẬP THỂ'] },
      { align: ['center', 'left', 'right'], cells: ['1', 'Dân vận khéo & “Camera an ninh” <số 1>', '94,50'] },
      { align: ['center', 'left', 'right'], cells: ['2', [[{ text: 'Nguyễn Thị A', bold: true }, { text: ", Bí thư chi bộ 'Tổ 3'" }], [{ text: 'Mô hình' }]], ''] },
      { bold: true, cells: ['Tổng số', '', '17'] },
    ];
    const xml = ours(widths, rows);
    expect(xml).toContain('Dân vận khéo &amp; “Camera an ninh” &lt;số 1&gt;');
    expect(xml).toBe(await docxXml(docxTable(widths, rows, {})));
  });

  it('without borders and with a size of its own', async () => {
    const rows: TableRowSpec[] = [{ cells: ['a', [[{ text: 'b', italics: true, underline: true, allCaps: true, size: 30 }]]] }];
    expect(ours([1000, 2000], rows, { borders: false, size: 26 })).toBe(await docxXml(docxTable([1000, 2000], rows, { borders: false, size: 26 })));
  });

  it('writes what docx writes for any text and runs', async () => {
    const run: fc.Arbitrary<RunSpec> = fc.record(
      { text: fc.string({ unit: 'binary', maxLength: 12 }), bold: fc.boolean(), italics: fc.boolean(), underline: fc.boolean(), size: fc.integer({ min: 16, max: 32 }) },
      { requiredKeys: ['text'] },
    );
    const cell = fc.oneof(fc.string({ unit: 'binary', maxLength: 20 }), fc.array(fc.array(run, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 2 }));
    const row: fc.Arbitrary<TableRowSpec> = fc.record(
      { cells: fc.array(cell, { minLength: 2, maxLength: 2 }), header: fc.boolean(), bold: fc.boolean(), align: fc.constant(['right', 'center'] as const).map((a) => [...a]) },
      { requiredKeys: ['cells'] },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 4 }), fc.boolean(), async (rows, borders) => {
        expect(ours([1200, 2400], rows, { borders })).toBe(await docxXml(docxTable([1200, 2400], rows, { borders })));
      }),
      { numRuns: runs(40) },
    );
  });
});
