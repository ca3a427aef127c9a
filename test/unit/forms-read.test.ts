// Reading a form's fields from a document given as plain data (src/core/forms/read.ts): by label or
// by control, what stops a field's text, each kind of value, and the diagnostics with their lines.
// forms.test.ts reads whole generated forms; these pin each rule on the smallest document.
import { describe, expect, it } from 'vitest';
import type { Para, WordDocument } from '../../src/core/forms/docx.js';
import { formSpec, type FormKind } from '../../src/core/forms/fields.js';
import { identify, readFields } from '../../src/core/forms/read.js';
import { messages } from '../../src/i18n/index.js';
import { LEVELS, schemas } from '../forms.js';

const t = messages('vi').cli.forms.problem;
const spec = (kind: FormKind) => formSpec(kind, schemas, LEVELS);

/** Paragraphs numbered from 1: a string is free text; an object gives segments or a cell. */
type P = string | { segments?: Para['segments']; cell?: Para['cell']; text?: string };
function docOf(ps: P[], controls: [string, number][] = [], properties: Record<string, string> = {}): WordDocument {
  const paras = ps.map((p, i): Para => {
    if (typeof p === 'string') return { n: i + 1, segments: p ? [{ text: p }] : [] };
    const segments = p.segments ?? (p.text !== undefined ? [{ text: p.text }] : []);
    return p.cell ? { n: i + 1, segments, cell: p.cell } : { n: i + 1, segments };
  });
  return { paras, controls: new Map(controls), properties };
}
const read = (kind: FormKind, ps: P[], controls: [string, number][] = []) => readFields(docOf(ps, controls), spec(kind), { file: 'f.docx', t, levels: LEVELS });
const value = (kind: FormKind, ps: P[], key: string) => read(kind, ps).values.get(key);
const diags = (kind: FormKind, ps: P[], key: string) => {
  const r = read(kind, ps);
  const label = spec(kind).items.find((i) => 'key' in i && i.key === key);
  const name = label && 'label' in label ? label.label : key;
  return r.diagnostics.filter((d) => d.message.includes(name)).map((d) => [d.rule, d.severity, d.line]);
};

describe('identify', () => {
  it('takes the id from the property or an identity line, and tells a conflict', () => {
    expect(identify(docOf([], [], { 'dvk-form': 'register/1' }))).toEqual({ kind: 'register', version: 1 });
    expect(identify(docOf(['Mã phiếu: dvk-form register/1']))).toMatchObject({ kind: 'register' });
    expect(identify(docOf(['x']))).toEqual({ problem: 'not-form' });
    expect(identify(docOf(['Mã phiếu: dvk-form register/1'], [], { 'dvk-form': 'review/1' }))).toEqual({ problem: 'conflict', ids: ['review/1', 'register/1'] });
    expect(identify(docOf(['Mã phiếu: dvk-form register/1'], [], { 'dvk-form': 'register/1' }))).toEqual({ kind: 'register', version: 1 });
  });
});

