// Turns a docx Document into bytes that are the same for the same inputs: the document's own
// dates come from the document date (or SOURCE_DATE_EPOCH), zip entries get a fixed time.
import { Packer, type Document } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { fillRawBlocks, type ExtraPart } from './xml.js';

/** 1980-01-01 00:00 in local time: the zip format's earliest time, the same bytes in any time zone. */
const ZIP_TIME = new Date(1980, 0, 1, 0, 0, 0);

/** The timestamp written into docProps/core.xml. */
export function documentTimestamp(isoDate: string, env: NodeJS.ProcessEnv = process.env): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `${isoDate}T00:00:00Z`;
}

/** The parts raw blocks refer to: each in the package, in [Content_Types].xml and in the document's relationships. */
function addParts(files: Record<string, Uint8Array>, parts: ExtraPart[]): void {
  if (!parts.length) return;
  const insert = (name: string, before: string, text: string) => {
    const xml = strFromU8(files[name]!);
    const at = xml.lastIndexOf(before);
    files[name] = strToU8(xml.slice(0, at) + text + xml.slice(at));
  };
  insert('[Content_Types].xml', '</Types>', parts.map((p) => `<Override ContentType="${p.contentType}" PartName="/${p.path}"/>`).join(''));
  insert('word/_rels/document.xml.rels', '</Relationships>', parts.map((p) => `<Relationship Id="${p.id}" Type="${p.relationshipType}" Target="${p.path.replace(/^word\//, '')}"/>`).join(''));
  for (const p of parts) files[p.path] = strToU8(p.data);
}

export function normalizeDocx(zip: Uint8Array, timestamp: string, doc?: object): Uint8Array {
  const files = unzipSync(zip);
  if (doc) {
    const { xml, parts } = fillRawBlocks(doc, strFromU8(files['word/document.xml']!));
    files['word/document.xml'] = strToU8(xml);
    addParts(files, parts);
  }
  const out: Zippable = {};
  for (const [name, data] of Object.entries(files)) {
    let bytes = data;
    if (name === 'word/document.xml') {
      // docx numbers drawings across every document of a process: renumber them from 1, so a
      // document of a batch does not depend on the others.
      let n = 0;
      const ids = new Map<string, number>();
      bytes = strToU8(strFromU8(data).replace(/(<(?:wp:docPr|pic:cNvPr) id=")(\d+)"/g, (_, open: string, id: string) => {
        if (!ids.has(id)) ids.set(id, ++n);
        return `${open}${ids.get(id)}"`;
      }));
    } else if (name === 'docProps/core.xml') {
      bytes = strToU8(
        strFromU8(data).replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:)/g, `$1${timestamp}$2`),
      );
    }
    out[name] = [bytes, { mtime: ZIP_TIME, level: 6 }];
  }
  return zipSync(out);
}

export async function pack(doc: Document, timestamp: string): Promise<Uint8Array> {
  const buffer = await Packer.toBuffer(doc);
  return normalizeDocx(new Uint8Array(buffer), timestamp, doc);
}
