// Forms, the pure part: the field list, writing (deterministic, one control per field), reading
// back what was filled, and reading it the same after the edits Word, LibreOffice and users
// make; the YAML editing that changes one key only.
import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { fieldsOf, FORM_VERSION, formSpec, loose, parseFormId, type FormKind } from '../../src/core/forms/fields.js';
import { readDocx, type WordDocument } from '../../src/core/forms/docx.js';
import { changedKeys, registerModel, reviewStep, valuesOf } from '../../src/core/forms/model.js';
import { identify, readFields, type FieldValue, type FormRead } from '../../src/core/forms/read.js';
import { setIn } from '../../src/core/forms/splice.js';
import { plainData } from '../../src/core/fmt.js';
import { messages } from '../../src/i18n/index.js';
import { editPart, filledForm, LEVELS, REGISTERED, REGISTRATION, REVIEW, REVIEWED, schemas } from '../forms.js';

const t = messages('vi').cli.forms.problem;
const spec = (kind: FormKind) => formSpec(kind, schemas, LEVELS);
const keys = new Set(['form', ...fieldsOf(spec('register')).map((f) => f.key), ...fieldsOf(spec('review')).map((f) => f.key)]);

function open(bytes: Uint8Array): WordDocument {
  const doc = readDocx(bytes, (k) => keys.has(k));
  if ('problem' in doc) throw new Error(doc.problem);
  return doc;
}

/** A registration form's bytes -> the model it gives and every diagnostic. */
function register(bytes: Uint8Array) {
  const doc = open(bytes);
  const read = readFields(doc, spec('register'), { file: 'f.docx', t, levels: LEVELS });
  const result = registerModel(read, { file: 'f.docx', t, levels: LEVELS, knownUnits: new Map() });
  return { model: result.model, diagnostics: [...read.diagnostics, ...result.diagnostics] };
}

function review(bytes: Uint8Array) {
  const doc = open(bytes);
  const read = readFields(doc, spec('review'), { file: 'f.docx', t, levels: LEVELS });
  const result = reviewStep(read, { file: 'f.docx', t });
  return { ...result, diagnostics: [...read.diagnostics, ...result.diagnostics] };
}

const REGISTRATION_FORM = filledForm('register', REGISTRATION);
const document = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)['word/document.xml']!);

