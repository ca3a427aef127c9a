// WordprocessingML written as text, for what docx has no object for (a chart's drawing) or
// would hold too many objects for (a table of thousands of rows). A RawXml block stands in the
// docx document as a marker; pack() puts the text in its place and adds the parts it needs.
import { FileChild, type IContext } from 'docx';

/** Text escaped for XML content and attribute values. */
export const escapeXml = (s: string) =>
  s.replace(/[&<>"'\x00-\x08\x0B\x0C\x0E-\x1F]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? '');

/** A part of the package that a raw block refers to (a chart), with its relationship from the document. */
export interface ExtraPart {
  /** Path in the package, e.g. "word/charts/chart1.xml". */
  path: string;
  contentType: string;
  relationshipType: string;
  /** The relationship's id, as the block's XML refers to it; unique in the document. */
  id: string;
  data: string;
}

/** The raw blocks of each document being written, by the document docx is compiling. */
const blocks = new WeakMap<object, RawXml[]>();

/** A block-level piece of document XML (a `w:p` or a `w:tbl`), written as given. */
export class RawXml extends FileChild {
  constructor(
    readonly xml: string,
    readonly parts: readonly ExtraPart[] = [],
  ) {
    super('dvk:raw');
  }

  override prepForXml(context: IContext) {
    let list = blocks.get(context.file);
    if (!list) blocks.set(context.file, (list = []));
    list.push(this);
    return { 'dvk:raw': { _attr: { n: list.length - 1 } } };
  }
}

/** The document's XML with each marker replaced by its block, and the parts the blocks need. */
export function fillRawBlocks(doc: object, documentXml: string): { xml: string; parts: ExtraPart[] } {
  const list = blocks.get(doc) ?? [];
  blocks.delete(doc);
  const xml = list.length ? documentXml.replace(/<dvk:raw n="(\d+)"\/>/g, (_, n: string) => list[Number(n)]!.xml) : documentXml;
  return { xml, parts: list.flatMap((b) => b.parts) };
}
