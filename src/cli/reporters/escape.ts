// Text from the data, made safe for where it is written: spreadsheets (formulas), terminals
// (escape sequences), Markdown (links, mentions) and CI logs (workflow commands). Every
// reporter that writes names, titles or messages from the files goes through these.

/**
 * A spreadsheet cell's text that Excel and LibreOffice show as text, never run as a formula:
 * a leading `=`, `+`, `-`, `@`, tab or carriage return gets a `'` before it (the OWASP rule).
 */
export const noFormula = (s: string): string => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

/** A CSV field: formulas neutralised; quoted when it holds a separator, a quote or a line break. */
export function csvCell(s: string): string {
  const text = noFormula(s);
  return text !== s || /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