describe('the field list', () => {
  it('has the labels of version 1: changing a label or a key needs a new FORM_VERSION (old forms are read by them)', () => {
    expect(FORM_VERSION).toBe(1);
    expect(fieldsOf(spec('register')).map((f) => `${f.key}=${f.label}`)).toEqual([
      'unit.name=Đơn vị đăng ký', 'unit.level=Cấp của đơn vị', 'model.year=Năm đăng ký', 'model.name=Tên mô hình', 'model.field=Lĩnh vực',
      'model.type=Loại mô hình', 'person.name=Họ và tên cá nhân', 'person.position=Chức vụ, nơi công tác', 'register.problem=Thực trạng, lý do',
      'register.goals=Mục tiêu, tiêu chí', 'register.content=Nội dung, cách thức thực hiện', 'register.area=Địa bàn, đối tượng',
      'register.forces=Lực lượng tham gia', 'register.resources.funds_vnd=Kinh phí dự kiến (đồng)', 'register.resources.socialized_vnd=Trong đó xã hội hóa (đồng)',
      'register.resources.workdays=Ngày công dự kiến', 'register.resources.facilities=Cơ sở vật chất, phương tiện', 'register.date=Ngày đăng ký',
      'register.start=Ngày bắt đầu', 'register.end=Ngày kết thúc, đánh giá dự kiến', 'register.outputs=Sản phẩm đầu ra',
      'register.sustainability=Khả năng duy trì, nhân rộng', 'model.notes=Ghi chú',
    ]);
    expect(fieldsOf(spec('review')).map((f) => `${f.key}=${f.label}`)).toEqual([
      'review.model=Mã mô hình', 'review.date=Ngày tổng kết', 'review.results.participants=Số người tham gia',
      'review.results.households=Số hộ được hỗ trợ, tham gia', 'review.results.funds_vnd=Kinh phí huy động (đồng)',
      'review.results.workdays=Ngày công đã huy động', 'review.results.other=Kết quả khác', 'review.summary=Đánh giá chung',
      'review.lessons=Bài học kinh nghiệm', 'review.replication=Nhân rộng',
    ]);
  });

  it('reads, lays out and requires each field as version 1 does (what a filled form of version 1 gives depends on it)', () => {
    const table = (kind: FormKind) => fieldsOf(spec(kind)).map((f) => [f.key, f.kind, f.layout, f.number ?? '', f.required ?? '', f.edge ?? '', ...(f.columns ?? [])].join(' ').trim());
    expect(table('register')).toEqual([
      'unit.name line inline  error', 'unit.level level inline', 'model.year year inline', 'model.name line inline  error',
      'model.field field inline  error', 'model.type type inline', 'person.name line inline', 'person.position line inline',
      'register.problem text block 1 warning', 'register.goals list block 2 warning', 'register.content text block 3 warning',
      'register.area text block 4 warning', 'register.forces forces table 5 warning  Lực lượng Vai trò',
      'register.resources.funds_vnd money inline', 'register.resources.socialized_vnd money inline', 'register.resources.workdays count inline',
      'register.resources.facilities text inline', 'register.date date inline  warning', 'register.start date inline  warning start',
      'register.end date inline  warning end', 'register.outputs list block 8 warning', 'register.sustainability text block 9', 'model.notes text block 10',
    ]);
    expect(table('review')).toEqual([
      'review.model id inline  error', 'review.date date inline  warning', 'review.results.participants count inline',
      'review.results.households count inline', 'review.results.funds_vnd money inline', 'review.results.workdays count inline',
      'review.results.other results table    Kết quả Số lượng Đơn vị tính', 'review.summary text block 1 warning',
      'review.lessons list block 2 warning', 'review.replication text block 3',
    ]);
  });

  it('prints the headings, and guidance from the schemas, the configured levels and the choices', () => {
    const headings = (kind: FormKind) => spec(kind).items.filter((i) => !('key' in i));
    expect(headings('register')).toEqual([
      { heading: 'I. THÔNG TIN CHUNG', section: true },
      { heading: 'II. NỘI DUNG ĐĂNG KÝ', section: true },
      { heading: '6. Nguồn lực', guidance: 'Ghi số tiền bằng số, ví dụ 50.000.000 hoặc 50 triệu đồng; ngày công ghi số ngày; mục nào không có thì để trống.' },
      { heading: '7. Thời gian', guidance: 'Ghi ngày/tháng/năm, ví dụ 15/3/2023.' },
    ]);
    expect(headings('review')).toEqual([
      { heading: 'I. KẾT QUẢ ĐẠT ĐƯỢC', section: true, guidance: 'Ghi ngày/tháng/năm, ví dụ 15/3/2023. Số liệu ghi bằng số; mục nào không có thì để trống.' },
      { heading: 'II. ĐÁNH GIÁ, RÚT KINH NGHIỆM', section: true },
    ]);
    const guidance = (kind: FormKind, key: string) => fieldsOf(spec(kind)).find((f) => f.key === key)!.guidance;
    expect(guidance('register', 'unit.level')).toBe('Ghi một trong: Cấp xã; Cấp huyện; Cấp tỉnh; Trung ương.');
    expect(fieldsOf(formSpec('register', schemas, [{ id: 'xa' }, { id: 'tinh', label: 'Tỉnh' }])).find((f) => f.key === 'unit.level')!.guidance).toBe('Ghi một trong: xa; Tỉnh.');
    expect(guidance('register', 'model.field')).toBe('Ghi một trong: Kinh tế; Văn hóa – xã hội; Quốc phòng – an ninh; Xây dựng hệ thống chính trị.');
    expect(guidance('register', 'model.type')).toBe('Ghi Mô hình tập thể hoặc Điển hình cá nhân; để trống là mô hình tập thể.');
    // From the schemas: the description of the key, or of what its $ref names.
    expect(guidance('register', 'model.name')).toBe('Tên đầy đủ của mô hình hoặc điển hình, ví dụ Dân vận khéo trong thu gom, phân loại rác thải tại nguồn.');
    expect(guidance('register', 'register.problem')).toBe('Thực trạng ở địa phương, đơn vị và lý do xây dựng mô hình.');
    expect(guidance('review', 'review.summary')).toBe('Đánh giá chung hiệu quả của mô hình.');
    expect(guidance('register', 'unit.name')).toBe('');
    expect(spec('register').title).toBe('PHIẾU ĐĂNG KÝ MÔ HÌNH, ĐIỂN HÌNH “DÂN VẬN KHÉO”');
    expect(spec('review').title).toBe('PHIẾU TỔNG KẾT MÔ HÌNH, ĐIỂN HÌNH “DÂN VẬN KHÉO”');
    expect(spec('review')).toMatchObject({ kind: 'review', version: 1 });
  });

  it('reads a form id from the property (bare) and from the identity line, whole numbers only', () => {
    expect(parseFormId(' register/12 ', true)).toEqual({ kind: 'register', version: 12 });
    expect(parseFormId('register/1x', true)).toBeUndefined();
    expect(parseFormId('x register/1', true)).toBeUndefined();
    expect(parseFormId('Mẫu dvk-form  review/10 (bản in)')).toEqual({ kind: 'review', version: 10 });
    expect(parseFormId('dvk-formregister/1')).toBeUndefined();
  });

  it('refuses to build a form from schemas that give a field no title', () => {
    expect(() => formSpec('register', {}, LEVELS)).toThrow('no schema title for unit.level');
  });

  it('labels are distinct in loose form and never contain a colon, so each can anchor its field', () => {
    for (const kind of ['register', 'review'] as const) {
      const labels = fieldsOf(spec(kind)).map((f) => f.label);
      expect(new Set(labels.map(loose)).size, kind).toBe(labels.length);
      for (const l of labels) expect(l).not.toContain(':');
    }
  });

  it('covers every key of the register and review steps in the schemas', () => {
    const paths = (kind: FormKind) => new Set(fieldsOf(spec(kind)).map((f) => f.path.join('.')));
    const draft = (step: string) => (schemas[`steps/${step}.schema.json`] as { $defs: { draft: { properties: Record<string, unknown> } } }).$defs.draft.properties;
    for (const key of Object.keys(draft('register'))) {
      const covered = [...paths('register')].some((p) => p === `steps.register.${key}` || p.startsWith(`steps.register.${key}.`));
      expect(covered, key).toBe(true);
    }
    for (const key of Object.keys(draft('review'))) {
      expect([...paths('review')].some((p) => p === `steps.review.${key}` || p.startsWith(`steps.review.${key}.`)), key).toBe(true);
    }
  });
});

