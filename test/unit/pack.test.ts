// pack(): docx's parts zipped once, raw blocks in place, the dates and drawing ids fixed, and the
// parts a batch shares deflated once without changing a byte of any document.
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { barChartXml, chartParagraph } from '../../src/render/chart.js';
import { defaultStyles } from '../../src/render/decision.js';
import { formatFor } from '../../src/render/official/format.js';
import { fixedTable } from '../../src/render/official/parts.js';
import { pack } from '../../src/render/pack.js';

const f = formatFor({});

function doc(title: string): Document {
  const chart = barChartXml([{ label: 'Kinh tế', recognized: 2, other: 1 }], { recognized: 'Có', other: 'Không' }, { font: f.font, size: f.sizes.table });
  return new Document({
    title,
    styles: defaultStyles(f),
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun(title)] }),
          fixedTable([1000, 2000], [{ header: true, cells: ['A', 'B'] }, { cells: ['1', 'x & y'] }], f),
          chartParagraph(1, chart, { width: 5000, height: 2000 }, { name: 'Biểu đồ 1', title: 't', description: 'd' }),
        ],
      },
    ],
  });
}

const read = (bytes: Uint8Array) => Object.fromEntries(Object.entries(unzipSync(bytes)).map(([n, d]) => [n, strFromU8(d)]));

describe('pack', () => {
  it('puts raw blocks and their parts in place, fixes the dates, keeps docx’s other parts as they are', async () => {
    const x = read(await pack(doc('Một'), '2023-12-20T00:00:00Z'));
    const own = read(new Uint8Array(await Packer.toBuffer(doc('Một'))));
    const body = x['word/document.xml']!;
    expect(body).not.toContain('dvk:raw');
    expect(body).toContain('<w:t xml:space="preserve">x &amp; y</w:t></w:r></w:p></w:tc></w:tr></w:tbl>');
    expect(body).toMatch(/<wp:docPr id="1" name="Biểu đồ 1"/);
    expect(x['word/charts/chart1.xml']).toContain('<c:v>Kinh tế</c:v>');
    expect(x['[Content_Types].xml']).toContain('PartName="/word/charts/chart1.xml"');
    expect(x['word/_rels/document.xml.rels']).toContain('Target="charts/chart1.xml"');
    expect(x['docProps/core.xml']).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2023-12-20T00:00:00Z</dcterms:created>');
    expect(x['docProps/core.xml']).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2023-12-20T00:00:00Z</dcterms:modified>');
    for (const name of ['word/styles.xml', 'word/theme/theme1.xml', 'word/settings.xml', 'word/numbering.xml']) expect(x[name], name).toBe(own[name]);
    expect(Object.keys(x).sort()).toEqual([...Object.keys(own), 'word/charts/chart1.xml'].sort());
  });

  it('gives the same bytes for the same document, first or later in a batch', async () => {
    const first = await pack(doc('Một'), '2023-12-20T00:00:00Z');
    const other = await pack(doc('Hai'), '2023-12-20T00:00:00Z');
    const again = await pack(doc('Một'), '2023-12-20T00:00:00Z');
    expect(Buffer.compare(first, again)).toBe(0);
    expect(Buffer.compare(first, other)).not.toBe(0);
    expect(read(other)['docProps/core.xml']).toContain('<dc:title>Hai</dc:title>');
  });
});
