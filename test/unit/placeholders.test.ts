// One list of placeholder patterns covers the texts the templates leave for the user to write:
// dvk init's config and the model template (with every commented example uncommented), and
// none of the realistic example workspace.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { placeholderIn, placeholders, printed } from '../../src/core/placeholders.js';
import { EXAMPLE, FIXTURES, ROOT } from '../helpers.js';

/** A template as a user would leave it: variables filled, every commented `key: value` line in use. */
function uncommented(file: string, vars: Record<string, string>): unknown {
  const text = fs
    .readFileSync(path.join(ROOT, 'templates', file), 'utf8')
    .replace(/\{\{(\w+)\}\}/g, (_, k: string) => vars[k] ?? k)
    .split('\n')
    .map((line) => line.replace(/^(\s*)# ?(?=[\w-]+:|\s*- |\s{2,}\S)/, '$1'))
    .join('\n');
  return parse(text);
}

const texts = (data: unknown) => placeholders(data).map((p) => `${p.path.join('.')}: ${p.text}`);

describe('placeholders', () => {
  it('finds every fill-in of the config dvk init writes', () => {
    expect(texts(uncommented('init/dvk.config.yaml', { year: '2025', level: 'xa' }))).toEqual([
      'issuer.superior: (tên xã)',
      'issuer.place: (địa danh)',
      'signer.name: (họ và tên)',
      'report.intro: số …', // "Thực hiện Kế hoạch số …"
      'propose.recipient: (tên tỉnh)',
    ]);
  });

  it('finds every example text of the model template, and the names older versions wrote', () => {
    const found = texts(uncommented('model.yaml', { name: 'Tên mô hình', unitName: 'Tên đơn vị', unitCode: 'TDV', today: '2025-03-01', year: '2025' }));
    expect(found).toEqual([
      'name: Tên mô hình',
      'unit.name: Tên đơn vị',
      'person.name: Nguyễn Văn A',
      'steps.register.problem: Ghi thực trạng, lý do.',
      'steps.register.goals.0: Mục tiêu thứ nhất',
      'steps.register.content: Ghi nội dung, cách thức.',
      'steps.register.area: Địa bàn, đối tượng vận động',
      'steps.register.forces.0.name: Tên tổ chức',
      'steps.register.outputs.0: Sản phẩm thứ nhất',
      'steps.register.sustainability: Khả năng duy trì, nhân rộng',
      'steps.inspect.0.findings: Nhận xét của đoàn kiểm tra',
      'steps.review.summary: Đánh giá chung hiệu quả của mô hình',
      'steps.review.lessons.0: Bài học thứ nhất',
    ]);
  });

  it('finds none in real data', () => {
    const walk = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.yaml') ? [path.join(dir, e.name)] : []));
    for (const file of [...walk(EXAMPLE), ...walk(path.join(FIXTURES, 'base'))]) expect(texts(parse(fs.readFileSync(file, 'utf8'))), file).toEqual([]);
    for (const s of ['Tên mô hình dài hơn', 'Ủy ban MTTQ xã (cũ) Mộc Nam', 'Kế hoạch số 45-KH/BCĐ', 'Hội nghị triển khai mô hình']) expect(placeholderIn(s), s).toBeUndefined();
  });

  it('finds them in long text too, and a whole template value with decomposed letters and spaces around it', () => {
    const long = 'Nội dung dài của mô hình, kể cả các hoạt động đã làm trong năm. '.repeat(4);
    expect(placeholderIn(`${long}Kế hoạch số …`)).toBe('số …');
    expect(placeholderIn(`${long}Kế hoạch số ... ngày`)).toBe('số ...');
    expect(placeholderIn(`${long}ông (họ và tên)`)).toBe('(họ và tên)');
    expect(placeholderIn(long)).toBeUndefined();
    const nfd = `   ${'Đánh giá chung hiệu quả của mô hình.'.normalize('NFD')}   `;
    expect(nfd.length).toBeGreaterThan(45);
    expect(placeholderIn(nfd)).toBe('Đánh giá chung hiệu quả của mô hình.');
  });

  it('each pattern as written: any "(tên …)", a number left as an ellipsis with or without a space, a template value only when whole', () => {
    expect(placeholderIn('Đảng ủy xã (tên xã)')).toBe('(tên xã)');
    expect(placeholderIn('(tên đơn vị)')).toBe('(tên đơn vị)');
    expect(placeholderIn('(họ tên)')).toBe('(họ tên)');
    expect(placeholderIn('(tên)')).toBeUndefined();
    expect(placeholderIn('Kế hoạch số…')).toBe('số…');
    expect(placeholderIn('Kế hoạch số   ...')).toBe('số   ...');
    expect(placeholderIn('Quyết định số. 12')).toBeUndefined();
    expect(placeholderIn('Quyết định số .. 12')).toBeUndefined();
    expect(placeholderIn('Ghi tên mô hình')).toBeUndefined();
    expect(placeholderIn('TÊN ĐƠN VỊ.')).toBe('TÊN ĐƠN VỊ.');
  });

  it('tells as the patterns alone would, on any text of these pieces (what a text must hold is told before them)', () => {
    // The patterns as they were before what a text must hold was told first.
    const plain = (text: string) => {
      if (text.length > 160 && !text.includes('(') && !text.includes('…') && !text.includes('...')) return undefined;
      const s = text.normalize('NFC').trim();
      for (const re of [/\((?:họ và tên|họ tên|địa danh|tên [^()]{1,30})\)/iu, /\bsố\s*(?:…|\.{3})/iu, /^(?:tên mô hình|tên đơn vị|nguyễn văn a)\.?$/iu]) {
        const m = re.exec(s);
        if (m) return m[0];
      }
      return undefined;
    };
    const pieces = ['(', ')', '(tên xã)', 'họ và tên', 'số', 'Số', 'sô\u0301', '…', '...', '..', '.', ' ', '  ', 'Tên mô hình', 'Te\u0302n đơn vi\u0323', 'Nguyễn Văn A', 'ĐƠN VỊ', 'x'.repeat(50), ' '.repeat(70), '\u0958'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(placeholderIn(text)).toBe(plain(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('places in a list are numbers, keys are names', () => {
    const found = placeholders({ steps: { register: { goals: ['ok', 'Mục tiêu thứ nhất'] } } });
    expect(found).toEqual([{ path: ['steps', 'register', 'goals', 1], text: 'Mục tiêu thứ nhất' }]);
    expect(placeholders(null)).toEqual([]);
    expect(placeholders(7)).toEqual([]);
  });

  it('printed: the parts of a config and a model that documents print, by path', () => {
    for (const p of [['issuer', 'superior'], ['signer', 'name'], ['decision', 'bases', 0], ['report', 'intro'], ['certificate', 'title'], ['propose', 'to']]) expect(printed('config', p), p.join('.')).toBe(true);
    for (const p of [['name'], ['unit', 'name'], ['person', 'name'], ['steps', 'review', 'summary']]) expect(printed('model', p), p.join('.')).toBe(true);
    expect(printed('config', ['lang'])).toBe(false);
    expect(printed('config', ['issuers'])).toBe(false);
    expect(printed('model', ['steps', 'review', 'lessons', 0])).toBe(false);
    expect(printed('model', ['names'])).toBe(false);
    expect(printed('model', ['issuer'])).toBe(false);
  });
});
