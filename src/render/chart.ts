// The report's chart: models by field, recognised and not, as horizontal stacked bars. A native
// Word chart (DrawingML, ECMA-376 part 1 §21.2): the values are in the chart's caches, so Word
// and LibreOffice draw it from the document alone, in the document's font, and it can be
// restyled in Word. There is no embedded workbook, so Word's "Edit Data" has nothing to open.
import { escapeXml as esc, RawXml } from './xml.js';

export interface BarDatum {
  label: string;
  /** Recognised models. */
  recognized: number;
  /** Models of the group that were not recognised (registered − recognised). */
  other: number;
}

export interface ChartLabels {
  recognized: string;
  other: string;
}

export interface ChartText {
  font: string;
  /** Size in half-points, as DocFormat gives it. */
  size: number;
}

const C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const COLORS = { recognized: '1F4E79', other: 'BDD7EE' };

/** A step for the value axis that keeps about ten whole-number gridlines. */
export function axisStep(max: number): number {
  return max <= 10 ? 1 : max <= 20 ? 2 : max <= 50 ? 5 : Math.ceil(max / 10 / 5) * 5;
}

/** Text properties: a run's look, as `a:defRPr` inside `c:txPr`. */
function textProps(rPr: string): string {
  return `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr>${rPr}</a:pPr><a:endParaRPr lang="vi-VN"/></a:p></c:txPr>`;
}

function series(i: number, name: string, color: string, labelColor: string, labels: string[], values: number[]): string {
  const col = String.fromCharCode(66 + i); // B, C: the columns of the data sheet Word would make
  const last = labels.length + 1;
  return (
    `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
    `<c:tx><c:strRef><c:f>Sheet1!$${col}$1</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>${esc(name)}</c:v></c:pt></c:strCache></c:strRef></c:tx>` +
    `<c:spPr><a:solidFill><a:srgbClr val="${color}"/></a:solidFill></c:spPr>` +
    `<c:invertIfNegative val="0"/>` +
    // Each part of a bar carries its count; the format leaves zeros unlabelled.
    `<c:dLbls><c:numFmt formatCode="#,##0;;;" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>` +
    textProps(`<a:defRPr b="1"><a:solidFill><a:srgbClr val="${labelColor}"/></a:solidFill></a:defRPr>`) +
    `<c:dLblPos val="ctr"/><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>` +
    `<c:cat><c:strRef><c:f>Sheet1!$A$2:$A$${last}</c:f><c:strCache><c:ptCount val="${labels.length}"/>` +
    labels.map((l, j) => `<c:pt idx="${j}"><c:v>${esc(l)}</c:v></c:pt>`).join('') +
    `</c:strCache></c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>Sheet1!$${col}$2:$${col}$${last}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>` +
    values.map((v, j) => `<c:pt idx="${j}"><c:v>${v}</c:v></c:pt>`).join('') +
    `</c:numCache></c:numRef></c:val></c:ser>`
  );
}

/** The chart part (word/charts/chartN.xml): a stacked bar chart, first group at the top, counts on the bars. */
export function barChartXml(data: BarDatum[], labels: ChartLabels, text: ChartText): string {
  const names = data.map((d) => d.label);
  const max = Math.max(1, ...data.map((d) => d.recognized + d.other));
  const step = axisStep(max);
  const grid = `<a:ln w="9525"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln>`;
  const axisLine = `<a:ln w="9525"><a:solidFill><a:srgbClr val="404040"/></a:solidFill></a:ln>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${C}" xmlns:a="${A}" xmlns:r="${R}">` +
    `<c:date1904 val="0"/><c:lang val="vi-VN"/><c:roundedCorners val="0"/>` +
    `<c:chart><c:autoTitleDeleted val="1"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="bar"/><c:grouping val="stacked"/><c:varyColors val="0"/>` +
    series(0, labels.recognized, COLORS.recognized, 'FFFFFF', names, data.map((d) => d.recognized)) +
    series(1, labels.other, COLORS.other, COLORS.recognized, names, data.map((d) => d.other)) +
    `<c:gapWidth val="60"/><c:overlap val="100"/><c:axId val="1"/><c:axId val="2"/></c:barChart>` +
    // Categories top to bottom in the table's order; the value axis then crosses at the bottom.
    `<c:catAx><c:axId val="1"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/><c:axPos val="l"/>` +
    `<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:spPr>${axisLine}</c:spPr><c:crossAx val="2"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/><c:max val="${Math.ceil(max / step) * step}"/><c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>` +
    `<c:majorGridlines><c:spPr>${grid}</c:spPr></c:majorGridlines><c:numFmt formatCode="#,##0" sourceLinked="0"/>` +
    `<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:spPr><a:ln><a:noFill/></a:ln></c:spPr>` +
    `<c:crossAx val="1"/><c:crosses val="max"/><c:crossBetween val="between"/><c:majorUnit val="${step}"/></c:valAx>` +
    `</c:plotArea><c:legend><c:legendPos val="t"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>` +
    textProps(`<a:defRPr sz="${text.size * 50}"><a:solidFill><a:srgbClr val="000000"/></a:solidFill><a:latin typeface="${esc(text.font)}"/><a:cs typeface="${esc(text.font)}"/></a:defRPr>`) +
    `</c:chartSpace>`
  );
}

/** EMUs (English Metric Units) per twip. */
const EMU_PER_TWIP = 635;

/**
 * The paragraph holding chart number `n` inline, centred, `width` twips wide, and its part.
 * `alt` is what screen readers say (Word's Alt Text).
 */
export function chartParagraph(
  n: number,
  chartXml: string,
  size: { width: number; height: number },
  alt: { name: string; title: string; description: string },
): RawXml {
  const id = `rIdChart${n}`;
  const cx = size.width * EMU_PER_TWIP;
  const cy = size.height * EMU_PER_TWIP;
  // docx renumbers drawings from 1 in pack(); this id only has to differ from an image's.
  const docPr = 0x7fff0000 + n;
  const xml =
    `<w:p><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="center"/></w:pPr>` +
    `<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${cx}" cy="${cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>` +
    `<wp:docPr id="${docPr}" name="${esc(alt.name)}" title="${esc(alt.title)}" descr="${esc(alt.description)}"/><wp:cNvGraphicFramePr/>` +
    `<a:graphic xmlns:a="${A}"><a:graphicData uri="${C}"><c:chart xmlns:c="${C}" xmlns:r="${R}" r:id="${id}"/></a:graphicData></a:graphic>` +
    `</wp:inline></w:drawing></w:r></w:p>`;
  return new RawXml(xml, [
    {
      path: `word/charts/chart${n}.xml`,
      contentType: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
      relationshipType: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart',
      id,
      data: chartXml,
    },
  ]);
}
