// Reading a .docx as dvk's forms need it: the paragraphs of the body in order, each with its text
// split by the content control (tag) it belongs to, the table cell it stands in, and the custom
// document properties. Pure: bytes in, plain data out. XML is parsed by saxes (strict and
// namespace-aware, so another prefix for the WordprocessingML namespace, or Strict OOXML's
// namespace, reads the same); nothing is parsed with regular expressions.
import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser, type SaxesTagNS } from 'saxes';

const W_NS = new Set(['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main']);
const MC_NS = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const REL_NS = new Set(['http://schemas.openxmlformats.org/package/2006/relationships']);
const OFFICE_DOCUMENT = /\/officeDocument$/;

/** The largest part read (a filled form is a few hundred kilobytes; this stops a zip bomb). */
const MAX_PART = 64 * 1024 * 1024;

export interface Segment {
  text: string;
  /** The key of the innermost control with a known tag (`register.problem`), if any. */
  key?: string;
}

export interface Para {
  /** Paragraph number in the body, from 1, tables' paragraphs included. */
  n: number;
  segments: Segment[];
  /** The cell the paragraph stands in: the body-level table, a row number unique in the document, the cell's index in its row. */
  cell?: { table: number; row: number; index: number };
}

export interface WordDocument {
  paras: Para[];
  /** Known keys with a control in the document, and the paragraph where each control starts. */
  controls: Map<string, number>;
  /** Custom document properties (docProps/custom.xml), by name. */
  properties: Record<string, string>;
}

export type DocxProblem = 'not-zip' | 'old-word' | 'not-word' | 'bad-xml';

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOle = (b: Uint8Array) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

export const paraText = (p: Para) => p.segments.map((s) => s.text).join('');

/** Runs the SAX parser over a text; throws on malformed XML. */
function parse(xml: string, handlers: { open(tag: SaxesTagNS): void; close(tag: SaxesTagNS): void; text(t: string): void }): void {
  const parser = new SaxesParser({ xmlns: true, position: false });
  let failed: Error | undefined;
  parser.on('error', (e) => {
    failed ??= e;
  });
  parser.on('opentag', (tag) => {
    if (!failed) handlers.open(tag);
  });
  parser.on('closetag', (tag) => {
    if (!failed) handlers.close(tag);
  });
  parser.on('text', (t) => {
    if (!failed) handlers.text(t);
  });
  parser.write(xml).close();
  if (failed) throw failed;
}

const attr = (tag: SaxesTagNS, local: string, ns?: Set<string>) => Object.values(tag.attributes).find((a) => a.local === local && (ns ? ns.has(a.uri) : true))?.value;

