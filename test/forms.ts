// Forms for the tests: a form filled programmatically (as a unit types into Word's controls),
// the filled values and the model they must give, and edits of the XML that Word, LibreOffice
// and users make (split runs, tracked changes, controls renamed, nested or lost).
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { readSchemas } from '../src/cli/commands/fmt.js';
import { DEFAULT_LEVELS } from '../src/core/config.js';
import { formSpec, type FormKind } from '../src/core/forms/fields.js';
import type { FieldValue } from '../src/core/forms/read.js';
import { formDocx } from '../src/render/form.js';
import { FIXTURES } from './helpers.js';

export const schemas = readSchemas();
export const LEVELS = DEFAULT_LEVELS;

/** A form with the given text in its fields (keys as in the controls' tags). */
export function filledForm(kind: FormKind, values: Record<string, FieldValue>, model?: string): Uint8Array {
  return formDocx({ spec: formSpec(kind, schemas, LEVELS), values: new Map(Object.entries(values)), labels: {}, model });
}

/** The same .docx with one part's XML changed. */
export function editPart(docx: Uint8Array, edit: (xml: string) => string, part = 'word/document.xml'): Uint8Array {
  const files = unzipSync(docx);
  const out: Zippable = {};
  for (const [name, data] of Object.entries(files)) out[name] = name === part ? strToU8(edit(strFromU8(data))) : data;
  return zipSync(out);
}

/** What a unit types on each form (shared with scripts/make-example-forms.mjs). */
const FILLED = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'forms', 'filled.json'), 'utf8')) as Record<'register' | 'review', Record<string, FieldValue>>;
export const REGISTRATION = FILLED.register;
export const REVIEW = FILLED.review;

/** The model data that registration must become (without the id, which the workspace gives). */
export const REGISTERED = {
  kind: 'model',
  version: 1,
  name: 'Dân vận khéo trong vận động nhân dân hiến đất, mở rộng ngõ xóm tổ dân phố Bến',
  type: 'collective',
  field: 'van-hoa-xa-hoi',
  year: 2023,
  unit: { name: 'Ủy ban MTTQ phường Hòa Mạc', code: 'UBMPHM', level: 'xa' },
  steps: {
    register: {
      date: '2023-03-10',
      problem: 'Nhiều ngõ xóm chỉ rộng 1,5–2 m, xe cứu thương, xe chữa cháy không vào được.\nMột số hộ còn e ngại khi hiến đất.',
      goals: ['Mở rộng 3 tuyến ngõ lên tối thiểu 3,5 m', '100% hộ có đất liền ngõ đồng thuận hiến đất'],
      content: 'Tổ chức hội nghị lấy ý kiến nhân dân; cán bộ Mặt trận, đảng viên gương mẫu hiến đất trước; vận động từng hộ "mưa dầm thấm lâu".',
      area: 'Tổ dân phố Bến, phường Hòa Mạc; 86 hộ có đất liền ngõ',
      forces: [
        { name: 'Ủy ban MTTQ phường Hòa Mạc', role: 'chủ trì' },
        { name: 'Chi bộ tổ dân phố Bến', role: 'lãnh đạo' },
        { name: 'Ban công tác Mặt trận tổ dân phố Bến', role: 'tham gia' },
      ],
      resources: { funds_vnd: 350000000, socialized_vnd: 250000000, workdays: 600, facilities: 'Máy xúc, xe vận chuyển do doanh nghiệp trên địa bàn hỗ trợ' },
      start: '2023-04-01',
      end: '2023-11-30',
      outputs: ['3 tuyến ngõ được mở rộng, bê tông hóa', 'Biên bản hiến đất của các hộ'],
      sustainability: 'Tổ dân phố đưa việc giữ gìn ngõ xóm vào quy ước.',
    },
  },
};

/** The review step the review form of DT-2023-QS-01 must give. */
export const REVIEWED = {
  date: '2024-02-26',
  results: {
    participants: 3120,
    households: 1046,
    workdays: 410,
    other: [
      { label: 'Thanh niên nhập ngũ', value: 142, unit: 'người' },
      { label: 'Tỷ lệ hoàn thành chỉ tiêu giao quân', value: 100, unit: '%' },
    ],
  },
  summary: 'Hoàn thành 100% chỉ tiêu giao quân năm 2024, không có thanh niên trốn, né tránh khám tuyển; 12 doanh nghiệp cam kết tiếp nhận lại lao động.',
  lessons: ['Gặp gỡ tận nhà từng gia đình có thanh niên trong độ tuổi', 'Phối hợp chặt với doanh nghiệp nơi thanh niên làm việc'],
};
