// Reading a .docx for the forms, element by element (src/core/forms/docx.ts): what text counts,
// where each paragraph stands, which control it belongs to, and what is not a Word document.
// forms.test.ts reads whole forms; these pin each rule of the reader on the smallest XML.
import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { paraText, readBody, readDocx, readProperties } from '../../src/core/forms/docx.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const doc = (body: string) => `<w:document xmlns:w="${W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:o="urn:other"><w:body>${body}</w:body></w:document>`;
const known = (k: string) => k !== 'la';
const body = (xml: string) => readBody(doc(xml), known);
const texts = (xml: string) => body(xml).paras.map(paraText);
const r = (t: string) => `<w:r><w:t>${t}</w:t></w:r>`;
const control = (tag: string, inner: string, pr = '') => `<w:sdt><w:sdtPr><w:tag w:val="${tag}"/>${pr}</w:sdtPr><w:sdtContent>${inner}</w:sdtContent></w:sdt>`;

describe('readBody: the text that counts', () => {
  it('leaves out deleted and moved-away text, text boxes, drawings, objects, fallbacks and field codes', () => {
    for (const el of ['del', 'moveFrom', 'txbxContent', 'drawing', 'pict', 'object', 'instrText', 'delText']) {
      expect(texts(`<w:p>${r('a')}<w:${el}>${r('x')}<w:r><w:t>y</w:t></w:r></w:${el}>${r('b')}</w:p>`), el).toEqual(['ab']);
    }
    expect(texts(`<w:p>${r('a')}<mc:AlternateContent><mc:Choice>${r('c')}</mc:Choice><mc:Fallback>${r('f')}</mc:Fallback></mc:AlternateContent></w:p>`)).toEqual(['ac']);
  });

  it('reads text only inside w:t, and only WordprocessingML elements', () => {
    expect(texts(`<w:p><w:r><w:t>a</w:t>b<w:t>c</w:t></w:r></w:p>`)).toEqual(['ac']);
    // Elements of another namespace are not paragraphs, runs or text.
    expect(texts(`<w:p>${r('a')}</w:p><o:p><o:t>z</o:t></o:p>`)).toEqual(['a']);
    expect(texts(`<w:p><o:t>z</o:t>${r('a')}</w:p>`)).toEqual(['a']);
  });

  it('turns tabs, breaks and non-breaking hyphens into characters, only in a run', () => {
    expect(texts(`<w:p><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:ptab/><w:t>c</w:t><w:br/><w:t>d</w:t><w:cr/><w:t>e</w:t><w:noBreakHyphen/><w:t>f</w:t></w:r></w:p>`)).toEqual(['a\tb\tc\nd\ne-f']);
    // A tab stop in the paragraph's properties is not a tab in the text.
    expect(texts(`<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>${r('a')}<w:r><w:br/></w:r></w:p>`)).toEqual(['a\n']);
    expect(texts(`<w:p><w:pPr><w:tabs><w:br/><w:cr/></w:tabs></w:pPr>${r('a')}</w:p>`)).toEqual(['a']);
  });

  it('text before any paragraph, or empty, adds nothing', () => {
    expect(body(`<w:r><w:t>a</w:t></w:r><w:p><w:r><w:t></w:t></w:r></w:p>`).paras).toEqual([{ n: 1, segments: [] }]);
  });

  it('a deleted paragraph mark joins the paragraph to the next, not past a table cell', () => {
    const mark = '<w:pPr><w:rPr><w:del w:id="1"/></w:rPr></w:pPr>';
    expect(texts(`<w:p>${mark}${r('a')}</w:p><w:p>${r('b')}</w:p><w:p>${r('c')}</w:p>`)).toEqual(['ab', 'c']);
    // A deletion elsewhere in the paragraph does not.
    expect(texts(`<w:p><w:r><w:rPr><w:del w:id="1"/></w:rPr><w:t>a</w:t></w:r></w:p><w:p>${r('b')}</w:p>`)).toEqual(['a', 'b']);
    expect(texts(`<w:p><w:del w:id="1">${r('x')}</w:del>${r('a')}</w:p><w:p>${r('b')}</w:p>`)).toEqual(['a', 'b']);
    const cell = (inner: string) => `<w:tc>${inner}</w:tc>`;
    expect(texts(`<w:tbl><w:tr>${cell(`<w:p>${mark}${r('a')}</w:p>`)}${cell(`<w:p>${r('b')}</w:p>`)}</w:tr></w:tbl>`)).toEqual(['a', 'b']);
    expect(texts(`<w:tbl><w:tr>${cell(`<w:p>${mark}${r('a')}</w:p>`)}</w:tr></w:tbl><w:p>${r('b')}</w:p>`)).toEqual(['a', 'b']);
  });
});

