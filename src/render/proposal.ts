// The proposal to the committee one level up (Tờ trình đề nghị công nhận): header block, title,
// "Kính gửi", the grounds, the proposed models with their scores at this level, the bundle that
// carries their files, the signature; then the annex listing them.
import type { Document, FileChild } from 'docx';
import type { Row } from '../core/results.js';
import type { Config, LevelDef } from '../core/types.js';
import { documentDate, numberToWords } from '../core/words.js';
import { formatNumber } from '../i18n/format.js';
import { levelPhrase } from './certificate.js';
import { annexPart, withAnnex } from './decision.js';
import { quote } from './labels.js';
import { formatFor, numberText } from './official/format.js';
import { fill, headerBlock, para, signatureBlock, titleBlock } from './official/parts.js';

export interface ProposalInput {
  config: Config;
  year: number;
  level: LevelDef;
  to: LevelDef;
  number?: string;
  /** ISO date of signing. */
  date: string;
  /** The recognition decision at this level. */
  decision: { number?: string; date?: string };
  /** How many models this level recognised, and how many of them as exemplary. */
  recognized: { count: number; exemplary: number };
  /** The proposed models, in the order of the annex. */
  proposed: Row[];
  /** The bundle that goes with the document. */
  bundle: { file: string; sha256: string; models: number; frameworks: string[]; evidence: number };
}

const DEFAULT_SUMMARY = 'Về việc đề nghị công nhận mô hình, điển hình “Dân vận khéo” {level} năm {year}';

const counted = (n: number) => `${n} (${numberToWords(n)})`;

/** One proposed model as the list in the body names it. */
function describe(r: Row, level: LevelDef): string {
  const { model } = r;
  const score = formatNumber(r.result!.total.toFixed(r.result!.places), 'vi');
  const grade = `${score} điểm, xếp loại ${r.recognition?.class?.label ?? ''}${r.recognition?.exemplary ? `, tiêu biểu ${levelPhrase(level)}` : ''}`;
  return model.person
    ? `Điển hình ${model.person.name}${model.person.position ? `, ${model.person.position}` : ''}, ${model.unit.name}, với mô hình ${quote(model.name)} (${grade})`
    : `Mô hình ${quote(model.name)} của ${model.unit.name} (${grade})`;
}

export function proposalDocument(input: ProposalInput): Document {
  const { config, year, level, to } = input;
  const f = formatFor(config);
  const p = config.propose ?? {};
  const issuer = config.issuer ?? {};
  const from = issuer.name ?? '';
  const recipient = p.recipient ?? `Ban Chỉ đạo phong trào thi đua “Dân vận khéo” ${levelPhrase(to)}`;
  const vars = { year, level: levelPhrase(to) };
  const decision = `Quyết định số ${numberText(f.numbering.decision, input.decision.number, issuer.short ?? '')}${input.decision.date ? `, ${documentDate(input.decision.date)}` : ''} của ${from}`;

  const body: FileChild[] = [
    headerBlock(f, { config, pattern: f.numbering.proposal, number: input.number, date: input.date }),
    ...titleBlock(f, 'TỜ TRÌNH', fill(p.summary ?? DEFAULT_SUMMARY, vars)),
    para(f, [{ text: 'Kính gửi: ' }, { text: recipient }], { align: 'center', before: 240, after: 240 }),
  ];
  for (const basis of p.bases ?? []) body.push(para(f, fill(basis, vars), { indent: true, italics: f.kind === 'state' }));
  const { count, exemplary } = input.recognized;
  body.push(
    para(
      f,
      `Năm ${year}, ${from} đã đánh giá, công nhận ${counted(count)} mô hình, điển hình “Dân vận khéo” ${levelPhrase(level)} (${decision})${exemplary ? `, trong đó có ${counted(exemplary)} mô hình, điển hình tiêu biểu` : ''}.`,
      { indent: true },
    ),
  );
  const n = input.proposed.length;
  body.push(
    para(f, `Trên cơ sở kết quả chấm điểm, xếp loại, ${from} kính đề nghị ${recipient} xem xét, công nhận ${counted(n)} mô hình, điển hình “Dân vận khéo” ${levelPhrase(to)} năm ${year} (có danh sách kèm theo), gồm:`, { indent: true }),
  );
  input.proposed.forEach((r, i) => body.push(para(f, `${i + 1}. ${describe(r, level)}${i === n - 1 ? '.' : ';'}`, { indent: true })));
  const b = input.bundle;
  const parts = [`${b.models} tệp mô hình`, `${b.models} phiếu chấm ${levelPhrase(level)}`, `bộ tiêu chí ${b.frameworks.join(', ')}`];
  if (b.evidence) parts.push(`${b.evidence} tệp minh chứng`);
  body.push(para(f, `Hồ sơ kèm theo: tệp ${b.file} gồm ${parts.join(', ')}; mã kiểm tra SHA-256 của tệp: ${b.sha256}.`, { indent: true }));
  // The closing stays on the page of the signature.
  body.push(para(f, fill(p.closing ?? `Kính trình ${recipient} xem xét, quyết định.`, vars), { indent: true, keepNext: true }));
  body.push(para(f, '', { after: 120, keepNext: true }));
  const recipients = p.recipients ?? (f.kind === 'party' ? ['Như trên,', 'Lưu Văn phòng.'] : ['Như trên;', 'Lưu: VT.']);
  body.push(signatureBlock(f, { config, recipients }));

  const reference = numberText(f.numbering.proposal, input.number, issuer.short ?? '');
  const annex = annexPart(
    f,
    `MÔ HÌNH, ĐIỂN HÌNH “DÂN VẬN KHÉO” ĐỀ NGHỊ CÔNG NHẬN ${levelPhrase(to).toUpperCase()} NĂM ${year}`,
    `Kèm theo Tờ trình số ${reference}, ${documentDate(input.date)} của ${from}`,
    input.proposed,
  );
  return withAnnex(f, `Tờ trình đề nghị công nhận mô hình, điển hình “Dân vận khéo” ${levelPhrase(to)} năm ${year}`, body, annex);
}
