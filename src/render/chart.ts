// The report's chart: models by field, recognised and not, as horizontal stacked bars. Drawn
// as SVG (a pure function), then rasterised to PNG with a bundled font, so that Word and
// LibreOffice show the same picture on any machine and the bytes are the same every run.
import { createRequire } from 'node:module';

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

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export const CHART_SIZE = { width: 1200, height: 520 };

/** A stacked horizontal bar chart as SVG text. */
export function barChartSvg(data: BarDatum[], labels: ChartLabels): string {
  const { width, height } = CHART_SIZE;
  const left = 360;
  const right = 60;
  const top = 80;
  const bottom = 50;
  const plotW = width - left - right;
  const rowH = (height - top - bottom) / Math.max(1, data.length);
  const barH = Math.min(56, rowH * 0.6);
  const max = Math.max(1, ...data.map((d) => d.recognized + d.other));
  const step = max <= 10 ? 1 : max <= 20 ? 2 : max <= 50 ? 5 : Math.ceil(max / 10 / 5) * 5;
  const top_ = Math.ceil(max / step) * step;
  const x = (v: number) => left + (v / top_) * plotW;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Noto Sans" font-size="24">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    // Legend
    `<rect x="${left}" y="22" width="28" height="28" fill="#1f4e79"/>`,
    `<text x="${left + 38}" y="45">${esc(labels.recognized)}</text>`,
    `<rect x="${left + 340}" y="22" width="28" height="28" fill="#bdd7ee"/>`,
    `<text x="${left + 378}" y="45">${esc(labels.other)}</text>`,
  ];
  for (let v = 0; v <= top_; v += step) {
    out.push(`<line x1="${x(v)}" y1="${top - 10}" x2="${x(v)}" y2="${height - bottom}" stroke="#d9d9d9" stroke-width="2"/>`);
    out.push(`<text x="${x(v)}" y="${height - bottom + 32}" text-anchor="middle" fill="#404040">${v}</text>`);
  }
  data.forEach((d, i) => {
    const cy = top + rowH * i + rowH / 2;
    const y = cy - barH / 2;
    out.push(`<text x="${left - 16}" y="${cy + 9}" text-anchor="end">${esc(d.label)}</text>`);
    const w1 = x(d.recognized) - left;
    const w2 = x(d.recognized + d.other) - x(d.recognized);
    if (w1 > 0) out.push(`<rect x="${left}" y="${y}" width="${w1}" height="${barH}" fill="#1f4e79"/>`);
    if (w2 > 0) out.push(`<rect x="${left + w1}" y="${y}" width="${w2}" height="${barH}" fill="#bdd7ee"/>`);
    if (d.recognized > 0 && w1 > 40) out.push(`<text x="${left + w1 / 2}" y="${cy + 9}" text-anchor="middle" fill="#ffffff" font-weight="bold">${d.recognized}</text>`);
    if (d.other > 0 && w2 > 40) out.push(`<text x="${left + w1 + w2 / 2}" y="${cy + 9}" text-anchor="middle" fill="#1f4e79" font-weight="bold">${d.other}</text>`);
    out.push(`<text x="${x(d.recognized + d.other) + 10}" y="${cy + 9}" fill="#404040">${d.recognized + d.other}</text>`);
  });
  out.push(`<line x1="${left}" y1="${top - 10}" x2="${left}" y2="${height - bottom}" stroke="#404040" stroke-width="2"/>`);
  out.push('</svg>');
  return out.join('\n');
}

const require = createRequire(import.meta.url);

/** Rasterises the chart with the bundled Noto Sans (Vietnamese glyphs, the same on every machine). */
export async function svgToPng(svg: string): Promise<Uint8Array> {
  const { Resvg } = await import('@resvg/resvg-js');
  const fonts = ['400Regular/NotoSans_400Regular.ttf', '700Bold/NotoSans_700Bold.ttf'].map((f) => require.resolve(`@expo-google-fonts/noto-sans/${f}`));
  const resvg = new Resvg(svg, {
    font: { fontFiles: fonts, loadSystemFonts: false, defaultFontFamily: 'Noto Sans' },
    fitTo: { mode: 'original' },
    background: '#ffffff',
  });
  return new Uint8Array(resvg.render().asPng());
}