describe('readBody: where each paragraph stands', () => {
  it('numbers paragraphs from 1, tables included, and places each in its body-level table, row and cell', () => {
    const cell = (t: string) => `<w:tc><w:p>${r(t)}</w:p></w:tc>`;
    const inner = `<w:tbl><w:tr>${cell('n1')}${cell('n2')}</w:tr></w:tbl>`;
    const { paras } = body(`<w:p>${r('a')}</w:p><w:tbl><w:tr>${cell('b')}${cell('c')}</w:tr><w:tr><w:tc>${inner}</w:tc>${cell('d')}</w:tr></w:tbl><w:p>${r('e')}</w:p><w:tbl><w:tr>${cell('f')}</w:tr></w:tbl>`);
    expect(paras.map((p) => [p.n, paraText(p), p.cell])).toEqual([
      [1, 'a', undefined],
      [2, 'b', { table: 1, row: 1, index: 0 }],
      [3, 'c', { table: 1, row: 1, index: 1 }],
      // A nested table's cells count within the body-level table; rows are numbered through the document.
      [4, 'n1', { table: 1, row: 3, index: 0 }],
      [5, 'n2', { table: 1, row: 3, index: 1 }],
      [6, 'd', { table: 1, row: 2, index: 1 }],
      [7, 'e', undefined],
      [8, 'f', { table: 2, row: 4, index: 0 }],
    ]);
  });
});

describe('readBody: controls', () => {
  it('gives text to the innermost control with a known dvk: tag, in one segment per control', () => {
    const xml = `<w:p>${r('a')}${control('dvk:x', r('b') + r('c'))}${control('dvk:la', r('d'))}${control('other', control('dvk:y', r('e')) + r('f'))}</w:p>`;
    expect(body(xml).paras[0]!.segments).toEqual([{ text: 'a' }, { text: 'bc', key: 'x' }, { text: 'd' }, { text: 'e', key: 'y' }, { text: 'f' }]);
    // A tag outside sdtPr, or without the prefix, names nothing.
    expect(body(`<w:p>${control('x', r('a'))}<w:sdt><w:sdtContent><w:tag w:val="dvk:z"/>${r('b')}</w:sdtContent></w:sdt></w:p>`).paras[0]!.segments).toEqual([{ text: 'ab' }]);
    expect(body(`<w:p><w:tag w:val="dvk:z"/>${r('a')}</w:p>`).controls).toEqual(new Map());
    expect(body(`<w:p><w:sdt><w:sdtPr><w:tag/></w:sdtPr><w:sdtContent>${r('a')}</w:sdtContent></w:sdt></w:p>`).paras[0]!.segments).toEqual([{ text: 'a' }]);
  });

  it("leaves out a control's text while it shows its placeholder", () => {
    const shown = (val?: string) => body(`<w:p>${control('dvk:x', r('Nhập'), val === undefined ? '<w:showingPlcHdr/>' : `<w:showingPlcHdr w:val="${val}"/>`)}</w:p>`).paras[0]!.segments;
    expect(shown()).toEqual([]);
    expect(shown('1')).toEqual([]);
    expect(shown('true')).toEqual([]);
    for (const off of ['0', 'false', 'off']) expect(shown(off), off).toEqual([{ text: 'Nhập', key: 'x' }]);
    // Outside sdtPr it says nothing.
    expect(body(`<w:p>${control('dvk:x', `<w:showingPlcHdr/>${r('a')}`)}</w:p>`).paras[0]!.segments).toEqual([{ text: 'a', key: 'x' }]);
  });

  it('places each control at the paragraph of its first text, an empty one at its own, the first of a repeated tag', () => {
    const xml = `<w:p>${r('a')}</w:p>${control('dvk:block', `<w:p>${r('b')}</w:p>`)}<w:p>${control('dvk:empty', '')}</w:p>${control('dvk:after', '<w:p/>')}<w:p>${control('dvk:x', r('c'))}</w:p><w:p>${control('dvk:x', r('d'))}</w:p>`;
    expect(body(xml).controls).toEqual(new Map([['block', 2], ['empty', 3], ['after', 4], ['x', 5]]));
    // An empty block-level control after the last paragraph stands at the last one.
    expect(body(`<w:p>${r('a')}</w:p>${control('dvk:end', '')}`).controls).toEqual(new Map([['end', 1]]));
    expect(body(control('dvk:end', '')).controls).toEqual(new Map([['end', 1]]));
  });
});

describe('readProperties', () => {
  it('reads each named property as the text of its value, and skips the unnamed', () => {
    const xml = `<Properties xmlns="urn:p" xmlns:vt="urn:vt"><property name="dvk-form"><vt:lpwstr>register/1</vt:lpwstr></property>text<property><vt:lpwstr>x</vt:lpwstr></property><property name="b">loose<vt:lpwstr>1</vt:lpwstr><vt:lpwstr>2</vt:lpwstr></property><property name="c"/></Properties>`;
    expect(readProperties(xml)).toEqual({ 'dvk-form': 'register/1', b: '12', c: '' });
  });
});