describe('writing a form', () => {
  it('gives the same bytes for the same input', () => {
    expect(Buffer.compare(Buffer.from(filledForm('register', REGISTRATION)), Buffer.from(REGISTRATION_FORM))).toBe(0);
  });

  it('holds one content control per field, tagged dvk:<key>, titled with the label, and names its template', () => {
    const xml = document(filledForm('register', {}));
    for (const f of fieldsOf(spec('register'))) {
      expect(xml, f.key).toContain(`<w:alias w:val="${f.label}"/><w:tag w:val="dvk:${f.key}"/>`);
    }
    expect(xml).toContain('<w:tag w:val="dvk:form"/>');
    expect(xml).toContain('dvk-form register/1');
    const custom = strFromU8(unzipSync(filledForm('review', {}, 'DT-2023-QS-01'))['docProps/custom.xml']!);
    expect(custom).toContain('name="dvk-form"><vt:lpwstr>review/1</vt:lpwstr>');
    expect(custom).toContain('name="dvk-model"><vt:lpwstr>DT-2023-QS-01</vt:lpwstr>');
  });

  it('escapes what the values hold', () => {
    const xml = document(filledForm('register', { 'model.name': 'A & B <c> "d"\u0001' }));
    expect(xml).toContain('A &amp; B &lt;c&gt; &quot;d&quot;</w:t>');
    expect(register(filledForm('register', { ...REGISTRATION, 'model.name': 'A & B <c> "d"' })).model?.name).toBe('A & B <c> "d"');
  });
});

describe('reading a filled form', () => {
  it('gives the model the unit meant, with no diagnostic', () => {
    const { model, diagnostics } = register(REGISTRATION_FORM);
    expect(diagnostics).toEqual([]);
    expect(model).toEqual(REGISTERED);
  });

  it('reads a review form: figures, other results, lists', () => {
    const result = review(filledForm('review', REVIEW, 'DT-2023-QS-01'));
    expect(result.diagnostics).toEqual([]);
    expect(result.id).toBe('DT-2023-QS-01');
    expect(result.review).toEqual(REVIEWED);
  });

  it('a blank form: a located warning for each empty field the step needs, an error for what the model cannot lack', () => {
    const { model, diagnostics } = register(filledForm('register', {}));
    expect(model).toBeUndefined();
    const errors = diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);
    expect(errors).toEqual([
      'Mục "Đơn vị đăng ký" để trống nên không tạo được tệp mô hình.',
      'Mục "Tên mô hình" để trống nên không tạo được tệp mô hình.',
      'Mục "Lĩnh vực" để trống nên không tạo được tệp mô hình.',
      'Không xác định được năm đăng ký: phiếu không ghi năm, ngày đăng ký hay ngày bắt đầu.',
    ]);
    const warned = diagnostics.filter((d) => d.severity === 'warning').map((d) => /"([^"]+)"/.exec(d.message)?.[1]);
    expect(warned).toEqual(['Thực trạng, lý do', 'Mục tiêu, tiêu chí', 'Nội dung, cách thức thực hiện', 'Địa bàn, đối tượng', 'Lực lượng tham gia', 'Ngày đăng ký', 'Ngày bắt đầu', 'Ngày kết thúc, đánh giá dự kiến', 'Sản phẩm đầu ra', 'Cấp của đơn vị']);
    // Each at its own paragraph, in the order of the form.
    const lines = diagnostics.filter((d) => d.severity === 'warning' && d.message !== t.levelDefault('Cấp xã').message).map((d) => d.line);
    expect(lines).toHaveLength(9);
    expect(lines.every((n, i) => n > 1 && (i === 0 || n > lines[i - 1]!))).toBe(true);
  });

  it('reports what cannot be read, by field, at its paragraph', () => {
    const { model, diagnostics } = register(filledForm('register', { ...REGISTRATION, 'register.start': '31/4/2023', 'register.resources.funds_vnd': 'chưa rõ', 'model.field': 'Thể thao' }));
    expect(model).toBeUndefined();
    const shown = diagnostics.map((d) => `${d.severity} ${d.rule} ${d.message}`);
    expect(shown).toEqual([
      'error form-field-invalid Mục "Lĩnh vực": "Thể thao" không phải một lựa chọn của mục này.',
      'error form-field-invalid Mục "Kinh phí dự kiến (đồng)": không đọc được số tiền "chưa rõ".',
      'error form-field-invalid Mục "Ngày bắt đầu": "31/4/2023" không phải ngày có thật hoặc không đọc được.',
    ]);
    const xml = document(filledForm('register', REGISTRATION));
    // The line is the paragraph number: the start date's paragraph holds its label.
    const paragraphs = xml.split('<w:p>').slice(1);
    expect(paragraphs[diagnostics[2]!.line - 1]).toContain('Ngày bắt đầu: ');
  });

  it('checks the order of the dates', () => {
    const { diagnostics } = register(filledForm('register', { ...REGISTRATION, 'register.end': '01/3/2023' }));
    expect(diagnostics.map((d) => d.message)).toContain('Ngày kết thúc 2023-03-01 sớm hơn ngày bắt đầu 2023-04-01.');
  });
});

