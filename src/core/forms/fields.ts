// Fillable Word forms (`dvk form register|review`, `dvk import <form>.docx`): the field model.
//
// Design.
// - Fields. The register form asks what domain.md §2 lists and the register step's schema holds
//   (problem, goals, content, area, forces with roles, resources, dates, outputs, sustainability),
//   plus the model's own keys (unit, level, year, name, field, type, the person of an individual
//   exemplar, notes). The review form asks for the review step (date, figures, other results,
//   summary, lessons, replication) of one model. Labels and guidance come from the schemas'
//   Vietnamese titles and descriptions, reworded here only where the schema speaks of YAML.
// - Controls. Each field is a Word content control (`w:sdt`) whose `w:tag` is a stable key,
//   `dvk:register.problem`, and whose `w:alias` is the Vietnamese label. Short fields (a name, a
//   date, an amount, a choice) are inline controls after "Label:"; free text and lists are block
//   controls under a numbered label, one list item per paragraph; forces and other results are
//   tables (name | role; result | figure | unit) inside a block control, one row per item.
//   Money and workdays are fields of their own.
// - Identity. The form names its template and version three ways: a custom document property
//   (`dvk-form` = `register/1`), a locked control tagged `dvk:form`, and the visible line
//   "dvk-form register/1" that holds it. A review form also names its model (`dvk-model`, the
//   control `dvk:review.model` and the line "Mã mô hình: …"). All that is found must agree; a
//   form of another version is refused with the version named, never read field by field.
// - Reading (read.ts). Text is read across split runs, pending insertions (`w:ins`) count and
//   pending deletions (`w:del`) do not; text in a control showing its placeholder is empty. Text
//   belongs to the innermost control with a known tag; controls with other tags are transparent,
//   so renamed titles, foreign controls and controls nested in others do not matter. A field
//   whose control is gone or empty (LibreOffice 7.4 drops every tag on saving, Google Docs drops
//   the controls) is read from its label: the paragraph "Label: value" or "N. Label", then what
//   follows up to the next label, heading or table; a table field takes the next table.
// - On paper. Each inline control's placeholder is a tab with a dot leader to the margin and each
//   block control holds dotted lines, so the printed form has room to write by hand; guidance
//   is short and in italics under the label; no official header, only the title and the unit.
import { normalizeHeader } from '../import.js';
import { resolveRef, type SchemaSet } from '../fmt.js';
import { FIELDS } from '../types.js';

export const FORM_KINDS = ['register', 'review'] as const;
export type FormKind = (typeof FORM_KINDS)[number];

/** The version of each form this dvk writes and reads. Bump it when a label or a tag changes. */
export const FORM_VERSION = 1;

/** How a field's text is read. */
export type FieldKind = 'line' | 'text' | 'list' | 'date' | 'money' | 'count' | 'year' | 'field' | 'type' | 'level' | 'forces' | 'results' | 'id';

/** Where a field stands on the page: after "Label:" on one line, under a numbered label, or as a table. */
export type Layout = 'inline' | 'block' | 'table';

export interface FormField {
  /** The control's tag without `dvk:`: `register.problem`. */
  key: string;
  kind: FieldKind;
  layout: Layout;
  /** Where the value goes in the model file. */
  path: string[];
  label: string;
  /** Short guidance in italics under the label; empty for none. */
  guidance: string;
  /** "2" for "2. Mục tiêu, tiêu chí". */
  number?: string;
  /** Empty is an error (the model cannot be made without it) or a warning (the step is incomplete without it). */
  required?: 'error' | 'warning';
  /** Table headers. */
  columns?: string[];
  /** A start or an end date: "4/2023" is read as the month's first or last day. */
  edge?: 'start' | 'end';
}

/** A heading, or a group of fields under one label ("6. Nguồn lực"), with its guidance. */
export interface FormHeading {
  heading: string;
  guidance?: string;
  /** A section heading (centred capitals) rather than a numbered group label. */
  section?: boolean;
}

export type FormItem = FormField | FormHeading;