describe('readDocx', () => {
  const zip = (files: Record<string, string>) => zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])));
  const RELS = (target: string, type = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument') =>
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="${type}" Target="${target}"/></Relationships>`;
  const text = (d: ReturnType<typeof readDocx>) => ('problem' in d ? d.problem : d.paras.map(paraText).join('|'));

  it('tells an old Word file and bytes that are not a zip apart by all four bytes of their signature', () => {
    const junk = (...b: number[]) => new Uint8Array([...b, 0, 0, 0, 0]);
    expect(readDocx(junk(0xd0, 0xcf, 0x11, 0xe0), known)).toEqual({ problem: 'old-word' });
    for (const b of [[0xd0, 0xcf, 0x11, 0xe1], [0xd0, 0xcf, 0x12, 0xe0], [0xd0, 0xce, 0x11, 0xe0], [0xd1, 0xcf, 0x11, 0xe0], [0x50, 0x4b, 0x03, 0x05], [0x50, 0x4b, 0x04, 0x04], [0x50, 0x4c, 0x03, 0x04], [0x51, 0x4b, 0x03, 0x04]]) {
      expect(readDocx(junk(...b), known), b.join(',')).toEqual({ problem: 'not-zip' });
    }
    expect(readDocx(junk(0x50, 0x4b, 0x03, 0x04), known)).toMatchObject({ problem: 'not-zip', detail: expect.any(String) });
  });

  it('reads the main part that _rels/.rels names, or word/document.xml', () => {
    expect(text(readDocx(zip({ 'word/document.xml': doc(`<w:p>${r('a')}</w:p>`) }), known))).toBe('a');
    const two = { 'word/document.xml': doc(`<w:p>${r('a')}</w:p>`), 'word/main2.xml': doc(`<w:p>${r('b')}</w:p>`) };
    expect(text(readDocx(zip({ ...two, '_rels/.rels': RELS('/word/main2.xml') }), known))).toBe('b');
    expect(text(readDocx(zip({ ...two, '_rels/.rels': RELS('//word/main2.xml') }), known))).toBe('b');
    // Another relationship's target, or another element, is not the main part.
    expect(text(readDocx(zip({ ...two, '_rels/.rels': RELS('word/main2.xml', 'http://x/styles') }), known))).toBe('a');
    expect(text(readDocx(zip({ ...two, '_rels/.rels': RELS('word/main2.xml').replace(/Relationship /, 'Other ') }), known))).toBe('a');
    expect(text(readDocx(zip({ ...two, '_rels/.rels': RELS('word/main2.xml').replace('package/2006/relationships', 'x') }), known))).toBe('a');
    // The first main part named wins.
    const both = RELS('word/main2.xml').replace('</Relationships>', '<Relationship Id="r2" Type="http://x/officeDocument" Target="word/document.xml"/></Relationships>');
    expect(text(readDocx(zip({ ...two, '_rels/.rels': both }), known))).toBe('b');
    // Only parts directly in word/ are read.
    expect(readDocx(zip({ 'word/sub/document.xml': doc(''), '_rels/.rels': RELS('word/sub/document.xml') }), known)).toEqual({ problem: 'not-word' });
    expect(readDocx(zip({ 'x/word/document.xml': doc(''), '_rels/.rels': RELS('x/word/document.xml') }), known)).toEqual({ problem: 'not-word' });
    expect(readDocx(zip({ 'word/document.xml.bak': doc(''), '_rels/.rels': RELS('word/document.xml.bak') }), known)).toEqual({ problem: 'not-word' });
  });

  it('reads the custom properties, and says which part is bad XML', () => {
    const props = '<Properties><property name="dvk-form"><lpwstr>review/1</lpwstr></property></Properties>';
    expect(readDocx(zip({ 'word/document.xml': doc(''), 'docProps/custom.xml': props }), known)).toEqual({ paras: [], controls: new Map(), properties: { 'dvk-form': 'review/1' } });
    expect(readDocx(zip({ 'word/document.xml': doc('') }), known)).toMatchObject({ properties: {} });
    const bad = readDocx(zip({ 'word/document.xml': doc('<w:p>') }), known);
    expect(bad).toMatchObject({ problem: 'bad-xml' });
    expect((bad as { detail: string }).detail).not.toContain('\n');
    expect(readDocx(zip({ 'word/document.xml': doc(''), '_rels/.rels': '<Relationships' }), known)).toMatchObject({ problem: 'bad-xml' });
  });
});