describe('reading what Word, LibreOffice and users do to a form', () => {
  it('text split into one run per character', () => {
    const split = editPart(REGISTRATION_FORM, (xml) =>
      xml.replace(/<w:r>((?:<w:rPr>.*?<\/w:rPr>)?)<w:t xml:space="preserve">([^<]*)<\/w:t><\/w:r>/g, (_, pr: string, text: string) =>
        [...text.replace(/&[a-z]+;/g, '\u0000$&\u0000').split('\u0000')].flatMap((part) => (part.startsWith('&') ? [part] : [...part])).map((c) => `<w:r>${pr}<w:t xml:space="preserve">${c}</w:t></w:r>`).join(''),
      ),
    );
    expect(document(split).length).toBeGreaterThan(document(REGISTRATION_FORM).length * 3);
    expect(register(split).model).toEqual(REGISTERED);
  });

  it('tracked changes: a pending insertion counts, a pending deletion does not, a deleted paragraph mark joins two paragraphs', () => {
    const edited = editPart(REGISTRATION_FORM, (xml) =>
      xml
        .replace('<w:t xml:space="preserve">Tổ dân phố Bến, phường Hòa Mạc; 86 hộ có đất liền ngõ</w:t></w:r>', '<w:t xml:space="preserve">Tổ dân phố Bến, phường Hòa Mạc; </w:t></w:r><w:del w:id="1" w:author="A" w:date="2023-03-01T00:00:00Z"><w:r><w:delText>80 hộ</w:delText></w:r></w:del><w:ins w:id="2" w:author="A" w:date="2023-03-01T00:00:00Z"><w:r><w:t>86 hộ</w:t></w:r></w:ins><w:r><w:t xml:space="preserve"> có đất liền ngõ</w:t></w:r>')
        .replace('<w:p><w:r><w:t xml:space="preserve">Nhiều ngõ xóm', '<w:p><w:pPr><w:rPr><w:del w:id="3" w:author="A" w:date="2023-03-01T00:00:00Z"/></w:rPr></w:pPr><w:r><w:t xml:space="preserve">Nhiều ngõ xóm'),
    );
    const { model } = register(edited);
    expect(model?.steps.register?.area).toBe('Tổ dân phố Bến, phường Hòa Mạc; 86 hộ có đất liền ngõ');
    expect(model?.steps.register?.problem).toBe('Nhiều ngõ xóm chỉ rộng 1,5–2 m, xe cứu thương, xe chữa cháy không vào được.Một số hộ còn e ngại khi hiến đất.');
  });

  it('controls whose titles and tags were renamed: read by their labels', () => {
    const renamed = editPart(REGISTRATION_FORM, (xml) => xml.replace(/<w:alias w:val="[^"]*"\/>/g, '<w:alias w:val="Ô nhập"/>').replace(/<w:tag w:val="dvk:[^"]*"\/>/g, '<w:tag w:val="o-nhap"/>'));
    expect(document(renamed)).not.toContain('dvk:register');
    expect(register(renamed).model).toEqual(REGISTERED);
  });

  it('controls removed, their text kept (as Google Docs or "Remove content control" leave it): read by their labels', () => {
    const bare = editPart(REGISTRATION_FORM, (xml) => xml.replace(/<w:sdt><w:sdtPr>.*?<\/w:sdtPr><w:sdtContent>/g, '').replace(/<\/w:sdtContent><\/w:sdt>/g, ''));
    expect(document(bare)).not.toContain('<w:sdt>');
    expect(register(bare).model).toEqual(REGISTERED);
    // The visible line still names the form when the custom properties are gone too.
    const noProps = editPart(bare, (xml) => xml.replace(/<property .*<\/property>/, ''), 'docProps/custom.xml');
    expect(identify(open(noProps))).toEqual({ kind: 'register', version: 1 });
  });

  it('controls nested in foreign controls, and foreign controls inside ours', () => {
    const nested = editPart(REGISTRATION_FORM, (xml) =>
      xml
        .replace(/<w:sdt><w:sdtPr><w:alias/g, '<w:sdt><w:sdtPr><w:tag w:val="ngoai"/></w:sdtPr><w:sdtContent><w:sdt><w:sdtPr><w:alias')
        .replace(/<\/w:sdtContent><\/w:sdt>/g, '</w:sdtContent></w:sdt></w:sdtContent></w:sdt>')
        .replace('<w:r><w:t xml:space="preserve">Tổ dân phố Bến, phường Hòa Mạc; 86 hộ có đất liền ngõ</w:t></w:r>', '<w:sdt><w:sdtPr><w:tag w:val="trong"/></w:sdtPr><w:sdtContent><w:r><w:t xml:space="preserve">Tổ dân phố Bến, phường Hòa Mạc; 86 hộ có đất liền ngõ</w:t></w:r></w:sdtContent></w:sdt>'),
    );
    expect(register(nested).model).toEqual(REGISTERED);
  });

  it('a field control pasted inside another field control keeps its own text', () => {
    const inner = editPart(filledForm('register', { ...REGISTRATION, 'register.area': undefined as never }), (xml) =>
      xml.replace('<w:p><w:r><w:t xml:space="preserve">Nhiều ngõ xóm', '<w:p><w:sdt><w:sdtPr><w:tag w:val="dvk:register.area"/></w:sdtPr><w:sdtContent><w:r><w:t>Tổ dân phố Bến</w:t></w:r></w:sdtContent></w:sdt><w:r><w:t xml:space="preserve">Nhiều ngõ xóm'),
    );
    const { model } = register(inner);
    expect(model?.steps.register?.area).toBe('Tổ dân phố Bến');
    expect(model?.steps.register?.problem).toBe(REGISTERED.steps.register.problem);
  });

  it("Strict Open XML's namespace and another prefix read the same", () => {
    const strict = editPart(REGISTRATION_FORM, (xml) => xml.replace('http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main').replace(/(<\/?)w:/g, '$1x:').replace(/ w:/g, ' x:').replace('xmlns:w=', 'xmlns:x='));
    expect(document(strict)).toContain('<x:body>');
    expect(register(strict).model).toEqual(REGISTERED);
  });

  it('text typed beside an empty control, outside it, is read by the label', () => {
    const beside = editPart(filledForm('register', { ...REGISTRATION, 'model.name': undefined as never, 'register.outputs': undefined as never }), (xml) =>
      xml
        .replace(/(<w:tag w:val="dvk:model.name"\/>.*?<\/w:sdt>)/, '$1<w:r><w:t xml:space="preserve"> Dân vận khéo trong hiến đất</w:t></w:r>')
        .replace(/(<w:tag w:val="dvk:register.outputs"\/>.*?<\/w:sdt>)/, '$1<w:p><w:r><w:t>- Ngõ được mở rộng</w:t></w:r></w:p>'),
    );
    const { model } = register(beside);
    expect(model?.name).toBe('Dân vận khéo trong hiến đất');
    expect(model?.steps.register?.outputs).toEqual(['Ngõ được mở rộng']);
  });

  it("a control showing its placeholder (Word's prompt text) is empty", () => {
    const prompt = editPart(filledForm('register', {}), (xml) => xml.replace('<w:tag w:val="dvk:model.name"/><w:lock w:val="sdtLocked"/><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:r><w:tab/></w:r>', '<w:tag w:val="dvk:model.name"/><w:lock w:val="sdtLocked"/><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:r><w:t>Bấm hoặc gõ nhẹ vào đây để nhập văn bản.</w:t></w:r>'));
    expect(document(prompt)).toContain('Bấm hoặc gõ nhẹ');
    expect(register(prompt).diagnostics.map((d) => d.message)).toContain('Mục "Tên mô hình" để trống nên không tạo được tệp mô hình.');
  });

  it('another version of the template is recognised; inconsistent ids and documents that are not forms are told apart', () => {
    const v2 = editPart(editPart(REGISTRATION_FORM, (xml) => xml.replace('register/1', 'register/2'), 'docProps/custom.xml'), (xml) => xml.replace('dvk-form register/1', 'dvk-form register/2'));
    expect(identify(open(v2))).toEqual({ kind: 'register', version: 2 });
    const mixed = editPart(REGISTRATION_FORM, (xml) => xml.replace('register/1', 'review/1'), 'docProps/custom.xml');
    expect(identify(open(mixed))).toEqual({ problem: 'conflict', ids: ['review/1', 'register/1'] });
    const plain = editPart(REGISTRATION_FORM, (xml) => xml.replace('dvk-form register/1', 'mẫu'));
    expect(identify(open(editPart(plain, () => '<Properties xmlns="x"/>', 'docProps/custom.xml')))).toEqual({ problem: 'not-form' });
  });

  it('refuses what is not a Word document', () => {
    expect(readDocx(new TextEncoder().encode('Tên mô hình,Đơn vị\n'), () => true)).toEqual({ problem: 'not-zip' });
    expect(readDocx(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), () => true)).toEqual({ problem: 'old-word' });
    expect(readDocx(editPart(REGISTRATION_FORM, (xml) => xml.replace('</w:body>', '</w:bdy>')), () => true)).toMatchObject({ problem: 'bad-xml' });
  });
});