/** The body of `word/document.xml`: paragraphs with their text by control. */
export function readBody(xml: string, isKnown: (key: string) => boolean): Omit<WordDocument, 'properties'> {
  const paras: Para[] = [];
  const controls = new Map<string, number>();
  /** Open controls: their known key (if any) and whether they show their placeholder. */
  const sdts: { key?: string; placeholder: boolean }[] = [];
  /** Open elements (W namespace local names; others as "*"). */
  const stack: string[] = [];
  /** Depth of subtrees whose text is not read (deleted text, text boxes, drawings, fallbacks). */
  let skip = 0;
  const tables: { row: number; index: number }[] = [];
  let bodyTable = 0;
  let rows = 0;
  let para: Para | undefined;
  /** The previous paragraph's mark was deleted (a pending deletion): this one continues it. */
  let joinNext = false;
  let markDeleted = false;
  let inText = false;
  let n = 0;

  const emit = (text: string) => {
    if (!para || skip || !text) return;
    if (sdts.some((s) => s.placeholder)) return;
    let key: string | undefined;
    for (let i = sdts.length - 1; i >= 0 && key === undefined; i--) key = sdts[i]!.key;
    const last = para.segments.at(-1);
    if (last && last.key === key) last.text += text;
    else para.segments.push(key === undefined ? { text } : { text, key });
  };

  parse(xml, {
    open(tag) {
      const w = W_NS.has(tag.uri);
      const name = w ? tag.local : tag.uri === MC_NS ? `mc:${tag.local}` : '*';
      stack.push(name);
      if (skip) {
        skip++;
        return;
      }
      if (name === 'del' || name === 'moveFrom' || name === 'txbxContent' || name === 'drawing' || name === 'pict' || name === 'object' || name === 'mc:Fallback' || name === 'instrText' || name === 'delText') {
        skip = 1;
        return;
      }
      if (!w) return;
      const parent = stack[stack.length - 2];
      switch (name) {
        case 'p':
          n++;
          if (joinNext && para) {
            joinNext = false;
          } else {
            const table = tables.at(-1);
            para = { n, segments: [] };
            if (table) para.cell = { table: bodyTable, row: table.row, index: table.index };
            paras.push(para);
          }
          markDeleted = false;
          break;
        case 'tbl':
          if (!tables.length) bodyTable++;
          tables.push({ row: 0, index: -1 });
          break;
        case 'tr':
          if (tables.length) tables[tables.length - 1] = { row: ++rows, index: -1 };
          break;
        case 'tc':
          if (tables.length) tables[tables.length - 1]!.index++;
          break;
        case 'sdt':
          sdts.push({ placeholder: false });
          break;
        case 'tag': {
          const val = attr(tag, 'val', W_NS);
          const sdt = sdts.at(-1);
          if (parent === 'sdtPr' && sdt && val?.startsWith('dvk:') && isKnown(val.slice(4))) {
            sdt.key = val.slice(4);
            if (!controls.has(sdt.key)) controls.set(sdt.key, stack.includes('p') ? n : n + 1);
          }
          break;
        }
        case 'showingPlcHdr': {
          const sdt = sdts.at(-1);
          const val = attr(tag, 'val', W_NS);
          if (parent === 'sdtPr' && sdt) sdt.placeholder = val === undefined || !['0', 'false', 'off'].includes(val);
          break;
        }
        case 't':
          inText = true;
          break;
        case 'tab':
        case 'ptab':
          if (parent === 'r') emit('\t');
          break;
        case 'br':
        case 'cr':
          if (parent === 'r') emit('\n');
          break;
        case 'noBreakHyphen':
          emit('-');
          break;
      }
    },
    close() {
      const name = stack.pop();
      if (skip) {
        skip--;
        // <w:del/> inside a paragraph mark's run properties: the mark is deleted.
        if (skip === 0 && name === 'del' && stack.at(-1) === 'rPr' && stack.at(-2) === 'pPr') markDeleted = true;
        return;
      }
      switch (name) {
        case 'p':
          if (markDeleted) joinNext = true;
          break;
        case 'tbl':
          tables.pop();
          joinNext = false;
          break;
        case 'tc':
          joinNext = false;
          break;
        case 'sdt':
          sdts.pop();
          break;
        case 't':
          inText = false;
          break;
      }
    },
    text(t) {
      if (inText) emit(t);
    },
  });
  // A control's paragraph is where its first text stands; for an empty inline control, its own.
  for (const [key, at] of controls) {
    const first = paras.find((p) => p.segments.some((s) => s.key === key));
    controls.set(key, first?.n ?? Math.max(1, Math.min(at, n)));
  }
  return { paras, controls };
}

/** Custom document properties: `<property name="dvk-form"><vt:lpwstr>register/1</vt:lpwstr></property>`. */
export function readProperties(xml: string): Record<string, string> {
  const out: Record<string, string> = {};
  let name: string | undefined;
  let depth = 0;
  parse(xml, {
    open(tag) {
      if (tag.local === 'property') {
        name = attr(tag, 'name');
        depth = 0;
        if (name !== undefined) out[name] = '';
      } else if (name !== undefined) depth++;
    },
    close(tag) {
      if (tag.local === 'property') name = undefined;
      else if (name !== undefined) depth--;
    },
    text(t) {
      if (name !== undefined && depth > 0) out[name] += t;
    },
  });
  return out;
}

/** The main document part named by `_rels/.rels`. */
function mainPart(xml: string | undefined): string {
  let target: string | undefined;
  if (xml) {
    parse(xml, {
      open(tag) {
        if (tag.local === 'Relationship' && REL_NS.has(tag.uri) && OFFICE_DOCUMENT.test(attr(tag, 'Type') ?? '')) target ??= attr(tag, 'Target');
      },
      close() {},
      text() {},
    });
  }
  return (target ?? 'word/document.xml').replace(/^\/+/, '');
}

/** A .docx file's body and properties, or why it cannot be read as a Word document. */
export function readDocx(bytes: Uint8Array, isKnown: (key: string) => boolean): WordDocument | { problem: DocxProblem; detail?: string } {
  if (isOle(bytes)) return { problem: 'old-word' };
  if (!isZip(bytes)) return { problem: 'not-zip' };
  let files: Record<string, Uint8Array>;
  const wanted = (name: string) => name === '_rels/.rels' || name === 'docProps/custom.xml' || /^word\/[^/]+\.xml$/.test(name);
  try {
    files = unzipSync(bytes, { filter: (f) => wanted(f.name) && f.originalSize <= MAX_PART });
  } catch (e) {
    return { problem: 'not-zip', detail: String((e as Error).message ?? e) };
  }
  try {
    const rels = files['_rels/.rels'];
    const main = files[mainPart(rels && strFromU8(rels))];
    if (!main) return { problem: 'not-word' };
    const body = readBody(strFromU8(main), isKnown);
    const custom = files['docProps/custom.xml'];
    return { ...body, properties: custom ? readProperties(strFromU8(custom)) : {} };
  } catch (e) {
    return { problem: 'bad-xml', detail: String((e as Error).message ?? e).split('\n')[0] };
  }
}
