// Vietnamese message catalogue (the default). Every user-facing text of dvk comes from here or
// from en.ts, which must have the same shape (checked by the type `Messages`).
import { formatNumber, list } from './format.js';
import type { ValueType } from '../core/load.js';
import { STEPS, type Path, type StepName } from '../core/types.js';
import { text } from '../core/rules/shape.js';

export interface Msg {
  message: string;
  hint?: string;
}

const n = (x: number | string) => formatNumber(x, 'vi');
const l = (xs: readonly string[], quote = true) => list(xs, 'vi', quote);
const q = (x: unknown) => `"${text(x)}"`;
/** A number of a YAML file as the file writes it (8.5, 1200): messages about the file quote it so. */
const yamlNumber = (x: number) => String(x);
/** A value as written: text in quotes, numbers and the like bare. */
const shown = (x: unknown) => (typeof x === 'string' ? q(x) : text(x));
const at = (where: string) => (where ? ` ở ${where}` : ' ở gốc tệp');
const dotted = (path: Path) => path.map((s) => (typeof s === 'number' ? `[${s}]` : s)).join('.').replace(/\.\[/g, '[');

const TYPES: Record<string, string> = {
  null: 'giá trị rỗng',
  boolean: 'giá trị đúng/sai (true/false)',
  integer: 'số nguyên',
  number: 'số',
  string: 'văn bản',
  array: 'danh sách',
  object: 'nhóm khóa: giá trị',
};

const STEP_NAMES: Record<StepName, string> = {
  register: 'bước 1 (xây dựng mô hình và đăng ký thực hiện)',
  implement: 'bước 2 (tổ chức thực hiện)',
  inspect: 'bước 3 (kiểm tra hoạt động)',
  review: 'bước 4 (tổng kết, đánh giá, rút kinh nghiệm)',
};

const FIELD_LABELS: Record<string, string> = {
  'kinh-te': 'Kinh tế',
  'van-hoa-xa-hoi': 'Văn hóa – xã hội',
  'quoc-phong-an-ninh': 'Quốc phòng – an ninh',
  'xay-dung-he-thong-chinh-tri': 'Xây dựng hệ thống chính trị',
};

const AGGREGATIONS: Record<string, string> = {
  mean: 'trung bình cộng',
  median: 'trung vị',
  'trimmed-mean': 'trung bình sau khi bỏ một điểm cao nhất và một điểm thấp nhất',
};

/** "theo điều kiện “Thời gian thực hiện tối thiểu 6 tháng”", for a gate with a title. */
const condition = (title: string | undefined) => (title ? ` theo điều kiện “${title}”` : '');

/** 2023-07-01 -> 01/07/2023. */
const date = (iso: string) => iso.split('-').reverse().join('/');

const FILE_ERROR_WORDS: Record<string, string> = {
  EISDIR: 'đây là một thư mục',
  ENOTDIR: 'một phần của đường dẫn không phải thư mục',
  ENOENT: 'không có tệp hoặc thư mục này',
  EACCES: 'không có quyền',
  EPERM: 'không được phép',
  EROFS: 'ổ đĩa chỉ đọc',
  ENOSPC: 'ổ đĩa hết chỗ trống',
  EEXIST: 'tệp đã có',
  ENAMETOOLONG: 'đường dẫn quá dài',
  EBUSY: 'tệp đang được chương trình khác dùng',
  ENOTREG: 'đây không phải tệp thường (thiết bị, FIFO hoặc socket)',
};

const YAML_ERRORS: Record<string, Msg> = {
  BAD_INDENT: { message: 'Thụt lề không đúng.', hint: 'Các khóa cùng cấp phải thẳng cột; mỗi cấp lùi vào 2 dấu cách.' },
  TAB_AS_INDENT: { message: 'Thụt lề bằng ký tự Tab (YAML không cho phép).', hint: 'YAML chỉ cho phép thụt lề bằng dấu cách; thay Tab bằng 2 dấu cách.' },
  MISSING_CHAR: { message: 'Thiếu ký tự đóng (dấu nháy, ngoặc vuông hoặc ngoặc nhọn).', hint: 'Kiểm tra các dấu nháy và dấu ngoặc đã được đóng đủ.' },
  MULTILINE_IMPLICIT_KEY: { message: 'Khóa kéo dài nhiều dòng hoặc thiếu dấu hai chấm sau khóa.', hint: 'Viết "khóa: giá trị" trên cùng một dòng; văn bản dài thì dùng ">-" rồi xuống dòng.' },
  BLOCK_AS_IMPLICIT_KEY: { message: 'Thiếu dấu hai chấm hoặc thụt lề sai khiến một khối bị hiểu là khóa.', hint: 'Kiểm tra dấu hai chấm sau khóa và thụt lề của dòng trên.' },
  UNEXPECTED_TOKEN: { message: 'Ký tự không hợp lệ ở vị trí này.', hint: 'Văn bản có dấu hai chấm, dấu # hoặc bắt đầu bằng ký tự đặc biệt thì đặt trong dấu nháy kép.' },
  BAD_SCALAR_START: { message: 'Giá trị bắt đầu bằng ký tự đặc biệt.', hint: 'Đặt giá trị trong dấu nháy kép.' },
  BAD_DQ_ESCAPE: { message: 'Ký tự thoát không hợp lệ trong chuỗi đặt trong nháy kép.', hint: 'Viết \\\\ cho dấu gạch chéo ngược, hoặc dùng nháy đơn.' },
  DUPLICATE_KEY: { message: 'Khóa bị lặp lại trong cùng một nhóm.', hint: 'Mỗi khóa chỉ được xuất hiện một lần; gộp hai mục hoặc xóa một mục.' },
  MULTIPLE_DOCS: { message: 'Tệp chứa nhiều tài liệu YAML (ngăn cách bởi ---).', hint: 'Mỗi tệp chỉ chứa một mô hình, phiếu chấm hoặc bộ tiêu chí; tách thành nhiều tệp.' },
  TAG_RESOLVE_FAILED: { message: 'Thẻ kiểu (tag) không được hỗ trợ.', hint: 'Bỏ thẻ bắt đầu bằng "!"; nếu là văn bản thì đặt trong dấu nháy kép.' },
  KEY_OVER_1024_CHARS: { message: 'Khóa dài quá 1024 ký tự.', hint: 'Kiểm tra dấu hai chấm bị đặt nhầm trong văn bản.' },
  BAD_ALIAS: { message: 'Tham chiếu (*) không trỏ tới neo (&) nào.', hint: 'Kiểm tra tên neo, hoặc đặt văn bản bắt đầu bằng * trong dấu nháy kép.' },
  RESOURCE_EXHAUSTION: { message: 'Dữ liệu lồng nhau quá sâu (quá 64 cấp).', hint: 'Mỗi tệp của dvk chỉ cần vài cấp lồng nhau; kiểm tra các dấu ngoặc [ { và thụt lề.' },
};

export const vi = {
  lang: 'vi' as const,
  number: n,

  // Files and YAML
  fileTooLarge: (bytes: number, max: number): Msg => ({
    message: `Tệp quá lớn: ${n(bytes)} byte, giới hạn ${n(max)} byte.`,
    hint: 'Mỗi tệp chỉ chứa một mô hình; tài liệu minh chứng đặt trong thư mục evidence/ và ghi đường dẫn ở mục evidence.',
  }),
  utf16: (): Msg => ({
    message: 'Tệp được lưu theo mã UTF-16, không phải UTF-8.',
    hint: 'Mở tệp bằng trình soạn thảo và lưu lại với bảng mã UTF-8 (trong Notepad: Lưu thành… > Mã hóa: UTF-8).',
  }),
  notUtf8: (byte: number): Msg => ({
    message: `Tệp không phải văn bản UTF-8 (byte 0x${byte.toString(16).padStart(2, '0')} không hợp lệ).`,
    hint: 'Tệp có thể được lưu bằng bảng mã cũ (TCVN3, VNI, Windows-1258). Chuyển sang Unicode UTF-8 (ví dụ bằng Unikey: Công cụ chuyển mã) rồi lưu lại.',
  }),
  emptyFile: (): Msg => ({
    message: 'Tệp rỗng.',
    hint: 'Ghi nội dung vào tệp (tệp mô hình mới thì tạo bằng "dvk new model"), hoặc xóa tệp này.',
  }),
  yamlError: (code: string, snippet: string): Msg => {
    const known = YAML_ERRORS[code];
    const found = snippet.trim() ? ` (gặp ${q(snippet.trim().slice(0, 40))})` : '';
    return known
      ? { message: `Lỗi cú pháp YAML: ${known.message.replace(/\.$/, '')}${found}.`, hint: known.hint }
      : { message: `Lỗi cú pháp YAML${found}.`, hint: 'Kiểm tra thụt lề, dấu hai chấm sau khóa và các dấu nháy ở dòng này và dòng trên.' };
  },
  yamlColonInValue: (key: string, fixed: string): Msg => ({
    message: `Giá trị của ${q(key)} có dấu hai chấm rồi dấu cách (": ") nên YAML hiểu nhầm phần sau là một khóa mới.`,
    hint: `Đặt cả giá trị trong dấu nháy: ${fixed}`,
  }),
  yamlKeyTooDeep: (key: string, spaces: number, expected: number, above: string): Msg => ({
    message: `Khóa ${q(key)} thụt lề ${spaces} dấu cách, sâu hơn khóa ${q(above)} ở dòng trên (${expected} dấu cách).`,
    hint: `Các khóa cùng cấp phải thẳng cột: thụt lề ${q(key)} đúng ${expected} dấu cách như ${q(above)}.`,
  }),
  yamlMissingColon: (key: string, fixed: string): Msg => ({
    message: `Thiếu dấu hai chấm sau khóa ${q(key)}.`,
    hint: `Viết ${q(fixed)}: dấu hai chấm ngay sau khóa, rồi một dấu cách.`,
  }),
  aliasLimit: (max: number): Msg => ({
    message: `Tệp dùng quá nhiều tham chiếu YAML (*), vượt giới hạn ${n(max)}.`,
    hint: 'Viết trực tiếp nội dung thay cho neo (&) và tham chiếu (*).',
  }),
  notMapping: (found: ValueType): Msg => ({
    message: `Nội dung tệp phải là các cặp "khóa: giá trị", nhưng đang là ${TYPES[found]}.`,
    hint: 'Tệp bắt đầu bằng các dòng như "kind: model" và "version: 1".',
  }),
  missingKind: (rel: string): Msg => ({
    message: `Tệp ${rel} thiếu khóa kind nên dvk không biết đây là loại tệp gì.`,
    hint: 'Thêm dòng "kind: model" (mô hình), "kind: assessment" (phiếu chấm) hoặc "kind: criteria" (bộ tiêu chí) ở đầu tệp.',
  }),
  unknownKind: (kind: string): Msg => ({
    message: `Loại tệp ${q(kind)} không hợp lệ.`,
    hint: 'kind là một trong: model (mô hình), assessment (phiếu chấm), criteria (bộ tiêu chí), config (cấu hình).',
  }),

  // Schema
  badKeyName: (name: string, expected?: string, suggestion?: string): Msg => ({
    message: `Mã ${q(name)} không đúng quy cách.`,
    hint: suggestion ? `Có phải ý bạn là ${q(suggestion)}?` : (expected ?? 'Mã gồm chữ không dấu, chữ số và dấu gạch ngang.'),
  }),
  unknownKey: (key: string, where: string, suggestion: string | undefined, allowed: string[]): Msg => ({
    message: `Khóa ${q(key)} không hợp lệ${at(where)}.`,
    hint: suggestion
      ? `Có phải ý bạn là ${q(suggestion)}?`
      : allowed.length
        ? `Các khóa được dùng: ${l(allowed, false)}.`
        : 'Xóa khóa này.',
  }),
  missingKey: (key: string, where: string, title?: string): Msg => ({
    message: `Thiếu khóa bắt buộc ${q(key)}${title ? ` (${title.toLowerCase()})` : ''}${at(where)}.`,
    hint: `Thêm dòng "${key}: …"${where ? ` vào trong ${where}` : ''}.`,
  }),
  wrongType: (where: string, expected: string, found: ValueType, value: unknown, fix: { number?: string; quote?: string; unquote?: string }): Msg => ({
    message: `${where || 'Giá trị'} phải là ${expected.split(',').map((t) => TYPES[t] ?? t).join(' hoặc ')}, nhưng đang là ${TYPES[found]}${found === 'string' || found === 'number' || found === 'integer' ? ` ${q(value)}` : ''}.`,
    hint: fix.quote
      ? `Đặt mã trong dấu nháy để giữ nguyên cách viết: '${fix.quote}'.`
      : fix.unquote
        ? `Bỏ dấu nháy: viết ${fix.unquote}, vì số không đặt trong dấu nháy.`
      : fix.number && expected === 'integer'
        ? `Viết ${fix.number}: số viết liền, không dùng dấu chấm hay dấu phẩy ngăn cách hàng nghìn.`
        : fix.number
          ? `Viết ${fix.number}: dùng dấu chấm cho phần thập phân và không đặt trong dấu nháy.`
          : expected === 'array'
            ? 'Viết mỗi mục trên một dòng, bắt đầu bằng "- ".'
            : expected === 'string'
              ? 'Đặt giá trị trong dấu nháy kép.'
              : undefined,
  }),
  notAllowed: (where: string, value: unknown, allowed: unknown[], suggestion?: string): Msg => ({
    message:
      allowed.length === 1
        ? `${where || 'Giá trị'} phải là ${shown(allowed[0])}, nhưng đang là ${shown(value)}.`
        : `Giá trị ${q(value)} không hợp lệ ở ${where}: phải là một trong ${list(allowed.map(String), 'vi', true, true)}.`,
    hint: suggestion ? `Viết ${suggestion} (mã không dấu).` : undefined,
  }),
  badDate: (where: string, value: unknown, suggestion?: string, days?: number): Msg => ({
    message: `${where} không phải là ngày hợp lệ: ${q(value)}.`,
    hint: suggestion
      ? `Viết ${suggestion} (năm-tháng-ngày).`
      : days
        ? `Tháng ${Number(String(value).slice(5, 7))} năm ${String(value).slice(0, 4)} chỉ có ${days} ngày.`
        : 'Ghi ngày theo dạng năm-tháng-ngày, ví dụ 2023-05-24 cho ngày 24/5/2023.',
  }),
  badPattern: (where: string, value: unknown, title?: string, description?: string, suggestion?: string): Msg => ({
    message: `${title ?? where} ${q(value)} không đúng quy cách${title ? ` (${where})` : ''}.`,
    hint: suggestion ? `Viết ${suggestion}. ${description ?? ''}`.trim() : description,
  }),
  outOfRange: (where: string, value: unknown, keyword: string, limit: number): Msg => ({
    message: `${where} = ${q(value)} ${keyword === 'minimum' ? `nhỏ hơn mức tối thiểu ${yamlNumber(limit)}` : keyword === 'maximum' ? `lớn hơn mức tối đa ${yamlNumber(limit)}` : keyword === 'exclusiveMinimum' ? `phải lớn hơn ${yamlNumber(limit)}` : `phải nhỏ hơn ${yamlNumber(limit)}`}.`,
  }),
  schemaOther: (where: string, keyword: string): Msg => ({
    message: `${where || 'Tệp'} không đúng lược đồ (điều kiện ${keyword}).`,
    hint: 'Xem mô tả của khóa này trong lược đồ: dvk schema.',
  }),
  emptyText: (where: string): Msg => ({ message: `${where} đang để trống.`, hint: 'Ghi nội dung, hoặc xóa dòng này nếu chưa có.' }),
  tooFew: (where: string, limit: number, items: boolean): Msg => ({
    message: `${where} cần ít nhất ${n(limit)} ${items ? 'mục' : 'số liệu'}.`,
  }),
  oneOf: (where: string, options: { title: string; keys: string[] }[], multiple: boolean): Msg => {
    const forms = options.map((o) => `${l(o.keys)} (${o.title.toLowerCase()})`).join(' hoặc ');
    return multiple
      ? { message: `${where || 'Tệp'} chỉ được dùng một trong hai cách: ${forms}.`, hint: 'Giữ một cách ghi và xóa cách còn lại.' }
      : { message: `${where || 'Tệp'} cần có ${forms}.`, hint: 'Thêm một trong các khóa trên.' };
  },

  // Rules
  dateBefore: (path: Path, date: string, earliest: string, what: 'registered' | 'start'): Msg => ({
    message: `Ngày ${date} ở ${dotted(path)} sớm hơn ${what === 'registered' ? 'ngày đăng ký' : 'ngày bắt đầu'} ${earliest}.`,
    hint: what === 'registered'
      ? 'Ngày bắt đầu thực hiện phải bằng hoặc sau ngày đăng ký (steps.register.date).'
      : 'Hoạt động, kiểm tra và tổng kết phải bằng hoặc sau ngày bắt đầu (steps.register.start); kiểm tra lại năm hoặc tháng.',
  }),
  endBeforeStart: (end: string, start: string): Msg => ({
    message: `Ngày kết thúc ${end} sớm hơn ngày bắt đầu ${start}.`,
    hint: 'Kiểm tra lại steps.register.start và steps.register.end.',
  }),
  yearMismatch: (year: number, years: number[]): Msg => ({
    message: `Năm ${year} ở khóa year không khớp với các ngày của mô hình (đăng ký, bắt đầu, kết thúc, tổng kết), là năm ${l(years.map(String), false)}.`,
    hint: `Nếu mô hình thực hiện năm ${years[0]}, sửa thành year: ${years[0]} (và để tệp trong thư mục models/${years[0]}/); nếu không, sửa lại các ngày.`,
  }),
  placeholder: (text: string): Msg => ({
    message: `Chữ mẫu ${q(text)} chưa được thay bằng nội dung thật.`,
    hint: 'Ghi nội dung thật vào chỗ này; dvk không in quyết định, báo cáo, giấy chứng nhận hay tờ trình còn chữ mẫu.',
  }),
  evidenceOutside: (file: string): Msg => ({
    message: `Đường dẫn minh chứng ${q(file)} nằm ngoài kho dữ liệu.`,
    hint: 'Chép tệp vào thư mục evidence/ của kho dữ liệu và ghi đường dẫn tương đối, ví dụ evidence/2023/bien-ban.pdf.',
  }),
  evidenceMissing: (rel: string): Msg => ({
    message: `Không tìm thấy tệp minh chứng ${q(rel)}.`,
    hint: 'Kiểm tra tên tệp (phân biệt chữ hoa, chữ thường) hoặc chép tệp vào đúng chỗ.',
  }),
  stepName: (step: StepName) => STEP_NAMES[step],
  stepAbsent: (step: StepName): Msg => ({
    message: `Mô hình chưa có ${STEP_NAMES[step]}, là bước bắt buộc.`,
    hint: `Ghi nội dung steps.${step} trước khi chấm điểm, hoặc bỏ --require ${step}.`,
  }),
  stepIncomplete: (step: StepName, missing: string[], required: boolean): Msg => ({
    message: `${STEP_NAMES[step][0]!.toUpperCase()}${STEP_NAMES[step].slice(1)} chưa đầy đủ: ${missing.includes('[0]') ? 'chưa có mục nào' : `thiếu ${l(missing)}`}.`,
    hint: required ? `Bổ sung các mục còn thiếu; bước này bắt buộc (--require ${step}).` : 'Bổ sung các mục còn thiếu khi có thông tin.',
  }),
  notNfc: (value: string): Msg => ({
    message: `Văn bản ${q(value.length > 40 ? `${value.normalize('NFC').slice(0, 40)}…` : value.normalize('NFC'))} dùng dấu tổ hợp (Unicode NFD), không phải dạng dựng sẵn (NFC).`,
    hint: 'Gõ lại bằng bảng mã Unicode dựng sẵn (Unikey: bảng mã Unicode), hoặc chuẩn hóa tệp về NFC.',
  }),
  unknownLevel: (level: string, ids: string[], suggestion?: string): Msg => ({
    message: `Cấp ${q(level)} không có trong danh sách cấp: ${l(ids)}.`,
    hint: suggestion ? `Có phải ý bạn là ${q(suggestion)}?` : 'Dùng một cấp trong danh sách, hoặc khai báo thêm ở mục levels của dvk.config.yaml.',
  }),
  duplicateId: (id: string, elsewhere: string[]): Msg => ({
    message: `Mã ${q(id)} bị trùng: đã dùng ở ${l(elsewhere, false)}.`,
    hint: 'Mỗi mã chỉ dùng cho một tệp; đổi mã của một trong các tệp.',
  }),
  duplicateAssessment: (model: string, level: string, elsewhere: string[]): Msg => ({
    message: `Mô hình ${q(model)} đã có phiếu chấm cấp ${q(level)} ở ${l(elsewhere, false)}.`,
    hint: 'Mỗi mô hình chỉ có một phiếu chấm ở mỗi cấp; gộp điểm của các thành viên vào một tệp (mục assessors).',
  }),
  unknownModel: (id: string, suggestion?: string): Msg => ({
    message: `Không có mô hình nào mang mã ${q(id)}.`,
    hint: suggestion ? `Có phải ý bạn là ${q(suggestion)}?` : 'Kiểm tra mã ở khóa id của tệp mô hình.',
  }),
  unknownFramework: (id: string, known: string[], suggestion?: string): Msg => ({
    message: `Không có bộ tiêu chí nào mang mã ${q(id)}.`,
    hint: suggestion ? `Có phải ý bạn là ${q(suggestion)}?` : known.length ? `Các bộ tiêu chí hiện có: ${l(known)}.` : 'Thêm bộ tiêu chí vào thư mục criteria/.',
  }),
  notApplicable: (framework: string, model: { id: string; type: string; field: string }, why: 'type' | 'field'): Msg => ({
    message: `Bộ tiêu chí ${q(framework)} không áp dụng cho mô hình ${q(model.id)} (${why === 'type' ? `loại ${q(model.type)}` : `lĩnh vực ${q(model.field)}`}).`,
    hint: 'Chọn bộ tiêu chí có applies_to phù hợp với loại và lĩnh vực của mô hình.',
  }),
  unknownCriterion: (id: string, framework: string, suggestion?: string, missingHere?: boolean): Msg => ({
    message: `Bộ tiêu chí ${q(framework)} không có tiêu chí ${q(id)}.`,
    hint: suggestion ? `Có phải ý bạn là ${q(suggestion)}${missingHere ? ', tiêu chí phiếu này chưa chấm' : ''}?` : 'Xóa điểm này hoặc sửa mã tiêu chí cho đúng bộ tiêu chí.',
  }),
  scoreOverMax: (id: string, score: number, max: number): Msg => ({
    message: `Điểm tiêu chí ${q(id)} là ${yamlNumber(score)}, vượt điểm tối đa ${yamlNumber(max)}.`,
    hint: `Chấm từ 0 đến ${yamlNumber(max)}.`,
  }),
  missingScores: (missing: string[], name?: string): Msg => ({
    message: `${name ? `Phiếu của ${name}` : 'Bảng điểm'} chưa chấm ${missing.length} tiêu chí: ${l(missing, false)}.`,
    hint: 'Mỗi thành viên phải chấm đủ mọi tiêu chí của bộ tiêu chí.',
  }),
  frameworkDuplicateId: (id: string): Msg => ({
    message: `Mã ${q(id)} bị trùng trong bộ tiêu chí.`,
    hint: 'Mỗi nhóm, tiêu chí, điều kiện và mức xếp loại cần một mã riêng.',
  }),
  classOrder: (label: string, min: number, aboveLabel: string, aboveMin: number): Msg => ({
    message: `Mức ${q(label)} (từ ${yamlNumber(min)} điểm) không thấp hơn mức đứng trước ${q(aboveLabel)} (từ ${yamlNumber(aboveMin)} điểm).`,
    hint: 'Sắp các mức xếp loại từ cao xuống thấp, điểm tối thiểu giảm dần.',
  }),
  lowestClassMin: (label: string, min: number): Msg => ({
    message: `Mức thấp nhất ${q(label)} bắt đầu từ ${yamlNumber(min)} điểm, nên mô hình dưới ${yamlNumber(min)} điểm không được xếp loại.`,
    hint: 'Đặt min: 0 cho mức thấp nhất.',
  }),
  maxNotOnStep: (id: string, max: number, step: number): Msg => ({
    message: `Điểm tối đa của tiêu chí ${q(id)} là ${yamlNumber(max)}, không phải bội số của bước làm tròn ${yamlNumber(step)}: điểm làm tròn có thể vượt điểm tối đa.`,
    hint: `Chọn điểm tối đa là bội số của ${yamlNumber(step)}, hoặc đổi rounding.`,
  }),
  unknownClass: (id: string, ids: string[], suggestion?: string): Msg => ({
    message: `Không có mức xếp loại ${q(id)} trong bộ tiêu chí.`,
    hint: suggestion ? `Có phải ý bạn là ${q(suggestion)}?` : `Các mức hiện có: ${l(ids)}.`,
  }),

  /** Scoring and recognition (dvk score). */
  score: {
    gateSteps: (title: string | undefined, lacking: StepName[]) =>
      lacking.length ? `chưa thực hiện đủ ${l(lacking.map((s) => STEP_NAMES[s]), false)}${condition(title)}` : `đã thực hiện đủ các bước${condition(title)}`,
    gateMonths: (title: string | undefined, months: number, passed: boolean, start?: string, end?: string, due?: string) =>
      !start || !end
        ? `chưa có ${!start ? 'ngày bắt đầu thực hiện' : 'ngày tổng kết'} nên chưa tính được thời gian thực hiện${condition(title)}`
        : passed
          ? `thực hiện từ ngày ${date(start)} đến ngày ${date(end)}, đủ ${months} tháng${condition(title)}`
          : `thực hiện từ ngày ${date(start)} đến ngày ${date(end)}, chưa đủ ${months} tháng${condition(title)}, cần tổng kết từ ngày ${date(due!)} trở đi`,
    noClass: (total: string) => `tổng điểm ${n(total)} không đạt mức xếp loại nào`,
    minClass: (label: string, minLabel: string, passed: boolean) =>
      passed ? `xếp loại ${label}, đạt mức tối thiểu là loại ${minLabel}` : `xếp loại ${label}, thấp hơn loại ${minLabel} cần có để được công nhận`,
    groupRatio: (id: string, score: string, max: string, pct: string, passed: boolean) =>
      passed ? `nhóm tiêu chí ${id} đạt ${n(score)}/${n(max)} điểm, từ ${n(pct)}% số điểm của nhóm trở lên` : `nhóm tiêu chí ${id} chỉ đạt ${n(score)}/${n(max)} điểm, chưa đạt ${n(pct)}% số điểm của nhóm`,
    notLowest: (label: string, passed: boolean) => (passed ? `xếp loại ${label}, trên mức thấp nhất` : `xếp loại ${label} là mức thấp nhất`),
    exemplary: (label: string, top: string, passed: boolean) =>
      passed ? `xếp loại ${label}, đạt mức tiêu biểu (từ ${top} trở lên)` : `xếp loại ${label}, chưa đạt mức tiêu biểu (từ ${top} trở lên)`,
    marks: { exemplary: '✓ tiêu biểu', recognized: '✓', no: '✗' },
    notAssessed: 'chưa chấm',
    notAssessedLong: 'Mô hình chưa có phiếu chấm.',
    columns: { rank: 'Hạng', id: 'Mã', name: 'Tên mô hình', unit: 'Đơn vị', level: 'Cấp chấm', total: 'Điểm', class: 'Xếp loại', recognized: 'Công nhận', reasons: 'Lý do' },
    reasonsTitle: 'Lý do không công nhận:',
    legend: '✓: được công nhận; ✓ tiêu biểu: được công nhận là mô hình tiêu biểu; ✗: không được công nhận.',
    summary: (t: { models: number; assessed: number; recognized: number; exemplary: number; notAssessed: number }) =>
      `${n(t.models)} mô hình: ${n(t.assessed)} đã chấm, ${n(t.recognized)} được công nhận (${n(t.exemplary)} tiêu biểu), ${n(t.notAssessed)} chưa chấm.`,
    fieldLabel: (f: string) => FIELD_LABELS[f] ?? f,
    typeLabel: (t: string): string => (t === 'individual' ? 'Điển hình cá nhân' : 'Mô hình tập thể'),
    csv: {
      headers: ['Hạng', 'Mã', 'Tên mô hình', 'Đơn vị', 'Mã đơn vị', 'Cấp đơn vị', 'Năm', 'Lĩnh vực', 'Loại', 'Cấp chấm', 'Bộ tiêu chí', 'Tổng điểm', 'Điểm tối đa', 'Xếp loại', 'Công nhận', 'Tiêu biểu', 'Lý do'],
      /** One column per group of criteria, after the maximum. */
      group: (id: string) => `Nhóm ${id}`,
      yes: 'Có',
      no: 'Không',
    },
    explain: {
      modelLine: (unit: string, level: string, field: string, type: string, year: number) => `${type} · ${field} · năm ${year} · ${unit} (${level.toLowerCase()})`,
      sheetLine: (level: string, framework: string, file: string) => `Chấm ở ${level.toLowerCase()} · bộ tiêu chí ${framework} · ${file}`,
      method: (aggregation: string, applied: string, count: number, rounding: string) =>
        `Tổng hợp ${n(count)} phiếu: ${AGGREGATIONS[applied]}${aggregation !== applied ? ` (bộ tiêu chí quy định ${AGGREGATIONS[aggregation]}, nhưng dưới 3 phiếu thì lấy trung bình cộng)` : ''}; điểm mỗi tiêu chí làm tròn một lần, nửa lên, đến ${rounding}.`,
      assessors: 'Thành viên',
      assessorShort: (i: number) => `TV${i}`,
      unnamed: '(không ghi tên)',
      criterion: 'Tiêu chí',
      max: 'Tối đa',
      exact: (applied: string): string => (applied === 'median' ? 'Trung vị' : 'Trung bình'),
      rounded: 'Làm tròn',
      groupTotal: (id: string) => `Nhóm ${id}`,
      total: 'Tổng',
      classLine: (label: string, min: string) => `Xếp loại: ${label} (từ ${min} điểm).`,
      noClassLine: 'Xếp loại: không đạt mức nào.',
      conditions: 'Điều kiện công nhận:',
      conclusion: (recognized: boolean, exemplary: boolean) =>
        `Kết luận: ${exemplary ? 'được công nhận, là mô hình tiêu biểu' : recognized ? 'được công nhận' : 'không được công nhận'}.`,
    },
  },

  /** One line per rule id: what it checks (SARIF rule descriptions, README). */
  rules: {
    'yaml-syntax': 'Tệp phải là YAML đúng cú pháp.',
    'yaml-duplicate-key': 'Một khóa không được lặp lại trong cùng một nhóm.',
    'yaml-unknown-tag': 'Không dùng thẻ kiểu (tag) YAML.',
    'yaml-multiple-documents': 'Mỗi tệp chỉ chứa một tài liệu YAML.',
    'yaml-alias-limit': 'Số tham chiếu YAML (*) có giới hạn.',
    'file-encoding': 'Tệp phải là văn bản UTF-8.',
    'file-too-large': 'Tệp không vượt quá 1 MiB.',
    'file-empty': 'Tệp không được rỗng.',
    'file-not-mapping': 'Nội dung tệp là các cặp khóa: giá trị.',
    'file-unknown-kind': 'Tệp khai báo kind hợp lệ: model, assessment, criteria hoặc config.',
    'schema-unknown-key': 'Chỉ dùng các khóa có trong lược đồ.',
    'schema-required': 'Có đủ các khóa bắt buộc.',
    'schema-type': 'Giá trị đúng kiểu (số, văn bản, danh sách…).',
    'schema-enum': 'Giá trị thuộc danh sách được phép.',
    'schema-format': 'Giá trị đúng quy cách (ngày, mã).',
    'schema-range': 'Giá trị trong khoảng cho phép, không để trống.',
    'schema-one-of': 'Dùng đúng một trong các cách ghi được phép.',
    'schema-other': 'Giá trị đáp ứng lược đồ.',
    'duplicate-id': 'Mã mô hình và mã bộ tiêu chí là duy nhất.',
    'duplicate-assessment': 'Mỗi mô hình có một phiếu chấm ở mỗi cấp.',
    'unknown-model': 'Phiếu chấm trỏ tới mô hình có thật.',
    'unknown-framework': 'Phiếu chấm trỏ tới bộ tiêu chí có thật.',
    'unknown-level': 'Cấp thuộc danh sách cấp của kho dữ liệu.',
    'framework-not-applicable': 'Bộ tiêu chí áp dụng cho loại và lĩnh vực của mô hình.',
    'unknown-criterion': 'Chỉ chấm các tiêu chí có trong bộ tiêu chí.',
    'missing-score': 'Mỗi phiếu chấm đủ mọi tiêu chí.',
    'score-over-max': 'Điểm không vượt điểm tối đa của tiêu chí.',
    'framework-duplicate-id': 'Các mã trong bộ tiêu chí là duy nhất.',
    'framework-class-order': 'Các mức xếp loại giảm dần từ cao xuống thấp, mức thấp nhất từ 0 điểm.',
    'framework-rounding': 'Điểm tối đa của mỗi tiêu chí là bội số của bước làm tròn.',
    'framework-unknown-class': 'Điều kiện công nhận chỉ dùng mức xếp loại có thật.',
    'date-order': 'Các ngày theo đúng trình tự: đăng ký, bắt đầu, thực hiện, kết thúc.',
    'year-mismatch': 'Năm của mô hình khớp với các ngày ghi trong mô hình.',
    placeholder: 'Không để lại chữ mẫu của tệp mẫu (họ và tên, địa danh, tên mô hình…).',
    'evidence-outside': 'Tệp minh chứng nằm trong kho dữ liệu.',
    'evidence-missing': 'Tệp minh chứng tồn tại.',
    'step-incomplete': 'Mỗi bước đã ghi có đủ nội dung bắt buộc.',
    nfc: 'Văn bản ở dạng Unicode dựng sẵn (NFC).',
    'file-unreadable': 'Mọi tệp và thư mục trong kho dữ liệu đọc được.',
    'yaml-depth-limit': 'Dữ liệu lồng nhau không quá 64 cấp.',
    'config-paths': 'Các thư mục trong paths nằm trong kho dữ liệu; paths.out tách khỏi thư mục dữ liệu.',
    'control-character': 'Văn bản không chứa ký tự điều khiển (NUL, ESC, ký tự đảo chiều văn bản…).',
    'file-link': 'Liên kết tượng trưng chỉ trỏ tới nơi dvk đọc trong kho dữ liệu.',
  },

  cli: {
    description: 'dvk: quản lý mô hình "Dân vận khéo" bằng tệp YAML trong git: kiểm tra, chấm điểm, xuất quyết định và báo cáo.',
    errorPrefix: 'Lỗi',
    hintPrefix: 'Gợi ý',
    severity: { error: 'lỗi', warning: 'cảnh báo' },
    summary: (s: { files: number; errors: number; warnings: number }) =>
      s.errors + s.warnings === 0
        ? `✔ Không có lỗi trong ${n(s.files)} tệp.`
        : `${s.errors ? '✖' : '⚠'} ${n(s.errors)} lỗi, ${n(s.warnings)} cảnh báo trong ${n(s.files)} tệp.`,
    help: {
      titles: { 'Usage:': 'Cách dùng:', 'Options:': 'Tùy chọn:', 'Commands:': 'Lệnh:', 'Arguments:': 'Tham số:', 'Global Options:': 'Tùy chọn chung:' },
      choices: (c: readonly string[]) => `chọn: ${c.join(', ')}`,
      default: (d: string) => `mặc định: ${d}`,
      words: { options: 'tùy chọn', command: 'lệnh' },
      helpOption: 'hiện hướng dẫn của lệnh',
      helpCommand: 'hiện hướng dẫn của một lệnh',
      version: 'hiện số phiên bản',
      footer: '\nVí dụ:\n  dvk validate                  kiểm tra toàn bộ kho dữ liệu\n  dvk status                    xem mỗi mô hình đã đến bước nào\n  dvk validate --format github  chú thích lỗi trên pull request\n\nNgôn ngữ thông báo: --lang en hoặc biến môi trường DVK_LANG=en.',
    },
    options: {
      cwd: 'thư mục làm việc (mặc định: thư mục hiện tại)',
      lang: 'ngôn ngữ thông báo (cũng đặt được bằng DVK_LANG hoặc lang trong dvk.config.yaml)',
      noColor: 'không tô màu (cũng đặt được bằng NO_COLOR)',
      quiet: 'chỉ in lỗi, bỏ cảnh báo và thông báo phụ',
      format: 'định dạng kết quả',
      year: 'chỉ xét mô hình của năm này (mặc định: year trong dvk.config.yaml)',
    },
    cache: {
      option: 'không dùng bộ nhớ đệm giữa các lần chạy (.dvk-cache/ trong kho dữ liệu)',
    },
    parseError: (code: string, quoted: string[], suggestion: string | undefined, choices: string | undefined, raw: string): Msg => {
      const hint = suggestion ? `Có phải ý bạn là ${suggestion}?` : 'Xem "dvk --help".';
      switch (code) {
        case 'commander.unknownOption': return { message: `Không có tùy chọn ${quoted[0]}.`, hint };
        case 'commander.unknownCommand': return { message: `Không có lệnh ${quoted[0]}.`, hint };
        case 'commander.missingArgument': return { message: `Thiếu tham số ${quoted[0]}.`, hint: 'Xem hướng dẫn của lệnh với --help.' };
        case 'commander.optionMissingArgument': return { message: `Tùy chọn ${quoted[0]} cần một giá trị.`, hint: 'Xem hướng dẫn của lệnh với --help.' };
        case 'commander.conflictingOption': return { message: `Không dùng ${quoted[0]} cùng với ${quoted[1]}.`, hint: 'Bỏ một trong hai tùy chọn.' };
        case 'commander.excessArguments': return { message: 'Thừa tham số.', hint: 'Xem hướng dẫn của lệnh với --help.' };
        case 'commander.invalidArgument':
          return choices
            ? { message: `Giá trị ${quoted[1] ?? ''} không hợp lệ cho ${quoted[0] ?? ''}.`, hint: `${suggestion ? `Có phải ý bạn là ${suggestion}? ` : ''}Chọn một trong: ${choices.replace(/'/g, '').replace(/, /g, ', ')}.` }
            : { message: raw.replace(/^option '([^']*)' argument '([^']*)' is invalid\. ?/, 'Giá trị $2 không hợp lệ cho $1: ') };
        default: return { message: raw };
      }
    },
    configInvalid: (file: string): Msg => ({
      message: `Tệp cấu hình ${file} có lỗi.`,
      hint: `Sửa các lỗi trên (chạy "dvk validate ${file}") rồi chạy lại.`,
    }),
    fileError: (file: string, code: string): Msg => ({
      message: `Không đọc hoặc ghi được ${q(file)}: ${FILE_ERROR_WORDS[code] ?? code}.`,
      hint: code === 'EISDIR' ? 'Với -o, ghi đường dẫn một tệp (ví dụ out/quyet-dinh.docx); thư mục chỉ dùng cùng --by.' : 'Kiểm tra đường dẫn, quyền ghi và dung lượng đĩa.',
    }),
    internalError: (detail: string): Msg => ({
      message: `Lỗi nội bộ của dvk: ${detail}`,
      hint: 'Đây là lỗi của chương trình, không phải của dữ liệu. Chạy lại với DVK_DEBUG=1 và gửi kết quả cho nhóm phát triển.',
    }),
    pathNotFound: (p: string): Msg => ({ message: `Không tìm thấy ${q(p)}.`, hint: 'Kiểm tra đường dẫn, tính từ thư mục hiện tại.' }),
    git: {
      notRepo: (dir: string): Msg => ({ message: `Thư mục ${dir} không nằm trong kho git.`, hint: 'Chạy lệnh trong thư mục của kho dữ liệu đã khởi tạo bằng git (git init).' }),
      unknownRev: (rev: string): Msg => ({ message: `Không tìm thấy phiên bản git ${q(rev)}.`, hint: 'Dùng tên nhánh, thẻ hoặc mã commit có trong kho, ví dụ main hoặc HEAD~1.' }),
      noBase: { message: 'Không xác định được nhánh gốc để so sánh.', hint: 'Ghi rõ phiên bản, ví dụ --since main hoặc --changed=main.' } as Msg,
    },
    diff: {
      description: 'so sánh với một phiên bản git: mô hình thêm, xóa, đổi tên; bước mới hoàn thành; phiếu chấm thay đổi; điểm, xếp loại, công nhận trước → sau',
      rev: 'phiên bản git để so sánh (nhánh, thẻ hoặc commit), ví dụ main (mặc định: nhánh upstream của nhánh hiện tại, nếu không có thì HEAD)',
      examples: '\nVí dụ:\n  dvk diff main\n  dvk diff HEAD~1 --format markdown > nhan-xet.md\n  dvk diff origin/main --format json',
      status: { added: 'thêm mới', removed: 'xóa', renamed: 'đổi tên', changed: 'sửa', scored: 'điểm thay đổi' },
      renamed: (from: string) => `đổi tên từ ${from}`,
      edited: (keys: string[]) => `sửa ${keys.join(', ')}`,
      reached: (before: string, after: string) => `đã đến bước: ${before} → ${after}`,
      completed: (steps: string[]) => `hoàn thành ${steps.join(', ')}`,
      uncompleted: (steps: string[]) => `không còn đầy đủ: ${steps.join(', ')}`,
      sheets: (levels: string[]) => `phiếu chấm ${levels.map((x) => x.toLowerCase()).join(', ')} thay đổi`,
      heading: (rev: string, commit: string, count: number) => `So với ${rev} (${commit}): ${count ? `${n(count)} mô hình thay đổi` : 'không có mô hình nào thay đổi'}.`,
      totals: (t: { recognized: [number, number]; exemplary: [number, number] }) =>
        `Công nhận: ${n(t.recognized[0])} → ${n(t.recognized[1])}; tiêu biểu: ${n(t.exemplary[0])} → ${n(t.exemplary[1])}.`,
      none: 'Không có thay đổi nào về mô hình, phiếu chấm hay điểm số.',
      columns: { id: 'Mã', model: 'Mô hình', change: 'Thay đổi', level: 'Cấp chấm', total: 'Điểm', class: 'Xếp loại', recognized: 'Công nhận' },
    },
    badStep: (s: string, suggestion?: string) => `bước ${q(s)} không hợp lệ; ${suggestion ? `có phải ý bạn là ${suggestion}? Các bước: ` : 'chọn '}register, implement, inspect, review hoặc all`,
    badCount: (s: string) => `${q(s)} không phải số nguyên không âm`,
    stdin: {
      filename: 'với đường dẫn "-" (đọc tệp từ đầu vào chuẩn): tên tệp mà nội dung đó thay cho, để thông báo ghi đúng tên tệp',
    },
    completion: {
      description: 'in đoạn mã tự hoàn thành lệnh cho bash, zsh, fish hoặc PowerShell',
      shell: 'trình thông dịch lệnh: bash, zsh, fish hoặc powershell',
      examples: '\nVí dụ:\n  source <(dvk completion bash)           thêm vào ~/.bashrc\n  source <(dvk completion zsh)            thêm vào ~/.zshrc, sau compinit\n  dvk completion fish > ~/.config/fish/completions/dvk.fish\n  dvk completion powershell | Out-String | Invoke-Expression   thêm vào $PROFILE',
    },
    validate: {
      description: 'kiểm tra tệp: cú pháp, lược đồ, quan hệ giữa các tệp và mức độ đầy đủ của từng bước',
      paths: 'tệp hoặc thư mục cần kiểm tra (mặc định: cả kho dữ liệu)',
      require: 'bước phải đầy đủ (lỗi thay vì cảnh báo): register, implement, inspect, review, all; có thể ghi nhiều, cách nhau dấu phẩy',
      maxWarnings: 'báo lỗi (mã thoát 1) khi số cảnh báo vượt quá n',
      changed: 'chỉ báo lỗi trong các tệp đã thay đổi so với điểm rẽ nhánh với nhánh chính, hoặc so với phiên bản ghi liền sau dấu bằng (--changed=main); quy tắc liên tệp vẫn xét cả kho',
      since: 'như --changed, so với phiên bản git này (nhánh, thẻ hoặc commit)',
      examples: '\nVí dụ:\n  dvk validate\n  dvk validate models/2023/HM\n  dvk validate --require review --format json\n  dvk validate --format sarif > dvk.sarif\n\nMã thoát: 0 không có lỗi; 1 có lỗi (hoặc quá số cảnh báo); 2 sai cách dùng hoặc cấu hình.',
      nothing: (dir: string) => `Không tìm thấy tệp nào của dvk trong ${dir}: kiểm tra thư mục (-C), hoặc tạo kho dữ liệu bằng "dvk init".`,
      tooManyWarnings: (count: number, max: number) => `Có ${n(count)} cảnh báo, vượt mức cho phép --max-warnings ${n(max)}.`,
    },
    status: {
      description: 'xem mỗi mô hình đã đến bước nào, còn thiếu gì; bảng tổng hợp theo đơn vị',
      examples: '\nVí dụ:\n  dvk status\n  dvk status --year 2023\n  dvk status models/2023/HM --format json',
      invalid: (count: number) => `${n(count)} tệp có lỗi nên không được thống kê; chạy "dvk validate" để xem chi tiết.`,
      none: 'Không có mô hình nào.',
      id: 'Mã',
      unit: 'Đơn vị',
      reached: 'Đã đến bước',
      missing: 'Còn thiếu',
      stepShort: { register: '1. Đăng ký', implement: '2. Thực hiện', inspect: '3. Kiểm tra', review: '4. Tổng kết' } as Record<StepName, string>,
      noStep: 'chưa có bước nào',
      missingList: (items: string[]) =>
        items.map((i) => (i.endsWith('[0]') && !i.includes('.') ? `bước ${STEPS.indexOf(i.slice(0, -3) as StepName) + 1} (chưa có mục nào)` : /[.[]/.test(i) ? i : `bước ${STEPS.indexOf(i as StepName) + 1}`)).join(', '),
      models: 'Mô hình',
      level: 'Cấp',
      col: { none: 'Chưa', register: 'B1', implement: 'B2', inspect: 'B3', review: 'B4' },
      complete: 'Đủ 4 bước',
      total: 'Tổng',
      modelsTitle: (count: number) => `Mô hình (${n(count)})`,
      unitsTitle: (count: number) => `Theo đơn vị (${n(count)})`,
      legend: 'B1–B4: số mô hình đã đến bước 1 (đăng ký), 2 (thực hiện), 3 (kiểm tra), 4 (tổng kết); ✓: đủ cả bốn bước.',
    },
    schema: {
      description: 'in lược đồ JSON (JSON Schema) cho trình soạn thảo và công cụ khác',
      name: 'tên lược đồ; bỏ trống để xem danh sách',
      examples: '\nVí dụ:\n  dvk schema\n  dvk schema model > model.schema.json\n  dvk schema steps/review',
      unknown: (name: string, names: string[], suggestion?: string): Msg => ({ message: `Không có lược đồ ${q(name)}.`, hint: suggestion ? `Có phải ý bạn là ${suggestion}?` : `Các lược đồ: ${l(names, false)}.` }),
      all: 'ghi mọi lược đồ (cùng --out)',
      out: 'thư mục để ghi các tệp lược đồ',
      needOut: { message: 'Cần cho biết thư mục để ghi lược đồ.', hint: 'Thêm --out, ví dụ: dvk schema --all --out schemas' } as Msg,
      written: (count: number, dir: string) => `Đã ghi ${n(count)} lược đồ vào ${dir}.`,
    },
    init: {
      description: 'tạo kho dữ liệu mới: cấu hình, bộ tiêu chí mẫu, một mô hình mẫu, quy trình CI, CODEOWNERS, cấu hình trình soạn thảo',
      dir: 'thư mục của kho dữ liệu (mặc định: thư mục hiện tại)',
      force: 'ghi đè các tệp đã có',
      year: 'năm của kho dữ liệu (mặc định: năm nay)',
      level: 'cấp của ban chỉ đạo: xa, huyen, tinh hoặc trung-uong',
      examples: '\nVí dụ:\n  dvk init dan-van-kheo-2025\n  dvk init . --level tinh --year 2025',
      exists: (files: string[]): Msg => ({
        message: `Thư mục đã có ${n(files.length)} tệp mà dvk init cần tạo: ${files.length > 5 ? `${files.slice(0, 5).join(', ')}, …` : l(files, false)}. Không ghi tệp nào.`,
        hint: 'Chọn thư mục khác, hoặc thêm --force để ghi đè.',
      }),
      done: (dir: string, count: number) => `Đã tạo kho dữ liệu ở ${dir} (${n(count)} tệp).`,
      next: (dir: string) =>
        `Bước tiếp theo:\n  1. Sửa ${dir}/dvk.config.yaml: cơ quan ban hành, người ký, căn cứ.\n  2. Thay mô hình mẫu bằng mô hình của đơn vị: dvk new model --name "…" --unit "…" --unit-code …\n  3. Kiểm tra: dvk validate -C ${dir}\n  4. Đưa vào git: git init, git add, git commit; sửa .github/CODEOWNERS cho đúng nhóm của Ban Chỉ đạo.`,
    },
    score: {
      description: 'chấm điểm: điểm từng nhóm và tiêu chí, xếp loại, công nhận, tiêu biểu và lý do',
      explain: 'giải thích từng con số của một mô hình: điểm từng thành viên, cách tổng hợp, làm tròn, các điều kiện',
      year: 'chỉ xét mô hình của năm này (mặc định: year trong dvk.config.yaml)',
      level: 'chỉ xét phiếu chấm của cấp này',
      unit: 'chỉ xét đơn vị có mã này hoặc tên chứa chuỗi này',
      field: 'chỉ xét lĩnh vực này',
      failUnder: 'báo lỗi (mã thoát 1) nếu có mô hình đã chấm đạt dưới tổng điểm này',
      examples: '\nVí dụ:\n  dvk score\n  dvk score --level huyen --format csv > ket-qua.csv\n  dvk score --explain DT-2023-HM-01\n  dvk score --unit HM --format markdown',
      noSuchModel: (id: string, suggestion?: string): Msg => ({
        message: `Không có mô hình ${q(id)} trong phạm vi đang xét.`,
        hint: suggestion ? `Có phải ý bạn là ${suggestion}?` : 'Kiểm tra mã mô hình, hoặc bỏ bớt bộ lọc --year, --level.',
      }),
      refused: (files: string[]): Msg => ({
        message: `Không chấm được vì ${files.length === 1 ? 'tệp' : `${n(files.length)} tệp`} cần dùng có lỗi: ${l(files, false)}.`,
        hint: 'Sửa các lỗi trên (xem thêm "dvk validate") rồi chạy lại.',
      }),
      explainFormat: { message: '--explain chỉ in dạng bảng (table) hoặc JSON.', hint: 'Bỏ --format, hoặc dùng --format json.' } as Msg,
      badTotal: (v: string) => `${q(v)} không phải là số điểm`,
      empty: 'Không có mô hình nào trong phạm vi đang xét.',
      under: (limit: string, models: string[]) => `${n(models.length)} mô hình dưới ${n(limit)} điểm: ${models.join(', ')}.`,
    },
    docs: {
      year: 'năm (mặc định: year trong dvk.config.yaml)',
      level: 'cấp của ban chỉ đạo (mặc định: level trong dvk.config.yaml)',
      date: 'ngày ký, dạng năm-tháng-ngày hoặc ngày/tháng/năm (mặc định: ngày trong dvk.config.yaml, SOURCE_DATE_EPOCH hoặc hôm nay)',
      output: 'tệp .docx hoặc .pdf cần ghi; với --by là thư mục (mặc định: trong thư mục out/)',
      by: 'mỗi nhóm một văn bản: theo đơn vị (unit), cấp đơn vị (level) hoặc lĩnh vực (field)',
      badDate: (v: string): Msg => ({ message: `Ngày ${q(v)} không hợp lệ.`, hint: 'Ghi ngày có thật, dạng 2023-12-20 hoặc 20/12/2023.' }),
      needYear: { message: 'Chưa biết năm của văn bản.', hint: 'Thêm --year 2023, hoặc ghi year: 2023 trong dvk.config.yaml.' } as Msg,
      needLevel: (levels: string[], found: string[], year: number): Msg => ({
        message: found.length ? `Phiếu chấm năm ${year} có ở ${n(found.length)} cấp (${l(found, false)}): chưa biết văn bản của cấp nào.` : 'Chưa biết cấp của ban chỉ đạo ban hành văn bản.',
        hint: `Thêm --level (một trong ${l(found.length ? found : levels, false)}), hoặc ghi level trong dvk.config.yaml.`,
      }),
      interrupted: (done: number, total: number) => `Đã dừng giữa chừng: xong ${n(done)}/${n(total)} văn bản; không có tệp nào bị ghi dở.`,
    },
    numbering: {
      from: 'với --by: đánh số các văn bản từ số n, theo thứ tự danh sách in ra',
      none: 'để trống số văn bản cho văn thư ghi khi vào sổ (bỏ qua số trong dvk.config.yaml)',
      oneNumber: (number: string, count: number, fromConfig: boolean): Msg => ({
        message: `${fromConfig ? `Số ${q(number)} trong dvk.config.yaml` : `--number ${number}`} là một số, nhưng lệnh này xuất ${n(count)} văn bản; mỗi văn bản cần một số riêng trong sổ văn bản.`,
        hint: `Thêm --number-from ${number} để đánh số ${number}, ${Number(number) + 1 || '…'}, … theo thứ tự danh sách, hoặc --no-number để để trống số cho văn thư ghi.`,
      }),
      numbered: (from: number, to: number) => `Đánh số từ ${from} đến ${to}, theo thứ tự danh sách trên.`,
    },
    pdf: {
      option: 'xuất PDF (qua LibreOffice) thay cho .docx; -o tên.pdf cũng chọn PDF',
      noLibreOffice: (platform: string): Msg => ({
        message: 'Cần LibreOffice để xuất PDF, nhưng không tìm thấy chương trình soffice.',
        hint: `Cài LibreOffice: ${platform === 'win32' ? 'winget install TheDocumentFoundation.LibreOffice' : platform === 'darwin' ? 'brew install --cask libreoffice' : 'sudo apt-get install -y libreoffice-writer (Debian, Ubuntu) hoặc sudo dnf install -y libreoffice-writer (Fedora)'}, rồi chạy lại; hoặc bỏ --pdf để xuất .docx.`,
      }),
      badExtension: (file: string): Msg => ({ message: `Không biết xuất văn bản ra ${q(file)}: dvk ghi tệp .docx hoặc .pdf.`, hint: 'Đặt tên tệp kết thúc bằng .docx (Word) hoặc .pdf.' }),
      docxWithPdf: (file: string): Msg => ({ message: `--pdf nhưng -o ${q(file)} là tệp .docx.`, hint: 'Bỏ --pdf để ghi .docx, hoặc đặt tên tệp kết thúc bằng .pdf.' }),
      failed: (detail: string): Msg => ({
        message: `LibreOffice không chuyển được văn bản sang PDF${detail ? ` (${detail})` : ''}.`,
        hint: 'Thử mở LibreOffice một lần cho chạy hết phần cài đặt, rồi chạy lại; hoặc bỏ --pdf để xuất .docx.',
      }),
    },
    placeholders: {
      refused: (files: string[]): Msg => ({
        message: `Không xuất văn bản vì ${l(files, false)} còn chữ mẫu chưa được thay bằng nội dung thật (xem trên).`,
        hint: 'Ghi nội dung thật (người ký, địa danh, tên cơ quan, tên mô hình…) vào các chỗ trên rồi chạy lại.',
      }),
    },
    decide: {
      description: 'xuất quyết định công nhận mô hình (.docx) theo thể thức văn bản của Đảng hoặc nhà nước',
      number: 'số quyết định (mặc định: decision.number trong dvk.config.yaml; bỏ trống để ghi tay)',
      examples: '\nVí dụ:\n  dvk decide\n  dvk decide --level huyen --year 2023 --number 15 --date 2023-12-20 -o quyet-dinh.docx\n  dvk decide --by unit --number-from 16 -o out/theo-don-vi\n  dvk decide --by field --no-number',
      nothing: (year: number, level: string): Msg => ({
        message: `Không có mô hình nào được công nhận ở ${level.toLowerCase()} năm ${year}, nên không có quyết định để xuất.`,
        hint: 'Xem "dvk score" để biết điểm và lý do; kiểm tra --year và --level.',
      }),
      done: (files: number, models: number) => `Đã ghi ${n(files)} quyết định, công nhận ${n(models)} mô hình.`,
    },
    report: {
      description: 'xuất báo cáo tổng kết năm (.docx): thống kê theo lĩnh vực, loại, cấp, đơn vị, so sánh với năm trước, biểu đồ, mô hình tiêu biểu',
      number: 'số báo cáo (mặc định: report.number trong dvk.config.yaml; bỏ trống để ghi tay)',
      examples: '\nVí dụ:\n  dvk report\n  dvk report --year 2023 -o bao-cao-2023.docx\n  dvk report --by unit --number-from 33 -o out/bao-cao-don-vi',
      nothing: (year: number): Msg => ({ message: `Không có mô hình nào của năm ${year} để báo cáo.`, hint: 'Kiểm tra --year, hoặc các tệp mô hình trong thư mục models/.' }),
      noPrevious: (year: number) => `Dữ liệu năm ${year} có lỗi nên báo cáo không so sánh với năm ${year}; chạy "dvk validate" để xem chi tiết.`,
      done: (files: number) => `Đã ghi ${n(files)} báo cáo.`,
    },
    certificate: {
      description: 'xuất giấy chứng nhận (.docx) cho từng mô hình, điển hình được công nhận, mỗi mô hình một trang; in lên phôi có sẵn với --blank-form',
      numberFrom: 'đánh số vào sổ cho từng giấy chứng nhận, bắt đầu từ số này, theo thứ tự in (mặc định: để trống để ghi tay)',
      decisionNumber: 'số quyết định công nhận ghi trên giấy (mặc định: decision.number trong dvk.config.yaml)',
      decisionDate: 'ngày ký quyết định công nhận, dạng năm-tháng-ngày (mặc định: decision.date trong dvk.config.yaml)',
      border: 'không in viền trang trí (mặc định: có viền, hoặc certificate.border trong dvk.config.yaml)',
      blankForm: 'chỉ in phần nội dung thay đổi, mỗi mục đúng vị trí trên phôi in sẵn (certificate.layout trong dvk.config.yaml)',
      calibrate: 'in một trang lưới milimét với vị trí các ô của certificate.layout, để đặt lên phôi soi trước ánh sáng',
      examples:
        '\nVí dụ:\n  dvk certificate\n  dvk certificate --number-from 101 -o giay-chung-nhan.docx\n  dvk certificate --by unit -o out/giay-chung-nhan\n  dvk certificate --calibrate            in thử lưới và vị trí các ô\n  dvk certificate --blank-form --no-border --number-from 101\n\nVị trí các mục trên phôi (milimét, tính từ góc trên bên trái tờ giấy) ghi trong dvk.config.yaml, ví dụ:\n  certificate:\n    layout:\n      name: { x: 30, y: 80, width: 237, height: 18, size: 18, bold: true }\n      number: false      # phôi đã in sẵn chỗ này, không in\nCác mục: issuer, number, name, person, unit, recognition, decision, date, signer.',
      nothing: (year: number, level: string): Msg => ({
        message: `Không có mô hình nào được công nhận ở ${level.toLowerCase()} năm ${year}, nên không có giấy chứng nhận để xuất.`,
        hint: 'Xem "dvk score" để biết điểm và lý do; kiểm tra --year và --level.',
      }),
      outside: (item: string, right: number, bottom: number, width: number, height: number): Msg => ({
        message: `Ô ${q(item)} trong certificate.layout ra ngoài tờ giấy ${n(width)} × ${n(height)} mm (mép phải ở ${n(right)} mm, mép dưới ở ${n(bottom)} mm).`,
        hint: 'Sửa x, y, width, height của ô này (milimét, tính từ góc trên bên trái tờ giấy), rồi in thử bằng "dvk certificate --calibrate".',
      }),
      done: (files: number, pages: number) => `Đã ghi ${n(pages)} giấy chứng nhận vào ${n(files)} tệp.`,
      calibrated: 'Đã ghi trang căn chỉnh: in ra ở cỡ thật (100%, không co giãn), đặt lên phôi và soi trước ánh sáng.',
    },
    propose: {
      description: 'xuất tờ trình đề nghị ban chỉ đạo cấp trên công nhận mô hình (.docx) và gói hồ sơ (.zip) để cấp trên nhập bằng "dvk import"',
      to: 'cấp của ban chỉ đạo nhận đề nghị, ví dụ tinh (mặc định: propose.to trong dvk.config.yaml)',
      select: 'mô hình được đề nghị: exemplary (các mô hình tiêu biểu, mặc định), recognized (mọi mô hình được công nhận) hoặc các mã mô hình cách nhau bằng dấu phẩy',
      number: 'số tờ trình (mặc định: propose.number trong dvk.config.yaml; bỏ trống để ghi tay)',
      output: 'tệp .docx cần ghi; gói hồ sơ .zip ghi bên cạnh, cùng tên (mặc định: out/de-nghi-<năm>-<cấp>-<cấp trên>.docx)',
      examples:
        '\nVí dụ:\n  dvk propose --to tinh\n  dvk propose --to tinh --select recognized --number 21 --date 2023-12-26\n  dvk propose --to tinh --select DT-2023-CA-01,DT-2023-HM-01 -o out/de-nghi-tinh.docx\n\nGói .zip gồm tệp các mô hình được đề nghị, phiếu chấm của cấp này, bộ tiêu chí đã dùng, các tệp minh chứng và manifest.json (cơ quan đề nghị, commit git, ngày, mã kiểm tra SHA-256 từng tệp). Ban chỉ đạo cấp trên nhận bằng: dvk import de-nghi-2023-huyen-tinh.zip',
      needTo: (levels: string[]): Msg => ({ message: 'Chưa biết đề nghị lên cấp nào.', hint: `Thêm --to (một trong ${l(levels, false)}), hoặc ghi propose.to trong dvk.config.yaml.` }),
      sameLevel: (level: string): Msg => ({ message: `--to ${level} là chính cấp đang công nhận; đề nghị phải gửi lên cấp khác.`, hint: 'Ghi cấp của ban chỉ đạo cấp trên, ví dụ --to tinh.' }),
      unknownId: (id: string, suggestion?: string): Msg => ({
        message: `Không có mô hình ${q(id)} trong phạm vi đang xét.`,
        hint: suggestion ? `Có phải ý bạn là ${q(suggestion)}?` : 'Xem mã các mô hình bằng "dvk score"; kiểm tra --year và --level.',
      }),
      notRecognized: (id: string, level: string, reasons: string[]): Msg => ({
        message: `Mô hình ${id} chưa được công nhận ở ${level.toLowerCase()} nên không đề nghị lên được${reasons.length ? `: ${reasons.join('; ')}` : ''}.`,
        hint: 'Chỉ đề nghị mô hình đã được công nhận; xem "dvk score --explain ' + id + '".',
      }),
      noneSelected: (select: string): Msg => ({
        message: `Không có mô hình nào để đề nghị (--select ${select}).`,
        hint: 'Chưa có mô hình tiêu biểu thì dùng --select recognized, hoặc ghi mã các mô hình cần đề nghị.',
      }),
      done: (models: number, to: string, files: number, dirty: boolean) =>
        `Đã ghi tờ trình đề nghị ${to.toLowerCase()} công nhận ${n(models)} mô hình và gói hồ sơ ${n(files)} tệp.${dirty ? ' Lưu ý: có tệp trong gói chưa được commit vào git, nên mã commit trong manifest không khớp hoàn toàn với nội dung gói.' : ''}`,
    },
    bundle: {
      mixed: (file: string): Msg => ({ message: `${file} không phải gói đề nghị (.zip); không nhập gói đề nghị cùng lúc với bảng tính hay biểu mẫu.`, hint: 'Nhập các gói .zip trong một lệnh, các tệp khác trong lệnh khác.' }),
      sourceColumn: 'Nguồn',
      carried: (id: string, origin: string) => `Bộ tiêu chí ${id} của ${origin}, nhập từ gói đề nghị (dvk import); đổi mã để không trùng với bộ tiêu chí của kho này.`,
      history: (level: string, origin: string) => `Phiếu chấm ${level.toLowerCase()} của ${origin}, nhập từ gói đề nghị (dvk import), giữ làm lịch sử.`,
      notZip: (file: string): Msg => ({ message: `Tệp ${file} không phải gói đề nghị (.zip) đọc được.`, hint: 'Kiểm tra tệp có tải về đủ không; gói đề nghị do "dvk propose" tạo ra.' }),
      noManifest: (file: string): Msg => ({ message: `Tệp ${file} không có manifest.json nên không phải gói đề nghị của dvk.`, hint: 'Gói đề nghị do "dvk propose" tạo ra; đừng giải nén rồi nén lại.' }),
      badManifest: (file: string, where: string): Msg => ({ message: `manifest.json trong ${file} không hợp lệ (ở ${where}).`, hint: 'Gói đã bị sửa hoặc hỏng; đề nghị cơ quan gửi tạo lại bằng "dvk propose".' }),
      mismatch: (file: string, entry: string, key: string): Msg => ({
        message: `Tệp ${entry} trong gói ${file} không khớp với manifest.json (${key === 'YAML' ? 'không đọc được như YAML' : `khác ở khóa ${key}`}). Không nhập tệp nào.`,
        hint: 'Gói đã bị sửa; đề nghị cơ quan gửi tạo lại bằng "dvk propose".',
      }),
      version: (file: string, version: string): Msg => ({ message: `Gói ${file} có định dạng phiên bản ${version}, dvk này chỉ đọc phiên bản 1.`, hint: 'Cập nhật dvk lên phiên bản mới rồi nhập lại.' }),
      tampered: (file: string, entry: string, why: 'corrupt' | 'missing' | 'unlisted' | 'checksum'): Msg => ({
        message: `Gói ${file} không khớp với manifest.json: tệp ${entry} ${{ corrupt: 'bị hỏng, không giải nén được', missing: 'có trong danh sách nhưng không có trong gói', unlisted: 'có trong gói nhưng không có trong danh sách', checksum: 'có mã kiểm tra SHA-256 khác với manifest.json' }[why]}. Không nhập tệp nào.`,
        hint: 'Gói đã bị sửa hoặc hỏng trên đường gửi; đề nghị cơ quan gửi gửi lại (đối chiếu mã SHA-256 của gói ghi trong tờ trình).',
      }),
      noLevel: (level: string, levels: string[]): Msg => ({
        message: `Gói đề nghị từ cấp ${q(level)}, nhưng kho này không có cấp đó (các cấp: ${l(levels, false)}).`,
        hint: `Thêm ${level} vào levels trong dvk.config.yaml để giữ phiếu chấm của cấp đó làm lịch sử, rồi nhập lại.`,
      }),
      header: (name: string, from: string, to: string, year: number, day: string, models: number, commit?: string) =>
        `Gói đề nghị của ${name}: ${from.toLowerCase()} đề nghị ${to.toLowerCase()}, năm ${year}, ngày ${date(day)}, ${n(models)} mô hình${commit ? `; commit ${commit.slice(0, 10)}` : ''}.`,
      added: (id: string, file: string, wouldAdd: boolean) => `${wouldAdd ? 'Sẽ thêm' : 'Đã thêm'} ${id}: ${file}`,
      framework: (id: string, as: string, file: string, written: boolean) =>
        written ? `Bộ tiêu chí ${id}: lưu thành ${as} (${file}).` : `Bộ tiêu chí ${id}: trùng với ${file} đã có, dùng chung.`,
      skipped: (id: string, why: string) => `Bỏ qua ${id}: ${why}.`,
      why: {
        imported: (file: string) => `đã nhập trước đây (${file})`,
        idTaken: (file: string) => `kho này đã có mô hình khác cùng mã (${file})`,
        exists: (file: string) => `tệp ${file} đã có, dvk không ghi đè`,
        unitLevel: (level: string) => `cấp đơn vị ${q(level)} không có trong levels của kho này`,
      },
      done: (added: number, skipped: number, dryRun: boolean) =>
        `${dryRun ? 'Chạy thử, không ghi tệp nào: sẽ thêm' : 'Đã thêm'} ${n(added)} mô hình${skipped ? `; bỏ qua ${n(skipped)}` : ''}.`,
      next: (level: string) => `Tiếp theo: thêm phiếu chấm ${level.toLowerCase()} vào assessments/, rồi "dvk validate" và "dvk score".`,
    },
    import: {
      source: (file: string, row: number) => `Nhập từ ${file}, dòng ${row} (dvk import).`,
      description: 'nhập mô hình từ bảng đăng ký (.xlsx hoặc .csv: mỗi dòng thành một tệp mô hình, điền sẵn bước đăng ký), từ phiếu .docx đã điền, hoặc từ gói đề nghị .zip của cấp dưới (dvk propose)',
      file: 'bảng tính .xlsx hoặc .csv (UTF-8); dòng đầu là tiêu đề cột',
      map: 'gán một cột cho một mục, dạng "Tiêu đề cột=khóa"; ghi nhiều lần được (các khóa: xem phần dưới)',
      unit: 'tên đơn vị đăng ký, cho các dòng không có cột hoặc ô "Đơn vị đăng ký"',
      unitCode: 'mã ngắn của đơn vị, ví dụ HM (mặc định: cột "Mã đơn vị", mã đơn vị đã dùng trong kho, hoặc chữ cái đầu của tên đơn vị)',
      level: 'cấp của đơn vị, cho các dòng không có cột hoặc ô "Cấp" (mặc định: cấp đơn vị đã dùng trong kho, hoặc cấp đầu tiên trong cấu hình)',
      year: 'năm thực hiện của mọi dòng (mặc định: năm của ngày đăng ký hoặc thời gian thực hiện ghi ở dòng đó, rồi year trong dvk.config.yaml)',
      field: 'lĩnh vực, cho các dòng không có cột hoặc ô "Lĩnh vực"',
      type: 'loại mô hình, cho các dòng không có cột hoặc ô "Loại"',
      sheet: 'trang tính cần đọc trong tệp .xlsx: tên hoặc số thứ tự (mặc định: trang đầu tiên có dữ liệu)',
      dryRun: 'chạy thử: không ghi tệp nào, chỉ liệt kê các tệp sẽ tạo',
      examples: '\nVí dụ:\n  dvk import dang-ky-2023.xlsx --dry-run\n  dvk import dang-ky-2023.xlsx\n  dvk import dang-ky.csv --unit "Ủy ban MTTQ phường Hòa Mạc" --unit-code HM --field van-hoa-xa-hoi\n  dvk import bieu-mau.xlsx --map "Tên sáng kiến=name" --map "Kết quả mong đợi=outputs"\n\nCột được nhận ra (không phân biệt chữ hoa, dấu, dấu câu, khoảng trắng): Tên mô hình; Thực trạng, lý do; Mục tiêu, tiêu chí; Nội dung, cách thức; Địa bàn, đối tượng; Lực lượng tham gia; Nguồn lực, tiến độ; Sản phẩm đầu ra; Khả năng duy trì, nhân rộng; Đơn vị đăng ký; Mã đơn vị; Cấp; Lĩnh vực; Loại; Ngày đăng ký; Thời gian thực hiện; Ngày bắt đầu; Ngày kết thúc; Kinh phí; Ngày công; Họ và tên; Ghi chú.\nKhóa dùng với --map: name, problem, goals, content, area, forces, resources, outputs, sustainability, unit, unit_code, level, field, type, date, time, start, end, funds, workdays, person, notes; ignore để bỏ qua một cột.\nTừ cột "Nguồn lực, tiến độ", dvk đọc kinh phí ("50 triệu đồng"), ngày công ("200 ngày công") và thời gian ("từ 01/4/2023 đến 30/11/2023"); không ghi đè tệp đã có.\n\nMã thoát: 0 mọi dòng đã nhập (lần này hoặc từ trước); 1 có dòng bị bỏ qua hoặc tệp không đọc được; 2 sai cách dùng hoặc cấu hình.',
      utf16: (file: string): Msg => ({
        message: `Tệp ${file} được lưu dạng UTF-16 (Unicode Text); dvk chỉ đọc tệp CSV mã UTF-8.`,
        hint: 'Mở tệp bằng Excel, chọn Lưu thành (Save As) với kiểu "CSV UTF-8 (Comma delimited) (*.csv)" hoặc "Excel Workbook (*.xlsx)", rồi chạy lại.',
      }),
      notUtf8: (file: string, line: number): Msg => ({
        message: `Tệp ${file} không phải văn bản mã UTF-8 (gặp byte lạ ở dòng ${n(line)}); có lẽ tệp được lưu bằng mã cũ (Windows-1258, TCVN3) nên chữ tiếng Việt sẽ bị sai.`,
        hint: 'Mở tệp bằng Excel, chọn Lưu thành (Save As) với kiểu "CSV UTF-8 (Comma delimited) (*.csv)" hoặc "Excel Workbook (*.xlsx)", rồi chạy lại.',
      }),
      oldXls: (file: string): Msg => ({
        message: `Tệp ${file} là bảng tính Excel đời cũ (.xls); dvk chỉ đọc .xlsx và .csv.`,
        hint: 'Mở tệp bằng Excel hoặc LibreOffice, lưu lại dạng "Excel Workbook (*.xlsx)", rồi chạy lại.',
      }),
      unknownFormat: (file: string): Msg => ({
        message: `Không biết đọc tệp ${file}: dvk chỉ đọc bảng tính .xlsx và .csv.`,
        hint: 'Lưu bảng đăng ký dạng .xlsx hoặc CSV UTF-8 rồi chạy lại.',
      }),
      badXlsx: (file: string, detail: string): Msg => ({
        message: `Không đọc được tệp ${file} như một bảng tính .xlsx (${detail}).`,
        hint: 'Kiểm tra tệp mở được bằng Excel; nếu được, lưu lại dạng .xlsx hoặc CSV UTF-8 rồi chạy lại.',
      }),
      badCsv: (file: string, line: number): Msg => ({
        message: `Tệp ${file} có lỗi cú pháp CSV ở dòng ${n(line)}.`,
        hint: 'Thường do dấu nháy kép (") không đóng. Mở tệp bằng Excel, sửa ô đó rồi lưu lại dạng CSV UTF-8.',
      }),
      noSheet: (name: string, names: string[]): Msg => ({ message: `Không có trang tính ${q(name)}.`, hint: `Các trang tính: ${l(names)}.` }),
      noRows: (file: string): Msg => ({ message: `Tệp ${file} không có dòng dữ liệu nào dưới dòng tiêu đề.`, hint: 'Dòng đầu là tiêu đề cột, mỗi dòng sau là một mô hình.' }),
      badMap: (value: string): Msg => ({ message: `--map ${q(value)} không đúng dạng.`, hint: 'Ghi dạng "Tiêu đề cột=khóa", ví dụ --map "Tên sáng kiến=name".' }),
      unknownKey: (key: string, keys: readonly string[], suggestion?: string): Msg => ({
        message: `Không có khóa ${q(key)} để dùng với --map.`,
        hint: suggestion ? `Có phải ý bạn là ${suggestion}? Các khóa: ${keys.join(', ')}; hoặc ignore để bỏ qua cột.` : `Chọn một trong: ${keys.join(', ')}; hoặc ignore để bỏ qua cột.`,
      }),
      mapNoColumn: (header: string, headers: string[]): Msg => ({ message: `Bảng không có cột ${q(header)} nêu trong --map.`, hint: `Các cột của bảng: ${l(headers)}.` }),
      noNameColumn: (headers: string[]): Msg => ({
        message: 'Không tìm thấy cột tên mô hình.',
        hint: `Đặt tiêu đề cột là "Tên mô hình", hoặc thêm --map "Tiêu đề cột=name". Các cột của bảng: ${l(headers)}.`,
      }),
      noUnit: { message: 'Bảng không có cột đơn vị đăng ký.', hint: 'Thêm cột "Đơn vị đăng ký", hoặc ghi --unit "Tên đơn vị" (và --unit-code).' } as Msg,
      noField: { message: 'Bảng không có cột lĩnh vực.', hint: 'Thêm cột "Lĩnh vực" (Kinh tế; Văn hóa - xã hội; Quốc phòng - an ninh; Xây dựng hệ thống chính trị), hoặc ghi --field.' } as Msg,
      unusedColumns: (headers: string[]) => `Không dùng ${headers.length === 1 ? 'cột' : `${n(headers.length)} cột`} ${l(headers)}; muốn nhập thì thêm --map "Tiêu đề cột=khóa".`,
      created: (file: string, id: string, row: number) => `Đã tạo ${file} (mã ${id}) từ dòng ${n(row)}.`,
      wouldCreate: (file: string, id: string, row: number) => `Sẽ tạo ${file} (mã ${id}) từ dòng ${n(row)}.`,
      skipped: (row: number, problems: string[]) => `Bỏ qua dòng ${n(row)}: ${problems.join('; ')}.`,
      done: (count: number, rows: number[], already: number, dryRun: boolean) =>
        count === 0 && rows.length === 0 && already > 0
          ? `Không có gì mới: ${already === 1 ? 'dòng duy nhất' : `cả ${n(already)} dòng`} đã được nhập từ trước (mô hình đã có trong kho).`
          : `${dryRun ? 'Chạy thử, không ghi tệp nào: sẽ tạo' : 'Đã tạo'} ${n(count)} tệp${already ? `; ${n(already)} dòng đã được nhập từ trước` : ''}${rows.length ? `; bỏ qua ${n(rows.length)} dòng: ${rows.map((r) => n(r)).join(', ')}` : ''}.`,
      notZip: 'tệp không phải gói nén .xlsx',
      next: 'Chạy "dvk validate" để kiểm tra, rồi ghi tiếp nội dung còn thiếu vào các tệp.',
      problem: {
        missingName: 'thiếu tên mô hình',
        missingUnit: 'thiếu đơn vị đăng ký',
        missingField: 'thiếu lĩnh vực',
        badField: (value: string) => `lĩnh vực ${q(value)} không rõ (ghi Kinh tế, Văn hóa - xã hội, Quốc phòng - an ninh hoặc Xây dựng hệ thống chính trị)`,
        badType: (value: string) => `loại ${q(value)} không rõ (ghi "tập thể" hoặc "cá nhân")`,
        badLevel: (value: string, levels: string[]) => `cấp ${q(value)} không có trong danh sách cấp (${levels.join(', ')})`,
        badDate: (value: string, column: string) => `ngày ${q(value)} ở cột ${q(column)} không có thật hoặc không đọc được (ghi ngày/tháng/năm, ví dụ 15/3/2023)`,
        badMoney: (value: string, column: string) => `không đọc được số tiền ${q(value)} ở cột ${q(column)} (ghi ví dụ 50 triệu đồng hoặc 50.000.000 đồng)`,
        badCount: (value: string, column: string) => `${q(value)} ở cột ${q(column)} không phải số nguyên`,
        noYear: 'không xác định được năm thực hiện (thêm --year, ghi year trong dvk.config.yaml hoặc ghi ngày đăng ký)',
        badYear: (year: number) => `năm ${year} nằm ngoài khoảng 2000–2100`,
        startBeforeDate: (start: string, date: string) => `ngày bắt đầu ${start} sớm hơn ngày đăng ký ${date}`,
        endBeforeStart: (end: string, start: string) => `ngày kết thúc ${end} sớm hơn ngày bắt đầu ${start}`,
        exists: (file: string) => `tệp ${file} đã có, dvk không ghi đè`,
        sameFile: (file: string, row: number) => `trùng tệp ${file} với dòng ${n(row)}`,
        idTaken: (id: string) => `mã ${id} đã có mô hình dùng`,
        invalid: (detail: string) => `dữ liệu tạo ra không hợp lệ: ${detail}`,
      },
    },
    fmt: {
      description: 'định dạng chuẩn các tệp YAML (thứ tự khóa theo lược đồ, Unicode NFC, giữ nguyên chú thích) để thay đổi trong git ngắn gọn, dễ xem xét',
      paths: 'tệp hoặc thư mục cần định dạng (mặc định: cả kho dữ liệu)',
      check: 'chỉ kiểm tra: liệt kê các tệp chưa đúng định dạng, mã thoát 1 nếu có',
      write: 'ghi lại các tệp chưa đúng định dạng',
      examples: '\nVí dụ:\n  dvk fmt --check                   liệt kê các tệp chưa đúng định dạng\n  dvk fmt --write                   định dạng lại cả kho dữ liệu\n  dvk fmt --write models/2023/HM\n  dvk fmt models/2023/HM/rac.yaml   in nội dung tệp đã định dạng\n\nKhông có --check hay --write: nêu một tệp thì in tệp đó đã định dạng; nêu nhiều tệp hoặc thư mục thì làm như --check.\nMã thoát: 0 mọi tệp đã đúng định dạng hoặc đã ghi xong; 1 có tệp chưa đúng định dạng (với --check) hoặc có tệp lỗi bị bỏ qua; 2 sai cách dùng; 70 lỗi nội bộ.',
      stdinWrite: { message: 'Không ghi lại được đầu vào chuẩn (-) với --write.', hint: 'Bỏ --write: dvk fmt - in nội dung đã định dạng ra đầu ra chuẩn.' } as Msg,
      checkAndWrite: { message: 'Không dùng --check cùng với --write.', hint: 'Dùng --check để xem tệp nào chưa đúng định dạng, --write để ghi lại các tệp đó.' } as Msg,
      unformatted: (count: number, total: number) => `${n(count)}/${n(total)} tệp chưa đúng định dạng; chạy "dvk fmt --write" để sửa.`,
      formatted: (total: number, clean: boolean) => `${clean ? '✔ ' : ''}${n(total)} tệp ${clean ? '' : 'còn lại '}đã đúng định dạng.`,
      written: (count: number, total: number, clean: boolean) =>
        count ? `Đã định dạng lại ${n(count)}/${n(total)} tệp.` : `${clean ? '✔ ' : ''}${n(total)} tệp ${clean ? '' : 'còn lại '}đã đúng định dạng, không phải ghi lại tệp nào.`,
      skipped: (count: number) => `Bỏ qua ${n(count)} tệp có lỗi; sửa các lỗi trên rồi chạy lại "dvk fmt".`,
      unsafe: (file: string, why: 'meaning' | 'comments'): Msg => ({
        message: `Lỗi nội bộ của dvk: định dạng lại ${file} sẽ làm ${why === 'meaning' ? 'thay đổi dữ liệu' : 'mất hoặc sai lệch chú thích'}, nên tệp được giữ nguyên.`,
        hint: 'Đây là lỗi của chương trình, không phải của dữ liệu. Gửi tệp này cho nhóm phát triển.',
      }),
      failed: (file: string, detail: string): Msg => ({
        message: `Lỗi nội bộ của dvk khi định dạng ${file}: ${detail}`,
        hint: 'Tệp được giữ nguyên. Đây là lỗi của chương trình, không phải của dữ liệu; gửi tệp này cho nhóm phát triển.',
      }),
    },
    prompts: {
      intro: 'Tạo tệp mô hình mới: trả lời từng câu hỏi; Enter để chọn giá trị trong ngoặc vuông.',
      name: 'Tên mô hình: ',
      unit: 'Tên đơn vị thực hiện: ',
      unitCode: (initials: string) => `Mã ngắn của đơn vị, dùng trong mã mô hình [${initials}]: `,
      field: 'Lĩnh vực (1 Kinh tế, 2 Văn hóa – xã hội, 3 Quốc phòng – an ninh, 4 Xây dựng hệ thống chính trị): ',
      type: 'Loại (1 mô hình tập thể, 2 điển hình cá nhân) [1]: ',
      level: (levels: string[], initial: string) => `Cấp của đơn vị (${levels.join(', ')}) [${initial}]: `,
      year: (year: number) => `Năm thực hiện [${year}]: `,
      again: (answer: string) => (answer ? `Chưa dùng được ${q(answer)}; ghi lại.` : 'Cần ghi nội dung.'),
      cancelled: { message: 'Đã hủy; không tạo tệp nào.' } as Msg,
    },
    newCommand: 'tạo tệp mới từ mẫu',
    newModel: {
      description: 'tạo tệp mô hình mới, có chú thích tiếng Việt cho từng mục',
      file: 'đường dẫn tệp (mặc định: models/<năm>/<mã đơn vị>/<tên>.yaml)',
      name: 'tên mô hình',
      type: 'loại mô hình',
      field: 'lĩnh vực',
      unit: 'tên đơn vị thực hiện',
      unitCode: 'mã ngắn của đơn vị, ví dụ HM',
      level: 'cấp của đơn vị',
      year: 'năm thực hiện',
      id: 'mã mô hình (mặc định: tạo theo id_pattern trong dvk.config.yaml)',
      examples: '\nVí dụ:\n  dvk new model --name "Dân vận khéo trong xây dựng nông thôn mới" --unit "UBND xã Mộc Nam" --unit-code MN --field kinh-te',
      missingFlags: (flags: string[]): Msg => ({
        message: `Thiếu ${l(flags, false)}: dvk chỉ hỏi khi chạy trong cửa sổ dòng lệnh, ở đây cần ghi đủ các tùy chọn.`,
        hint: 'Ví dụ: dvk new model --name "Dân vận khéo trong xây dựng nông thôn mới" --unit "UBND xã Mộc Nam" --unit-code MN --field kinh-te',
      }),
      badId: (id: string): Msg => ({ message: `Mã ${q(id)} không hợp lệ.`, hint: 'Mã gồm chữ in hoa không dấu, chữ số và dấu gạch ngang, ví dụ DT-2023-HM-01.' }),
      idTaken: (id: string): Msg => ({ message: `Mã ${q(id)} đã có mô hình dùng.`, hint: 'Chọn mã khác với --id, hoặc bỏ --id để dvk tự tạo mã.' }),
      exists: (file: string): Msg => ({ message: `Tệp ${file} đã có; dvk không ghi đè.`, hint: 'Chọn tên tệp khác hoặc xóa tệp cũ.' }),
      created: (file: string, id: string) => `Đã tạo ${file} (mã ${id}). Mở tệp, ghi nội dung rồi chạy "dvk validate ${file}".`,
    },
    forms: {
      description: 'phiếu Word (.docx) có ô nhập liệu để đơn vị điền rồi gửi lại: phiếu đăng ký mô hình, phiếu tổng kết một mô hình',
      register: 'phiếu đăng ký mô hình để trống, ghi sẵn đơn vị và năm nếu có',
      review: 'phiếu tổng kết (bước 4) của một mô hình, ghi sẵn những gì tệp mô hình đã có',
      id: 'mã mô hình, ví dụ DT-2023-CA-01',
      output: 'tệp .docx cần ghi (mặc định: out/phieu-dang-ky-<năm>.docx hoặc out/phieu-tong-ket-<mã>.docx)',
      unit: 'tên đơn vị ghi sẵn trên phiếu',
      year: 'năm ghi sẵn trên phiếu (mặc định: year trong dvk.config.yaml)',
      examples:
        '\nVí dụ:\n  dvk form register --unit "Ủy ban MTTQ phường Hòa Mạc"\n  dvk form review DT-2023-QS-01 -o phieu-tong-ket-qs.docx\n  dvk import phieu-dang-ky-hoa-mac.docx phieu-tong-ket-qs.docx\n  dvk import thu-muc-phieu/\n\nĐơn vị điền phiếu bằng Word hoặc LibreOffice (hoặc in ra viết tay rồi đánh máy lại), giữ nguyên các tiêu đề mục; "dvk import" đọc phiếu đã điền thành tệp mô hình.',
      written: (file: string) => `Đã ghi ${file}.`,
      next: 'Gửi phiếu cho đơn vị điền bằng Word hoặc LibreOffice, rồi nhập phiếu đã điền: dvk import <phiếu>.docx',
      badOutput: (file: string): Msg => ({ message: `Tệp ${q(file)} không có đuôi .docx.`, hint: 'Phiếu là văn bản Word: đặt tên tệp kết thúc bằng .docx.' }),
      noModel: (id: string, near: string | undefined): Msg => ({
        message: `Không có mô hình mã ${q(id)} trong kho dữ liệu (hoặc tệp của nó có lỗi).`,
        hint: near ? `Có phải ý bạn là ${near}? Xem "dvk status" để biết mã các mô hình.` : 'Xem "dvk status" để biết mã các mô hình; chạy "dvk validate" nếu tệp có lỗi.',
      }),
      importFiles: 'hoặc các phiếu .docx đã điền (tệp hoặc thư mục; xem "dvk form --help"), hoặc gói đề nghị .zip',
      update: 'cho phép phiếu thay nội dung đã có của tệp mô hình (mặc định chỉ ghi vào chỗ còn trống)',
      notDocx: (file: string): Msg => ({ message: `Tệp ${file} không phải văn bản Word .docx.`, hint: 'Mở tệp bằng Word hoặc LibreOffice và lưu lại dạng "Word Document (*.docx)".' }),
      oldWord: (file: string): Msg => ({ message: `Tệp ${file} là văn bản Word đời cũ (.doc).`, hint: 'Mở tệp bằng Word hoặc LibreOffice, lưu lại dạng "Word Document (*.docx)", rồi nhập lại.' }),
      badXml: (file: string, detail: string): Msg => ({ message: `Tệp ${file} bị hỏng, không đọc được nội dung (${detail}).`, hint: 'Mở tệp bằng Word hoặc LibreOffice; nếu mở được, lưu lại rồi nhập lại.' }),
      notForm: (file: string): Msg => ({
        message: `Tệp ${file} không phải phiếu của dvk: không thấy dòng "dvk-form …" hay thuộc tính nhận dạng phiếu.`,
        hint: 'Chỉ nhập được phiếu do "dvk form register" hoặc "dvk form review" tạo ra. Bảng đăng ký nhiều mô hình thì lưu dạng .xlsx hoặc .csv.',
      }),
      otherVersion: (file: string, kind: string, version: number, supported: number): Msg => ({
        message: `Phiếu ${file} theo mẫu ${kind} phiên bản ${version}; phiên bản dvk này chỉ đọc mẫu phiên bản ${supported}, nên không đọc phiếu để tránh hiểu sai nội dung.`,
        hint: version > supported ? 'Cập nhật dvk lên bản mới hơn rồi nhập lại.' : `Lập phiếu mới bằng "dvk form ${kind}", chép nội dung sang rồi nhập phiếu mới.`,
      }),
      unknownKind: (file: string, kind: string): Msg => ({ message: `Phiếu ${file} theo mẫu ${q(kind)} mà dvk không biết.`, hint: 'dvk đọc phiếu đăng ký (register) và phiếu tổng kết (review).' }),
      conflict: (file: string, ids: string[]): Msg => ({
        message: `Phiếu ${file} ghi nhận dạng không thống nhất (${ids.join(', ')}); dvk không đọc để tránh hiểu sai.`,
        hint: 'Lập lại phiếu bằng "dvk form", chép nội dung sang rồi nhập phiếu mới.',
      }),
      noForms: (folder: string): Msg => ({ message: `Thư mục ${folder} không có tệp .docx nào.`, hint: 'Chép các phiếu đã điền vào thư mục đó, hoặc nêu từng tệp.' }),
      mixed: { message: 'Không nhập phiếu .docx cùng lúc với bảng tính.', hint: 'Chạy "dvk import" riêng cho bảng tính (.xlsx, .csv) và riêng cho các phiếu (.docx).' } as Msg,
      oneSheet: { message: 'Mỗi lần chỉ nhập được một bảng tính.', hint: 'Chạy "dvk import" cho từng bảng tính.' } as Msg,
      source: (file: string) => `Nhập từ phiếu ${file} (dvk import).`,
      created: (file: string, id: string, form: string) => `Đã tạo ${file} (mã ${id}) từ phiếu ${form}.`,
      wouldCreate: (file: string, id: string, form: string) => `Sẽ tạo ${file} (mã ${id}) từ phiếu ${form}.`,
      updated: (file: string, id: string, keys: string[], form: string) => `Đã cập nhật ${file} (mã ${id}: ${keys.join(', ')}) từ phiếu ${form}.`,
      wouldUpdate: (file: string, id: string, keys: string[], form: string) => `Sẽ cập nhật ${file} (mã ${id}: ${keys.join(', ')}) từ phiếu ${form}.`,
      refused: (form: string, reason: string) => `Bỏ qua phiếu ${form}: ${reason}`,
      withErrors: 'phiếu có lỗi (xem ở trên); sửa phiếu rồi nhập lại.',
      overwrite: (file: string, keys: string[]) => `phiếu sẽ thay nội dung đã có của ${file} (${keys.join(', ')}); thêm --update nếu đúng là muốn thay.`,
      unknownModel: (id: string) => `không có mô hình mã ${id} trong kho dữ liệu (hoặc tệp của nó có lỗi).`,
      sameModel: (id: string, form: string) => `phiếu ${form} cũng ghi cho mô hình ${id}; mỗi lần chỉ nhập một phiếu cho một mô hình.`,
      invalid: (detail: string) => `dữ liệu tạo ra không hợp lệ: ${detail}`,
      done: (s: { forms: number; created: number; updated: number; unchanged: number; refused: number; dryRun: boolean }) =>
        `${s.dryRun ? 'Chạy thử, không ghi tệp nào: ' : ''}${n(s.forms)} phiếu: ${s.dryRun ? 'sẽ tạo' : 'tạo'} ${n(s.created)} tệp, ${s.dryRun ? 'sẽ cập nhật' : 'cập nhật'} ${n(s.updated)} tệp, ${n(s.unchanged)} phiếu không có gì mới, bỏ qua ${n(s.refused)} phiếu.`,
      validateNext: 'Chạy "dvk validate" để kiểm tra các tệp vừa ghi.',
      problem: {
        missing: (label: string): Msg => ({ message: `Không thấy mục ${q(label)} trong phiếu (cả ô nhập liệu lẫn tiêu đề mục đều đã bị xóa hoặc sửa).`, hint: `Thêm lại dòng "${label}: …" vào phiếu, hoặc lập phiếu mới bằng "dvk form".` }),
        empty: (label: string): Msg => ({ message: `Mục ${q(label)} để trống.`, hint: 'Ghi mục này vào phiếu rồi nhập lại (hoặc ghi thẳng vào tệp mô hình); còn để trống thì bước chưa được coi là đầy đủ.' }),
        emptyRequired: (label: string): Msg => ({ message: `Mục ${q(label)} để trống nên không tạo được tệp mô hình.`, hint: 'Ghi mục này vào phiếu rồi nhập lại.' }),
        badDate: (label: string, value: string): Msg => ({ message: `Mục ${q(label)}: ${q(value)} không phải ngày có thật hoặc không đọc được.`, hint: 'Ghi ngày/tháng/năm, ví dụ 15/3/2023.' }),
        badMoney: (label: string, value: string): Msg => ({ message: `Mục ${q(label)}: không đọc được số tiền ${q(value)}.`, hint: 'Ghi ví dụ 50 triệu đồng hoặc 50.000.000.' }),
        badCount: (label: string, value: string): Msg => ({ message: `Mục ${q(label)}: ${q(value)} không phải số nguyên.`, hint: 'Ghi một số, ví dụ 1.200 hoặc 1200.' }),
        badYear: (label: string, value: string): Msg => ({ message: `Mục ${q(label)}: ${q(value)} không phải năm (bốn chữ số, từ 2000 đến 2100).`, hint: 'Ghi ví dụ 2023.' }),
        badChoice: (label: string, value: string, choices: readonly string[]): Msg => ({ message: `Mục ${q(label)}: ${q(value)} không phải một lựa chọn của mục này.`, hint: `Ghi một trong: ${l(choices)}.` }),
        rowNoName: (label: string, row: number): Msg => ({ message: `Mục ${q(label)}, dòng ${n(row)} của bảng: cột đầu để trống.`, hint: 'Ghi tên vào cột đầu, hoặc xóa hẳn dòng đó.' }),
        rowBadValue: (label: string, row: number, value: string): Msg => ({ message: `Mục ${q(label)}, dòng ${n(row)} của bảng: ${value ? `${q(value)} không phải số` : 'chưa ghi số lượng'}.`, hint: 'Ghi số lượng bằng số, ví dụ 3,5 hoặc 120.' }),
        notTable: (label: string): Msg => ({ message: `Mục ${q(label)}: không thấy bảng, không đọc được nội dung.`, hint: 'Ghi mỗi kết quả một dòng trong bảng của phiếu: nội dung, số lượng, đơn vị tính.' }),
        noFigures: { message: 'Mục "Kết quả đạt được" chưa có số liệu nào.', hint: 'Ghi ít nhất một số liệu: số người tham gia, số hộ, kinh phí, ngày công hoặc một kết quả khác.' } as Msg,
        levelDefault: (level: string): Msg => ({ message: `Mục "Cấp của đơn vị" để trống; dvk dùng ${level.toLocaleLowerCase('vi')}.`, hint: 'Nếu không đúng, ghi cấp vào phiếu rồi nhập lại với --update, hoặc sửa unit.level trong tệp mô hình.' }),
        noYear: { message: 'Không xác định được năm đăng ký: phiếu không ghi năm, ngày đăng ký hay ngày bắt đầu.', hint: 'Ghi mục "Năm đăng ký" hoặc "Ngày đăng ký" vào phiếu rồi nhập lại.' } as Msg,
        startBeforeDate: (start: string, date: string): Msg => ({ message: `Ngày bắt đầu ${start} sớm hơn ngày đăng ký ${date}.`, hint: 'Sửa một trong hai ngày trong phiếu rồi nhập lại.' }),
        endBeforeStart: (end: string, start: string): Msg => ({ message: `Ngày kết thúc ${end} sớm hơn ngày bắt đầu ${start}.`, hint: 'Sửa một trong hai ngày trong phiếu rồi nhập lại.' }),
        reviewBeforeStart: (date: string, start: string): Msg => ({ message: `Ngày tổng kết ${date} sớm hơn ngày bắt đầu thực hiện mô hình ${start}.`, hint: 'Sửa ngày tổng kết trong phiếu rồi nhập lại.' }),
        modelMismatch: (ids: string[]): Msg => ({ message: `Phiếu ghi mã mô hình không thống nhất (${ids.join(', ')}).`, hint: 'Lập lại phiếu bằng "dvk form review <mã>" rồi chép nội dung sang.' }),
      },
    },
    places: {
      notFolder: (dir: string): Msg => ({ message: `${q(dir)} không phải là thư mục.`, hint: 'Với -C, ghi đường dẫn thư mục của kho dữ liệu.' }),
      placed: (top: string, sub: string, files: string[]) =>
        `Kho dữ liệu ở ${sub} trong kho git có gốc là ${top}: ${l(files, false)} được đặt ở gốc kho git, vì GitHub và pre-commit chỉ đọc chúng ở đó; đường dẫn bên trong tính từ gốc kho.`,
      kept: (file: string, text: string) => {
        const why =
          file === '.github/CODEOWNERS' ? 'GitHub chỉ đọc một tệp CODEOWNERS; thêm vào tệp đó các dòng sau:'
          : file === '.pre-commit-config.yaml' ? 'pre-commit chỉ đọc tệp ở gốc kho; thêm vào danh sách repos: của tệp đó mục sau:'
          : 'GitHub chạy mọi tệp trong .github/workflows/; lưu nội dung sau thành một tệp khác trong thư mục đó (ví dụ dvk-kho.yml), hoặc ghép vào tệp đã có:';
        return `Cảnh báo: ${file} đã có ở gốc kho git; dvk không ghi đè. ${why}\n${text.replace(/^/gm, '    ')}`;
      },
    },
  },
  // Reliability and safety: what dvk refuses to read or write, and why.
  safety: {
    pathOutside: (name: string, value: string): Msg => ({
      message: `paths.${name} trỏ ra ngoài kho dữ liệu: ${q(value)}.`,
      hint: 'Ghi đường dẫn tương đối từ thư mục chứa dvk.config.yaml, không dùng .. hay đường dẫn tuyệt đối.',
    }),
    outAmongInputs: (value: string, name: string): Msg => ({
      message: `paths.out (${q(value)}) trùng hoặc lồng với thư mục dữ liệu ${name}: văn bản xuất ra có thể ghi đè dữ liệu.`,
      hint: 'Đặt paths.out là một thư mục riêng, ví dụ out.',
    }),
    controlCharacter: (code: string, at: number): Msg => ({
      message: `Văn bản chứa ký tự điều khiển ${code} (ở ký tự thứ ${n(at)}), không hiển thị được nhưng có thể làm sai lệch màn hình, nhật ký CI hoặc văn bản xuất ra.`,
      hint: 'Xóa ký tự này: gõ lại đoạn văn bản, hoặc dán vào trình soạn thảo dưới dạng văn bản thuần.',
    }),
    outputExtension: (file: string, ext: string): Msg => ({
      message: `Không ghi ${file}: tệp xuất phải có đuôi ${ext}.`,
      hint: `Đặt tên tệp kết thúc bằng ${ext}, ví dụ out/quyet-dinh${ext}.`,
    }),
    outputNotFile: (file: string): Msg => ({
      message: `Không ghi ${file}: đây không phải tệp thường (thư mục, thiết bị hoặc FIFO).`,
      hint: 'Ghi ra một tệp trong thư mục out/.',
    }),
    outputNotFolder: (dir: string): Msg => ({
      message: `Không ghi vào ${dir}: đây không phải thư mục.`,
      hint: 'Với --by, -o là một thư mục (dvk tạo nếu chưa có).',
    }),
    outputIsInput: (file: string): Msg => ({
      message: `Không ghi ${file}: đây là dữ liệu đầu vào của kho (tệp cấu hình, mô hình, phiếu chấm, bộ tiêu chí hoặc minh chứng).`,
      hint: 'Văn bản xuất ra đặt ở thư mục out/, không ghi đè lên dữ liệu.',
    }),
    tooLarge: (file: string, bytes: number, max: number): Msg => ({
      message: `${file} quá lớn: ${n(bytes)} byte, giới hạn ${n(max)} byte.`,
      hint: 'Chia bảng thành nhiều tệp nhỏ hơn rồi nhập từng tệp.',
    }),
    notRegular: (file: string): Msg => ({
      message: `${file} không phải tệp thường (thư mục, FIFO hoặc thiết bị).`,
      hint: 'Ghi đường dẫn một tệp .xlsx hoặc .csv.',
    }),
    unreadable: (folder: boolean, reason: string): Msg => ({
      message: `Không đọc được ${folder ? 'thư mục' : 'tệp'} này: ${reason === 'not-regular' ? 'đây không phải tệp thường (FIFO, thiết bị hoặc socket)' : reason === 'broken-link' ? 'liên kết tượng trưng trỏ tới nơi không có' : (FILE_ERROR_WORDS[reason] ?? reason)}.`,
      hint: `Cấp quyền đọc, sửa hoặc xóa ${folder ? 'thư mục' : 'tệp'} này. Khi còn tệp không đọc được, dvk không chấm điểm và không xuất văn bản, vì có thể thiếu mô hình.`,
    }),
    link: (target: string): Msg => ({
      message: `Liên kết tượng trưng trỏ tới ${q(target)}, nơi dvk không đọc (ngoài kho dữ liệu, trong thư mục ẩn, out/ hoặc evidence/).`,
      hint: 'dvk không đi theo liên kết mà đọc tệp ở chỗ của nó. Chép tệp vào kho thay cho liên kết, hoặc xóa liên kết.',
    }),
  },
};