describe('changing one key of a model file', () => {
  const MODEL = [
    '# yaml-language-server: $schema=../../../schemas/model.schema.json',
    'kind: model',
    'version: 1',
    'id: DT-2023-QS-01',
    'name: Mô hình # tên ngắn',
    'type: collective',
    'field: kinh-te',
    'year: 2023',
    'unit: { name: Ban Chỉ huy Quân sự, code: QS, level: huyen }',
    'steps:',
    '  register:',
    '    date: 2023-06-20 # ngày ký',
    '    resources: { funds_vnd: 40000000, workdays: 300 }',
    '  # bước 2 sẽ ghi sau',
    'evidence:',
    '  - { file: evidence/a.pdf }',
    '',
  ].join('\n');

  it('adds a missing step where the schema orders it, every other line as it was', () => {
    const out = setIn(MODEL, ['steps', 'review'], { date: '2024-02-26', lessons: ['Một', 'Hai'] }, schemas, 'model');
    const added = ['  review:', '    date: 2024-02-26', '    lessons:', '      - Một', '      - Hai'];
    const lines = MODEL.split('\n');
    expect(out.split('\n')).toEqual([...lines.slice(0, 13), ...added, ...lines.slice(13)]);
  });

  it('replaces one value inside a flow map, keeping it a flow map', () => {
    const out = setIn(MODEL, ['steps', 'register', 'resources', 'workdays'], 320, schemas, 'model');
    expect(out).toBe(MODEL.replace('workdays: 300 }', 'workdays: 320 }'));
    expect(setIn(MODEL, ['unit', 'level'], 'xa', schemas, 'model')).toBe(MODEL.replace('level: huyen', 'level: xa'));
  });

  it('removes a key, fills `steps: {}`, keeps CRLF and a BOM', () => {
    expect(setIn(MODEL, ['steps', 'register', 'date'], undefined, schemas, 'model')).toBe(MODEL.replace('    date: 2023-06-20 # ngày ký\n', ''));
    const empty = MODEL.replace(/steps:\n[\s\S]*?evidence:/, 'steps: {}\nevidence:');
    expect(plainData(setIn(empty, ['steps', 'review'], { summary: 'Tốt' }, schemas, 'model'))).toMatchObject({ steps: { review: { summary: 'Tốt' } }, evidence: [{ file: 'evidence/a.pdf' }] });
    const crlf = `\uFEFF${MODEL.replace(/\n/g, '\r\n')}`;
    const out = setIn(crlf, ['name'], 'Tên mới', schemas, 'model');
    expect(out).toBe(crlf.replace('name: Mô hình # tên ngắn', 'name: Tên mới'));
  });

  it('adds a key before the first one, at the end of a file without a final newline, and with the maps it needs', () => {
    // Each file has a key out of the schema's order, which rewriting the whole file would move:
    // the change must be made by editing the lines alone.
    const set = (text: string, path: string[], value: unknown) => setIn(text, path, value, schemas, 'model');
    expect(set('name: B\nid: A\n', ['kind'], 'model')).toBe('kind: model\nname: B\nid: A\n');
    expect(set('name: A\nkind: model', ['year'], 2023)).toBe('name: A\nkind: model\nyear: 2023\n');
    expect(set('kind: model\nname: A\n', ['notes'], undefined)).toBe('kind: model\nname: A\n');
    expect(set('kind: model\nsteps:\n  register:\n    end: 2023-12-01\n    date: 2023-01-01\n', ['steps', 'register', 'resources', 'funds_vnd'], 5)).toBe(
      'kind: model\nsteps:\n  register:\n    end: 2023-12-01\n    date: 2023-01-01\n    resources:\n      funds_vnd: 5\n',
    );
    expect(set('kind: model\nsteps:\n  register:\n    goals:\n      - a\n      - b\nid: X\n', ['steps', 'register', 'goals'], ['c'])).toBe('kind: model\nsteps:\n  register:\n    goals:\n      - c\nid: X\n');
    expect(set('kind: model\nunit:\n    name: X\n    level: xa\n', ['unit', 'code'], 'Q')).toBe('kind: model\nunit:\n    name: X\n    code: Q\n    level: xa\n');
    expect(set('kind: model\nsteps: nothing\n', ['steps', 'review'], { summary: 'x' })).toBe('kind: model\nsteps:\n  review:\n    summary: x\n');
  });

  it('edits the lines alone in a file out of canonical order, which rewriting it whole would reorder (mutation testing)', () => {
    const set = (text: string, path: string[], value: unknown) => setIn(text, path, value, schemas, 'model');
    expect(set('name: A\nkind: model\nnotes: x\n', ['notes'], undefined)).toBe('name: A\nkind: model\n');
    expect(set('name: A\nkind: model\n', ['steps', 'review', 'date'], undefined)).toBe('name: A\nkind: model\n');
    expect(set('name: A\nkind: model\nunit: { name: X, level: xa }\n', ['unit', 'code'], 'Q')).toBe('name: A\nkind: model\nunit: { name: X, code: Q, level: xa }\n');
    // Keys the schema does not know go after the others, in the order they come.
    expect(set('name: A\nkind: model\nzz: 1\n', ['yy'], 2)).toBe('name: A\nkind: model\nzz: 1\nyy: 2\n');
    // Before the first key, after the comment above it.
    expect(set('# c\nname: B\nid: A\n', ['kind'], 'model')).toBe('# c\nkind: model\nname: B\nid: A\n');
    // After a key with no value.
    expect(set('kind:\nname: A\n', ['version'], 1)).toBe('kind:\nversion: 1\nname: A\n');
  });

  it('refuses a change it cannot make alone: a value an alias repeats, a file that is not a map', () => {
    expect(() => setIn('kind: model\nunit: &u\n  name: X\n  level: xa\nother: *u\n', ['unit', 'level'], 'tinh', schemas, 'model')).toThrow('cannot set unit.level without changing other data');
    expect(() => setIn('- a\n', ['x'], 1, schemas, 'model')).toThrow('not a block map');
  });

  it('names the deepest keys that differ', () => {
    const a = { steps: { review: { date: '2024-01-01', results: { participants: 1, households: 2 }, lessons: ['a'] } } };
    const b = { steps: { review: { date: '2024-01-01', results: { participants: 3, households: 2, workdays: 4 }, lessons: ['a', 'b'] } } };
    expect(changedKeys(a, b, 'review')).toEqual([
      ['steps', 'review', 'results', 'participants'],
      ['steps', 'review', 'results', 'workdays'],
      ['steps', 'review', 'lessons'],
    ]);
  });
});