export interface FormSpec {
  kind: FormKind;
  version: number;
  title: string;
  /** Guidance under the title. */
  intro: string;
  items: FormItem[];
}

export const isField = (item: FormItem): item is FormField => 'key' in item;

/** The text of the identity line and of the `dvk-form` property: `register/1`. */
export const formId = (kind: string, version: number) => `${kind}/${version}`;
export const FORM_LINE = (kind: string, version: number) => `dvk-form ${formId(kind, version)}`;
/** `register/1` (the property's value) or a text holding `dvk-form register/1` -> its kind and version. */
export function parseFormId(text: string, bare = false): { kind: string; version: number } | undefined {
  const m = (bare ? /^\s*([a-z][a-z-]*)\/(\d+)\s*$/ : /dvk-form\s+([a-z][a-z-]*)\/(\d+)(?!\d)/).exec(text);
  return m ? { kind: m[1]!, version: Number(m[2]) } : undefined;
}

export const FIELD_CHOICES: Record<(typeof FIELDS)[number], string> = {
  'kinh-te': 'Kinh tế',
  'van-hoa-xa-hoi': 'Văn hóa – xã hội',
  'quoc-phong-an-ninh': 'Quốc phòng – an ninh',
  'xay-dung-he-thong-chinh-tri': 'Xây dựng hệ thống chính trị',
};
export const TYPE_CHOICES = { collective: 'Mô hình tập thể', individual: 'Điển hình cá nhân' } as const;

type Json = Record<string, unknown>;
const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);

/** The schema node of a path of the model (`['steps', 'register', 'problem']`), with its title and description. */
function schemaOf(schemas: SchemaSet, path: readonly string[]): { title?: string; description?: string } {
  let file = 'model.schema.json';
  let node: unknown = schemas[file];
  const deref = () => {
    for (let i = 0; i < 5 && isObject(node) && typeof node.$ref === 'string' && !isObject(node.properties); i++) {
      const target = resolveRef(schemas, node.$ref, file);
      if (!target) return;
      node = target.node;
      file = target.file;
    }
  };
  let own: Json = {};
  for (const seg of path) {
    deref();
    node = isObject(node) && isObject(node.properties) ? node.properties[seg] : undefined;
    own = isObject(node) ? node : {};
  }
  const title = typeof own.title === 'string' ? own.title : undefined;
  const description = typeof own.description === 'string' ? own.description : undefined;
  deref();
  const ref = isObject(node) ? node : {};
  return { title: title ?? (ref.title as string | undefined), description: description ?? (ref.description as string | undefined) };
}

type Draft = Omit<FormField, 'label' | 'guidance'> & { label?: string; guidance?: string };

function build(schemas: SchemaSet, items: (Draft | FormHeading)[]): FormItem[] {
  return items.map((item) => {
    if (!('key' in item)) return item;
    const s = schemaOf(schemas, item.path);
    const label = item.label ?? s.title;
    if (!label) throw new Error(`no schema title for ${item.path.join('.')}`);
    return { ...item, label, guidance: item.guidance ?? s.description ?? '' };
  });
}

const DATE_GUIDANCE = 'Ghi ngày/tháng/năm, ví dụ 15/3/2023.';
const MONEY_GUIDANCE = 'Ghi số tiền bằng số, ví dụ 50.000.000 hoặc 50 triệu đồng; ngày công ghi số ngày; mục nào không có thì để trống.';