describe('reading by label', () => {
  it('reads an inline value after its label, cleaned of tabs, dot leaders, underscores and runs of spaces', () => {
    expect(value('register', ['Tên mô hình:\tDân  vận ……… khéo ____ mới'], 'model.name')).toBe('Dân vận khéo mới');
    expect(value('register', ['Tên mô hình: \u00a0 A\u00a0\u00a0B .... C'], 'model.name')).toBe('A B C');
    // An inline field with nothing after its label takes the next paragraph, and only that one.
    expect(value('register', ['Tên mô hình:', '', '……', 'Mô hình A', 'Mô hình B'], 'model.name')).toBe('Mô hình A');
  });

  it('reads a numbered block field to the next label or heading, with or without its number', () => {
    const ps = ['1. Thực trạng, lý do', 'Dòng một', '', 'Dòng hai', '2. Mục tiêu, tiêu chí', 'Mục tiêu A'];
    expect(value('register', ps, 'register.problem')).toBe('Dòng một\nDòng hai');
    expect(value('register', ['Thực trạng, lý do', 'Dòng một'], 'register.problem')).toBe('Dòng một');
    expect(value('register', ['1) Thực trạng, lý do: ngay sau nhãn', 'tiếp'], 'register.problem')).toBe('ngay sau nhãn\ntiếp');
    expect(value('register', ['I. Thực trạng, lý do', 'Dòng một'], 'register.problem')).toBeUndefined();
    // Another number is another field's label.
    expect(value('register', ['3. Thực trạng, lý do', 'Dòng một'], 'register.problem')).toBeUndefined();
    // "Ghi chú: …" inside an answer is text, not field 10's label; the bare label is the label.
    expect(value('register', ['9. Khả năng duy trì, nhân rộng', 'Ghi chú: duy trì lâu dài'], 'register.sustainability')).toBe('Ghi chú: duy trì lâu dài');
    expect(value('register', ['Ghi chú: duy trì lâu dài'], 'model.notes')).toBeUndefined();
    expect(value('register', ['Ghi chú:', 'một dòng'], 'model.notes')).toBe('một dòng');
    expect(value('register', ['10. Ghi chú: một dòng'], 'model.notes')).toBe('một dòng');
  });

  it('stops at the title, the identity line and a heading; passes over guidance and blank lines', () => {
    const s = spec('register');
    const heading = s.items.find((i) => !('key' in i)) as { heading: string };
    expect(value('register', ['1. Thực trạng, lý do', 'A', heading.heading, 'B'], 'register.problem')).toBe('A');
    expect(value('register', ['1. Thực trạng, lý do', 'A', s.title, 'B'], 'register.problem')).toBe('A');
    expect(value('register', ['1. Thực trạng, lý do', 'A', 'Mã phiếu: dvk-form register/1', 'B'], 'register.problem')).toBe('A');
    const problem = s.items.find((i) => 'key' in i && i.key === 'register.problem')!;
    expect(value('register', ['1. Thực trạng, lý do', problem.guidance!, '', 'A'], 'register.problem')).toBe('A');
  });

  it('passes over the field’s own empty control, and stops at another field’s', () => {
    const own = { segments: [{ text: '', key: 'register.problem' }] };
    expect(value('register', ['1. Thực trạng, lý do', own, 'A'], 'register.problem')).toBe('A');
    const other = { segments: [{ text: 'y', key: 'register.goals' }] };
    expect(value('register', ['1. Thực trạng, lý do', { segments: [{ text: ' ', key: 'register.goals' }] }, 'A'], 'register.problem')).toBe('A');
    expect(value('register', ['1. Thực trạng, lý do', other, 'A'], 'register.problem')).toBeUndefined();
  });
});

describe('reading by control', () => {
  it('takes a control’s text over its label, and a table control’s cells by row', () => {
    const ps: P[] = ['Tên mô hình: theo nhãn', { segments: [{ text: 'Tên ' }, { text: 'theo ô', key: 'model.name' }, { text: ' nữa' }] }];
    expect(value('register', ps, 'model.name')).toBe('theo ô');
    const cell = (row: number, index: number, text: string, key = 'register.forces') => ({ segments: [{ text, key }], cell: { table: 1, row, index } });
    const forces = read('register', ['5. Lực lượng tham gia', cell(1, 0, 'Lực lượng'), cell(1, 1, 'Vai trò'), cell(2, 0, 'Hội Phụ nữ'), cell(2, 1, 'chủ trì'), cell(3, 0, 'Đoàn'), cell(3, 0, 'Thanh niên')]);
    expect(forces.values.get('register.forces')).toEqual([{ name: 'Hội Phụ nữ', role: 'chủ trì' }, { name: 'Đoàn Thanh niên' }]);
    expect(forces.lines.get('register.forces')).toBe(2);
    // An empty control falls back to the label, at the label's paragraph.
    const empty = read('register', ['x', 'Tên mô hình: A', { segments: [{ text: ' ', key: 'model.name' }] }], [['model.name', 3]]);
    expect(empty.values.get('model.name')).toBe('A');
    expect(empty.lines.get('model.name')).toBe(2);
  });

  it('gives a control with no text the paragraph of the control, and a field found nowhere line 1', () => {
    const r = read('register', ['x', { segments: [{ text: '', key: 'model.name' }] }], [['model.name', 2]]);
    expect(r.lines.get('model.name')).toBe(2);
    expect(r.diagnostics.filter((d) => d.message.includes('Tên mô hình')).map((d) => [d.rule, d.severity, d.line])).toEqual([['form-field-invalid', 'error', 2]]);
    expect(read('register', []).lines.get('model.name')).toBe(1);
  });
});

