// Text of the templates that stands for something the user must write: `dvk init`'s config
// ("(họ và tên)", "Đảng ủy xã (tên xã)", "(địa danh)") and the model template of `dvk new model`
// ("Tên mô hình", "Tên đơn vị", the examples in its comments). One list for the rule that warns
// (rules/placeholder.ts) and for decide and report, which refuse to print one.
import type { Path } from './types.js';

/**
 * Each pattern with what a text must hold for it to match, told without the pattern: with the
 * flags `iu` a pattern cannot skip ahead to its first letter (10,000 models: the "số …" pattern
 * alone took 225 ms of a cold validate's 9 s of CPU).
 */
const PATTERNS: readonly [(text: string) => boolean, RegExp][] = [
  // A fill-in in brackets: "(họ và tên)", "(địa danh)", "(tên xã)", "(tên đơn vị)".
  [(t) => t.includes('('), /\((?:họ và tên|họ tên|địa danh|tên [^()]{1,30})\)/iu],
  // A number left to fill in: "Kế hoạch số …".
  [(t) => t.includes('…') || t.includes('...'), /\bsố\s*(?:…|\.{3})/iu],
  // Whole values the templates write for the user to replace: at most 40 letters (three code
  // units each when decomposed).
  [
    (t) => t.length <= 160,
    /^(?:tên mô hình|tên đơn vị|tên tổ chức|nguyễn văn a|ghi thực trạng, lý do|ghi nội dung, cách thức|mục tiêu thứ nhất|sản phẩm thứ nhất|bài học thứ nhất|địa bàn, đối tượng vận động|khả năng duy trì, nhân rộng|nhận xét của đoàn kiểm tra|đánh giá chung hiệu quả của mô hình)\.?$/iu,
  ],
];

/** The placeholder in a text, or undefined when it has none. */
export function placeholderIn(text: string): string | undefined {
  // Told on the text as it is: NFC neither makes nor takes away a bracket or an ellipsis.
  let s: string | undefined;
  for (const [may, re] of PATTERNS) {
    if (!may(text)) continue;
    s ??= text.normalize('NFC').trim();
    const m = re.exec(s);
    if (m) return m[0];
  }
  return undefined;
}

/** Every text value of some data that holds a placeholder, with where it is. */
export function placeholders(data: unknown): { path: Path; text: string }[] {
  const out: { path: Path; text: string }[] = [];
  const visit = (value: unknown, path: (string | number)[]) => {
    if (typeof value === 'string') {
      const text = placeholderIn(value);
      if (text) out.push({ path, text });
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => visit(v, [...path, i]));
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) visit(v, [...path, k]);
    }
  };
  visit(data, []);
  return out;
}

/** Where a config or a model holds text that documents print (what the document commands refuse to print as a placeholder). */
export const PRINTED: Record<'config' | 'model', readonly string[]> = {
  config: ['issuer', 'signer', 'decision', 'report', 'certificate', 'propose'],
  model: ['name', 'unit', 'person', 'steps.review.summary'],
};

export const printed = (kind: 'config' | 'model', path: Path) => PRINTED[kind].some((p) => `${path.join('.')}.`.startsWith(`${p}.`));