/** The registration form: the model's own keys, then the register step. */
export function registerSpec(schemas: SchemaSet, levels: readonly { id: string; label?: string }[]): FormSpec {
  const levelNames = levels.map((l) => l.label ?? l.id).join('; ');
  return {
    kind: 'register',
    version: FORM_VERSION,
    title: 'PHIẾU ĐĂNG KÝ MÔ HÌNH, ĐIỂN HÌNH “DÂN VẬN KHÉO”',
    intro: 'Ghi vào chỗ trống sau mỗi mục; mục nào chưa có thì để trống. Mỗi mục tiêu, sản phẩm ghi một dòng. Giữ nguyên các tiêu đề mục để phiếu được đọc tự động.',
    items: build(schemas, [
      { key: 'unit.name', kind: 'line', layout: 'inline', path: ['unit', 'name'], label: 'Đơn vị đăng ký', guidance: '', required: 'error' },
      { heading: 'I. THÔNG TIN CHUNG', section: true },
      { key: 'unit.level', kind: 'level', layout: 'inline', path: ['unit', 'level'], guidance: `Ghi một trong: ${levelNames}.` },
      { key: 'model.year', kind: 'year', layout: 'inline', path: ['year'], guidance: '' },
      { key: 'model.name', kind: 'line', layout: 'inline', path: ['name'], required: 'error' },
      { key: 'model.field', kind: 'field', layout: 'inline', path: ['field'], guidance: `Ghi một trong: ${Object.values(FIELD_CHOICES).join('; ')}.`, required: 'error' },
      { key: 'model.type', kind: 'type', layout: 'inline', path: ['type'], label: 'Loại mô hình', guidance: `Ghi ${TYPE_CHOICES.collective} hoặc ${TYPE_CHOICES.individual}; để trống là mô hình tập thể.` },
      { key: 'person.name', kind: 'line', layout: 'inline', path: ['person', 'name'], label: 'Họ và tên cá nhân', guidance: '' },
      { key: 'person.position', kind: 'line', layout: 'inline', path: ['person', 'position'], label: 'Chức vụ, nơi công tác', guidance: 'Hai dòng trên chỉ ghi với điển hình cá nhân.' },
      { heading: 'II. NỘI DUNG ĐĂNG KÝ', section: true },
      { key: 'register.problem', kind: 'text', layout: 'block', number: '1', path: ['steps', 'register', 'problem'], required: 'warning' },
      { key: 'register.goals', kind: 'list', layout: 'block', number: '2', path: ['steps', 'register', 'goals'], required: 'warning' },
      { key: 'register.content', kind: 'text', layout: 'block', number: '3', path: ['steps', 'register', 'content'], required: 'warning' },
      { key: 'register.area', kind: 'text', layout: 'block', number: '4', path: ['steps', 'register', 'area'], required: 'warning' },
      {
        key: 'register.forces', kind: 'forces', layout: 'table', number: '5', path: ['steps', 'register', 'forces'], required: 'warning',
        guidance: 'Mỗi lực lượng một dòng: tên tổ chức, đoàn thể hoặc nhóm người, và vai trò (chủ trì, phối hợp, tham gia, lãnh đạo…).',
        columns: ['Lực lượng', 'Vai trò'],
      },
      { heading: '6. Nguồn lực', guidance: MONEY_GUIDANCE },
      { key: 'register.resources.funds_vnd', kind: 'money', layout: 'inline', path: ['steps', 'register', 'resources', 'funds_vnd'], label: 'Kinh phí dự kiến (đồng)', guidance: '' },
      { key: 'register.resources.socialized_vnd', kind: 'money', layout: 'inline', path: ['steps', 'register', 'resources', 'socialized_vnd'], label: 'Trong đó xã hội hóa (đồng)', guidance: '' },
      { key: 'register.resources.workdays', kind: 'count', layout: 'inline', path: ['steps', 'register', 'resources', 'workdays'], label: 'Ngày công dự kiến', guidance: '' },
      { key: 'register.resources.facilities', kind: 'text', layout: 'inline', path: ['steps', 'register', 'resources', 'facilities'], label: 'Cơ sở vật chất, phương tiện', guidance: '' },
      { heading: '7. Thời gian', guidance: DATE_GUIDANCE },
      { key: 'register.date', kind: 'date', layout: 'inline', path: ['steps', 'register', 'date'], guidance: '', required: 'warning' },
      { key: 'register.start', kind: 'date', layout: 'inline', path: ['steps', 'register', 'start'], guidance: '', required: 'warning', edge: 'start' },
      { key: 'register.end', kind: 'date', layout: 'inline', path: ['steps', 'register', 'end'], label: 'Ngày kết thúc, đánh giá dự kiến', guidance: '', required: 'warning', edge: 'end' },
      { key: 'register.outputs', kind: 'list', layout: 'block', number: '8', path: ['steps', 'register', 'outputs'], guidance: 'Các sản phẩm, kết quả cụ thể có thể kiểm chứng được, mỗi sản phẩm một dòng.', required: 'warning' },
      { key: 'register.sustainability', kind: 'text', layout: 'block', number: '9', path: ['steps', 'register', 'sustainability'] },
      { key: 'model.notes', kind: 'text', layout: 'block', number: '10', path: ['notes'], guidance: '' },
    ]),
  };
}