describe('values and their diagnostics', () => {
  it('a field found nowhere is missing: an error when the model cannot lack it, else a warning', () => {
    expect(diags('register', [], 'model.name')).toEqual([['form-field-missing', 'error', 1]]);
    expect(diags('register', [], 'register.problem')).toEqual([['form-field-missing', 'warning', 1]]);
    expect(diags('register', [], 'model.notes')).toEqual([['form-field-missing', 'warning', 1]]);
    // Found but empty: only what is required is told.
    expect(diags('register', ['x', '1. Thực trạng, lý do'], 'register.problem')).toEqual([['form-field-empty', 'warning', 2]]);
    expect(diags('register', ['x', '10. Ghi chú'], 'model.notes')).toEqual([]);
  });

  it('reads a year from 2000 to 2100, four digits only', () => {
    for (const [y, ok] of [['2000', 2000], ['2100', 2100], ['2023', 2023], ['1999', undefined], ['2101', undefined], ['12023', undefined], ['20234', undefined], ['năm 2023', undefined]] as const) {
      const r = read('register', [`Năm đăng ký: ${y}`]);
      expect(r.values.get('model.year'), y).toBe(ok);
      expect(r.diagnostics.some((d) => d.rule === 'form-field-invalid' && d.message.includes('Năm đăng ký')), y).toBe(ok === undefined);
    }
  });

  it('reads counts of people and households with their words, and workdays as workdays', () => {
    expect(value('review', ['Số người tham gia: 1.200 người'], 'review.results.participants')).toBe(1200);
    expect(value('review', ['Số người tham gia: 35 lượt người.'], 'review.results.participants')).toBe(35);
    expect(value('review', ['Số người tham gia: 1,5'], 'review.results.participants')).toBeUndefined();
    expect(value('review', ['Số người tham gia: x35 người'], 'review.results.participants')).toBeUndefined();
    expect(value('review', ['Ngày công đã huy động: 200 ngày công'], 'review.results.workdays')).toBe(200);
    expect(value('review', ['Ngày công đã huy động: 200 người'], 'review.results.workdays')).toBeUndefined();
    expect(value('review', ['Số hộ được hỗ trợ, tham gia: 1.200 hộ.'], 'review.results.households')).toBe(1200);
  });

  it('reads other results from their table: the header and empty rows skipped, a row without a name or a number told at its row', () => {
    const cell = (row: number, index: number, text: string) => ({ text, cell: { table: 1, row, index } });
    const ps: P[] = ['Kết quả khác', cell(1, 0, 'Kết quả'), cell(1, 1, 'Số lượng'), cell(1, 2, 'Đơn vị tính'), cell(2, 0, 'Cây xanh'), cell(2, 1, '120'), cell(2, 2, 'cây'), cell(3, 0, 'Đèn'), cell(3, 1, '5'), cell(4, 0, ''), cell(4, 1, ''), cell(5, 0, ''), cell(5, 1, '3'), cell(6, 0, 'Ghế'), cell(6, 1, 'nhiều')];
    const r = read('review', ps);
    expect(r.values.get('review.results.other')).toEqual([{ label: 'Cây xanh', value: 120, unit: 'cây' }, { label: 'Đèn', value: 5 }]);
    expect(r.diagnostics.filter((d) => d.message.includes('Kết quả khác')).map((d) => [d.rule, d.line])).toEqual([
      ['form-field-invalid', 12],
      ['form-field-invalid', 14],
    ]);
    // Written as text instead of in the table.
    expect(diags('review', ['Kết quả khác: trồng 120 cây'], 'review.results.other')).toEqual([['form-field-invalid', 'error', 1]]);
  });

  it('reads forces written as lines when the table is empty, and says when there are none', () => {
    expect(value('register', ['5. Lực lượng tham gia', 'Hội Phụ nữ (chủ trì); Đoàn Thanh niên'], 'register.forces')).toEqual([{ name: 'Hội Phụ nữ', role: 'chủ trì' }, { name: 'Đoàn Thanh niên' }]);
    const cell = (row: number, index: number, text: string) => ({ text, cell: { table: 1, row, index } });
    expect(diags('register', ['5. Lực lượng tham gia', cell(1, 0, 'Lực lượng'), cell(1, 1, 'Vai trò')], 'register.forces')).toEqual([['form-field-empty', 'warning', 2]]);
  });
});