describe('from the values read to model data', () => {
  const readOf = (kind: FormKind, values: Record<string, FieldValue>, lines: Record<string, number> = {}): FormRead => ({
    kind, spec: spec(kind), values: new Map(Object.entries(values)), lines: new Map(Object.entries(lines)), diagnostics: [],
  });
  const base = { 'unit.name': 'Xã An', 'model.name': 'Mô hình', 'model.field': 'kinh-te' };
  const ctx = (over: Partial<Parameters<typeof registerModel>[1]> = {}) => ({ file: 'f.docx', t, levels: LEVELS, knownUnits: new Map(), ...over });
  const said = (ds: { line: number; severity: string; rule: string; message: string }[]) => ds.map((d) => [d.line, d.severity, d.rule, d.message]);

  it('takes the level, the code and the year from what the workspace and the dates know, saying when it picks a level', () => {
    const known = registerModel(readOf('register', { ...base, 'register.start': '2024-04-01' }), ctx({ knownUnits: new Map([['xa-an', { code: 'AN', level: 'huyen' }]]) }));
    expect(known.diagnostics).toEqual([]);
    expect(known.model).toMatchObject({ year: 2024, type: 'collective', unit: { name: 'Xã An', code: 'AN', level: 'huyen' } });
    const guessed = registerModel(readOf('register', base, { 'unit.level': 7 }), ctx({ year: 2025 }));
    expect(guessed.model).toMatchObject({ year: 2025, unit: { level: 'xa' } });
    expect(said(guessed.diagnostics)).toEqual([[7, 'warning', 'form-field-empty', 'Mục "Cấp của đơn vị" để trống; dvk dùng cấp xã.']]);
    const noYear = registerModel(readOf('register', { ...base, 'unit.level': 'tinh' }, { 'model.year': 3 }), ctx());
    expect(noYear.model).toBeUndefined();
    expect(said(noYear.diagnostics)).toEqual([[3, 'error', 'form-field-empty', t.noYear.message]]);
  });

  it('refuses dates out of order, at the later field', () => {
    const r = registerModel(readOf('register', { ...base, 'register.date': '2023-05-01', 'register.start': '2023-04-01', 'register.end': '2023-03-01' }, { 'register.start': 20, 'register.end': 21 }), ctx());
    expect(r.model).toBeUndefined();
    expect(said(r.diagnostics).map((d) => d.slice(0, 3))).toEqual([[20, 'error', 'form-date-order'], [21, 'error', 'form-date-order'], [1, 'warning', 'form-field-empty']]);
  });

  it('splits one amount field that names both sums, and keeps the person only for an individual', () => {
    const both = { funds_vnd: 50_000_000, socialized_vnd: 30_000_000 };
    const r = registerModel(readOf('register', { ...base, 'unit.level': 'xa', 'model.year': 2023, 'register.resources.funds_vnd': both, 'person.name': 'Nguyễn Văn A', 'model.notes': 'Ghi chú' }), ctx());
    expect(r.model?.steps.register?.resources).toEqual(both);
    expect(r.model?.person).toBeUndefined();
    expect(r.model?.notes).toBe('Ghi chú');
    const own = registerModel(readOf('register', { ...base, 'unit.level': 'xa', 'model.year': 2023, 'register.resources.socialized_vnd': { funds_vnd: 20_000_000 }, 'model.type': 'individual', 'person.name': 'Nguyễn Văn A' }), ctx());
    expect(own.model?.steps.register?.resources).toEqual({ socialized_vnd: 20_000_000 });
    expect(own.model?.person).toEqual({ name: 'Nguyễn Văn A' });
  });

  it('makes no model without a unit, a name or a field, or when reading found an error; the same day is in order', () => {
    const full = { ...base, 'unit.level': 'xa', 'model.year': 2023 };
    for (const key of ['unit.name', 'model.name', 'model.field'] as const) {
      const rest: Record<string, FieldValue> = { ...full };
      delete rest[key];
      expect(registerModel(readOf('register', rest), ctx()).model, key).toBeUndefined();
    }
    const read = readOf('register', full);
    read.diagnostics.push({ file: 'f.docx', line: 4, column: 1, severity: 'error', rule: 'form-field-invalid', message: 'x' } as never);
    expect(registerModel(read, ctx()).model).toBeUndefined();
    const sameDay = registerModel(readOf('register', { ...full, 'register.date': '2023-04-01', 'register.start': '2023-04-01', 'register.end': '2023-04-01' }), ctx());
    expect(sameDay.diagnostics).toEqual([]);
    expect(sameDay.model?.steps.register).toMatchObject({ date: '2023-04-01', start: '2023-04-01', end: '2023-04-01' });
  });

  it('takes the socialised sum from its own field over the one the amount names, and no person an individual form leaves out', () => {
    const r = registerModel(readOf('register', { ...base, 'unit.level': 'xa', 'model.year': 2023, 'register.resources.funds_vnd': { funds_vnd: 50_000_000, socialized_vnd: 30_000_000 }, 'register.resources.socialized_vnd': 20_000_000, 'model.type': 'individual' }), ctx());
    expect(r.model?.steps.register?.resources).toEqual({ funds_vnd: 50_000_000, socialized_vnd: 20_000_000 });
    expect(r.model?.type).toBe('individual');
    expect(r.model?.person).toBeUndefined();
  });

  it('warns about a review form without figures, at the first figure', () => {
    expect(said(reviewStep(readOf('review', { 'review.model': 'A-01' }, { 'review.results.participants': 9 }), { file: 'f.docx', t }).diagnostics)).toEqual([[9, 'warning', 'form-field-empty', t.noFigures.message]]);
    const figures = reviewStep(readOf('review', { 'review.model': 'A-01', 'review.results.households': 4 }), { file: 'f.docx', t });
    expect(figures).toEqual({ id: 'A-01', review: { results: { households: 4 } }, diagnostics: [] });
  });

  it('pre-fills a form with what the model says: text, numbers and non-empty lists', () => {
    const values = valuesOf(spec('register'), { name: 'Mô hình', year: 2023, unit: { name: 'Xã An', level: null }, steps: { register: { goals: [], outputs: ['Một'] } } });
    expect([...values]).toEqual([['unit.name', 'Xã An'], ['model.year', 2023], ['model.name', 'Mô hình'], ['register.outputs', ['Một']]]);
  });

  it('names a changed register key, a removed one, and a map emptied as a whole', () => {
    const a = { name: 'A', unit: { name: 'X', level: 'xa' }, steps: { register: { date: '2023-01-01', resources: { funds_vnd: 1 } } }, id: 'K' };
    const b = { name: 'B', unit: { name: 'X' }, steps: { register: { date: '2023-01-01', resources: {} } }, id: 'L' };
    expect(changedKeys(a, b, 'register')).toEqual([['name'], ['unit', 'level'], ['steps', 'register', 'resources']]);
  });
});