/** The review form of one model: the review step. */
export function reviewSpec(schemas: SchemaSet): FormSpec {
  return {
    kind: 'review',
    version: FORM_VERSION,
    title: 'PHIẾU TỔNG KẾT MÔ HÌNH, ĐIỂN HÌNH “DÂN VẬN KHÉO”',
    intro: 'Ghi hoặc sửa nội dung sau mỗi mục; số liệu ghi bằng số. Mỗi bài học ghi một dòng. Giữ nguyên mã mô hình và các tiêu đề mục để phiếu được đọc tự động.',
    items: build(schemas, [
      { key: 'review.model', kind: 'id', layout: 'inline', path: ['id'], label: 'Mã mô hình', guidance: '', required: 'error' },
      { heading: 'I. KẾT QUẢ ĐẠT ĐƯỢC', section: true, guidance: `${DATE_GUIDANCE} Số liệu ghi bằng số; mục nào không có thì để trống.` },
      { key: 'review.date', kind: 'date', layout: 'inline', path: ['steps', 'review', 'date'], guidance: '', required: 'warning' },
      { key: 'review.results.participants', kind: 'count', layout: 'inline', path: ['steps', 'review', 'results', 'participants'], guidance: '' },
      { key: 'review.results.households', kind: 'count', layout: 'inline', path: ['steps', 'review', 'results', 'households'], guidance: '' },
      { key: 'review.results.funds_vnd', kind: 'money', layout: 'inline', path: ['steps', 'review', 'results', 'funds_vnd'], guidance: '' },
      { key: 'review.results.workdays', kind: 'count', layout: 'inline', path: ['steps', 'review', 'results', 'workdays'], label: 'Ngày công đã huy động', guidance: '' },
      {
        key: 'review.results.other', kind: 'results', layout: 'table', path: ['steps', 'review', 'results', 'other'],
        guidance: 'Mỗi kết quả một dòng, ví dụ: Đường được thắp sáng | 3,5 | km.', columns: ['Kết quả', 'Số lượng', 'Đơn vị tính'],
      },
      { heading: 'II. ĐÁNH GIÁ, RÚT KINH NGHIỆM', section: true },
      { key: 'review.summary', kind: 'text', layout: 'block', number: '1', path: ['steps', 'review', 'summary'], required: 'warning' },
      { key: 'review.lessons', kind: 'list', layout: 'block', number: '2', path: ['steps', 'review', 'lessons'], guidance: 'Các bài học kinh nghiệm rút ra, mỗi bài học một dòng.', required: 'warning' },
      { key: 'review.replication', kind: 'text', layout: 'block', number: '3', path: ['steps', 'review', 'replication'] },
    ]),
  };
}

export function formSpec(kind: FormKind, schemas: SchemaSet, levels: readonly { id: string; label?: string }[]): FormSpec {
  return kind === 'register' ? registerSpec(schemas, levels) : reviewSpec(schemas);
}

export const fieldsOf = (spec: FormSpec): FormField[] => spec.items.filter(isField);

/** A label or heading in loose form (case, diacritics, punctuation and a leading number do not count). */
export const loose = (s: string) => normalizeHeader(s);

/** The signature block's texts (not read; they end the last field when reading by labels). */
export const SIGNATURE = {
  left: ['NGƯỜI LẬP PHIẾU', '(Ký, ghi rõ họ tên)'],
  right: ['……, ngày …… tháng …… năm ……', 'THỦ TRƯỞNG ĐƠN VỊ', '(Ký, ghi rõ họ tên, đóng dấu)'],
};
