// Turns a docx Document into bytes that are the same for the same inputs: the document's own
// dates come from the document date (or SOURCE_DATE_EPOCH), zip entries get a fixed time.
// The parts are zipped once, here, after raw XML blocks (large tables, charts) are put in place;
// the parts every document of a batch shares (styles, theme, headers…) are deflated once.
import { Packer, type Document } from 'docx';
import { strToU8, unzipSync, Zip, ZipDeflate, type ZipInputFile } from 'fflate';
import { ZIP_TIME } from '../core/bundle.js';
import { fillRawBlocks, type ExtraPart } from './xml.js';


/** The timestamp written into docProps/core.xml. */
export function documentTimestamp(isoDate: string, env: NodeJS.ProcessEnv = process.env): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `${isoDate}T00:00:00Z`;
}

type Parts = Map<string, string | Uint8Array>;

interface Compiler {
  compile(doc: Document): unknown;
}

/**
 * docx's parts of the package, before zipping. Packer keeps its compiler private, and zips what
 * it compiles: asking the compiler saves deflating everything once for docx and inflating it
 * again here. Should a docx release change that, the zip docx writes is read back instead.
 */
async function compile(doc: Document): Promise<Parts> {
  const compiler = (Packer as unknown as { compiler?: Partial<Compiler> }).compiler;
  const parts = typeof compiler?.compile === 'function' ? compiler.compile(doc) : undefined;
  if (parts instanceof Map) return parts as Parts;
  return new Map(Object.entries(unzipSync(new Uint8Array(await Packer.toBuffer(doc)))));
}

const text = (data: string | Uint8Array | undefined) => (typeof data === 'string' ? data : new TextDecoder().decode(data));

/** The parts raw blocks refer to: each in the package, in [Content_Types].xml and in the document's relationships. */
function addParts(parts: Parts, extra: ExtraPart[]): void {
  if (!extra.length) return;
  const insert = (name: string, before: string, added: string) => {
    const xml = text(parts.get(name));
    const at = xml.lastIndexOf(before);
    parts.set(name, xml.slice(0, at) + added + xml.slice(at));
  };
  insert('[Content_Types].xml', '</Types>', extra.map((p) => `<Override ContentType="${p.contentType}" PartName="/${p.path}"/>`).join(''));
  insert('word/_rels/document.xml.rels', '</Relationships>', extra.map((p) => `<Relationship Id="${p.id}" Type="${p.relationshipType}" Target="${p.path.replace(/^word\//, '')}"/>`).join(''));
  for (const p of extra) parts.set(p.path, p.data);
}

/** Drawings renumbered from 1 (docx numbers them across every document of a process), so a document of a batch does not depend on the others. */
function renumberDrawings(xml: string): string {
  let n = 0;
  const ids = new Map<string, number>();
  return xml.replace(/(<(?:wp:docPr|pic:cNvPr) id=")(\d+)"/g, (_, open: string, id: string) => {
    if (!ids.has(id)) ids.set(id, ++n);
    return `${open}${ids.get(id)}"`;
  });
}

/** A part, deflated, with what the zip's headers say of it. */
interface Entry {
  size: number;
  crc: number;
  flag: ZipDeflate['flag'];
  data: Uint8Array<ArrayBuffer>;
}

function deflate(name: string, bytes: Uint8Array): Entry {
  const file = new ZipDeflate(name, { level: 6 });
  const chunks: Uint8Array[] = [];
  file.ondata = (err, chunk) => {
    if (err) throw err;
    chunks.push(chunk);
  };
  file.push(bytes, true);
  return { size: file.size, crc: file.crc, flag: file.flag, data: Buffer.concat(chunks) };
}

/** Parts deflated before, by name and content: in a batch, all but the document's own text. */
const deflated = new Map<string, Entry>();

function sharedEntry(name: string, data: string | Uint8Array): Entry {
  if (typeof data !== 'string') return deflate(name, data);
  const key = `${name}\n${data}`;
  let entry = deflated.get(key);
  if (!entry) {
    if (deflated.size >= 256) deflated.clear();
    deflated.set(key, (entry = deflate(name, strToU8(data))));
  }
  return entry;
}

function zip(entries: [string, Entry][]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const archive = new Zip((err, chunk) => {
    if (err) throw err;
    chunks.push(chunk);
  });
  for (const [filename, e] of entries) {
    const file: ZipInputFile = { filename, size: e.size, crc: e.crc, compression: 8, flag: e.flag, mtime: ZIP_TIME };
    archive.add(file);
    file.ondata!(null, e.data, true);
  }
  archive.end();
  return Buffer.concat(chunks);
}

export async function pack(doc: Document, timestamp: string): Promise<Uint8Array> {
  const parts = await compile(doc);
  const { xml, parts: extra } = fillRawBlocks(doc, text(parts.get('word/document.xml')));
  parts.delete('word/document.xml');
  addParts(parts, extra);
  parts.set('docProps/core.xml', text(parts.get('docProps/core.xml')).replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:)/g, `$1${timestamp}$2`));
  const own = new Set(extra.map((p) => p.path));
  const entries: [string, Entry][] = [['word/document.xml', deflate('word/document.xml', strToU8(renumberDrawings(xml)))]];
  for (const [name, data] of parts) entries.push([name, own.has(name) ? deflate(name, strToU8(text(data))) : sharedEntry(name, data)]);
  return zip(entries);
}
