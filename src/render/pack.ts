// Turns a docx Document into bytes that are the same for the same inputs: the document's own
// dates come from the document date (or SOURCE_DATE_EPOCH), zip entries get a fixed time.
import { Packer, type Document } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

/** 1980-01-01 00:00 in local time: the zip format's earliest time, the same bytes in any time zone. */
const ZIP_TIME = new Date(1980, 0, 1, 0, 0, 0);

/** The timestamp written into docProps/core.xml. */
export function documentTimestamp(isoDate: string, env: NodeJS.ProcessEnv = process.env): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `${isoDate}T00:00:00Z`;
}

export function normalizeDocx(zip: Uint8Array, timestamp: string): Uint8Array {
  const files = unzipSync(zip);
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
  return normalizeDocx(new Uint8Array(buffer), timestamp);
}
