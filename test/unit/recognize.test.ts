import { describe, expect, it } from 'vitest';
import { messages } from '../../src/i18n/index.js';
import { modelInfo } from '../../src/core/check.js';
import { addMonths, recognize } from '../../src/core/recognize.js';
import { score } from '../../src/core/score.js';
import type { Framework, Model } from '../../src/core/types.js';
import { framework, model, sheet } from './builders.js';

const vi = messages('vi');
const en = messages('en');

const withRecognition: Partial<Framework> = {
  gates: [
    { id: 'all-steps', title: 'Đủ bốn bước', require_steps: ['register', 'implement', 'inspect', 'review'] },
    { id: 'min-months', title: 'Tối thiểu 6 tháng', min_months: 6 },
  ],
  recognition: { min_class: 'kha', min_group_ratio: 0.5, exemplary: { min_class: 'tot' } },
};

function run(marks: { a: number; b: number; c: number }, over: Partial<Framework> = withRecognition, m: Model = model()) {
  const f = framework(over);
  return recognize(modelInfo(m), score(f, sheet(marks)), vi);
}

describe('addMonths', () => {
  it('adds calendar months and clamps to the month\'s last day', () => {
    expect(addMonths('2023-04-01', 6)).toBe('2023-10-01');
    expect(addMonths('2023-08-31', 6)).toBe('2024-02-29');
    expect(addMonths('2022-08-31', 6)).toBe('2023-02-28');
    expect(addMonths('2023-07-15', 12)).toBe('2024-07-15');
    expect(addMonths('2023-12-31', 1)).toBe('2024-01-31');
  });
});

describe('recognize', () => {
  it('classes: a total exactly on a minimum reaches that class', () => {
    expect(run({ a: 10, b: 10, c: 10 }).class?.id).toBe('tot'); // 30 = min of tot
    expect(run({ a: 10, b: 9.99, c: 10 }, { ...withRecognition, rounding: 0.01 }).class?.id).toBe('kha'); // 29.99
    expect(run({ a: 5, b: 5, c: 10 }).class?.id).toBe('kha'); // 20
    expect(run({ a: 5, b: 4.99, c: 10 }).class?.id).toBe('chua-dat');
  });

  it('recognises and marks exemplary when every condition holds', () => {
    const rec = run({ a: 10, b: 10, c: 10 });
    expect(rec).toMatchObject({ recognized: true, exemplary: true, reasons: [] });
  });

  it('recognised but not exemplary below the exemplary class', () => {
    const rec = run({ a: 6, b: 6, c: 10 });
    expect(rec.class?.id).toBe('kha');
    expect(rec.recognized).toBe(true);
    expect(rec.exemplary).toBe(false);
    expect(rec.reasons).toEqual([]);
  });

  it('min_class: below it is a reason', () => {
    const rec = run({ a: 4, b: 5, c: 10 }, { ...withRecognition, recognition: { min_class: 'kha', min_group_ratio: 0.4 } });
    expect(rec.recognized).toBe(false);
    expect(rec.reasons).toEqual([{ code: 'min-class', message: 'xếp loại Chưa đạt, thấp hơn loại Khá cần có để được công nhận' }]);
  });

  it('min_group_ratio: a group exactly at half passes, just below fails with the issue\'s wording', () => {
    expect(run({ a: 5, b: 5, c: 20 }).recognized).toBe(true); // G1 = 10/20 exactly half
    const rec = run({ a: 5, b: 4.5, c: 20 });
    expect(rec.class?.id).toBe('kha');
    expect(rec.recognized).toBe(false);
    expect(rec.reasons).toEqual([{ code: 'group-ratio', message: 'nhóm tiêu chí G1 chỉ đạt 9,5/20 điểm, chưa đạt 50% số điểm của nhóm' }]);
    const en1 = recognize(modelInfo(model()), score(framework(withRecognition), sheet({ a: 5, b: 4.5, c: 20 })), en);
    expect(en1.reasons[0]!.message).toBe("criteria group G1 scored only 9.5/20, below 50% of the group's points");
  });

  it('gate require_steps: an absent or incomplete step is a reason naming it', () => {
    const m = model();
    delete m.steps.inspect;
    m.steps.review = { date: '2023-11-30', summary: 'Hiệu quả' };
    const rec = run({ a: 10, b: 10, c: 10 }, withRecognition, m);
    expect(rec.recognized).toBe(false);
    expect(rec.reasons).toHaveLength(1);
    expect(rec.reasons[0]!.code).toBe('gate');
    expect(rec.reasons[0]!.message).toContain('bước 3');
    expect(rec.reasons[0]!.message).toContain('bước 4');
  });

  it('gate min_months: start + N months must fall on or before the review', () => {
    const m = model();
    m.steps.register!.start = '2023-05-31';
    m.steps.review!.date = '2023-11-30'; // 2023-05-31 + 6 months = 2023-11-30: passes
    expect(run({ a: 10, b: 10, c: 10 }, withRecognition, m).recognized).toBe(true);
    m.steps.review!.date = '2023-11-29';
    const rec = run({ a: 10, b: 10, c: 10 }, withRecognition, m);
    expect(rec.recognized).toBe(false);
    expect(rec.reasons[0]!.message).toBe(
      'thực hiện từ ngày 31/05/2023 đến ngày 29/11/2023, chưa đủ 6 tháng theo điều kiện “Tối thiểu 6 tháng”, cần tổng kết từ ngày 30/11/2023 trở đi',
    );
  });

  it('gate min_months without dates fails with a reason', () => {
    const m = model();
    delete m.steps.review;
    const rec = run({ a: 10, b: 10, c: 10 }, { ...withRecognition, gates: [{ id: 'min-months', min_months: 6 }] }, m);
    expect(rec.recognized).toBe(false);
    expect(rec.reasons[0]!.message).toBe('chưa có ngày tổng kết nên chưa tính được thời gian thực hiện');
  });

  it('every failed condition is a reason', () => {
    const m = model();
    m.steps.review!.date = '2023-06-01';
    const rec = run({ a: 2, b: 2, c: 10 }, withRecognition, m);
    expect(rec.reasons.map((r) => r.code)).toEqual(['gate', 'min-class', 'group-ratio']);
  });

  it('without a recognition section: recognised when gates pass and the class is not the lowest', () => {
    const none: Partial<Framework> = { gates: withRecognition.gates };
    expect(run({ a: 5, b: 5, c: 10 }, none).recognized).toBe(true);
    const low = run({ a: 1, b: 1, c: 1 }, none);
    expect(low.recognized).toBe(false);
    expect(low.reasons).toEqual([{ code: 'not-lowest', message: 'xếp loại Chưa đạt là mức thấp nhất' }]);
    expect(run({ a: 10, b: 10, c: 20 }, none).exemplary).toBe(false);
  });

  it('a total below every class gets no class and is not recognised', () => {
    const f: Partial<Framework> = { classes: [{ id: 'dat', label: 'Đạt', min: 10 }] };
    const rec = run({ a: 1, b: 1, c: 1 }, f);
    expect(rec.class).toBeUndefined();
    expect(rec.recognized).toBe(false);
    expect(rec.reasons[0]!.message).toBe('tổng điểm 3 không đạt mức xếp loại nào');
  });

  it('with the detail every condition is kept and says what was found, without it only the failed ones, as reasons; gates and groups name their subject', () => {
    const f = framework(withRecognition);
    const result = score(f, sheet({ a: 10, b: 10, c: 10 }));
    const full = recognize(modelInfo(model()), result, vi, true);
    expect(full.checks.map((c) => [c.code, c.subject, c.passed])).toEqual([
      ['gate', 'all-steps', true],
      ['gate', 'min-months', true],
      ['min-class', undefined, true],
      ['group-ratio', 'G1', true],
      ['group-ratio', 'G2', true],
      ['exemplary', undefined, true],
    ]);
    expect(full.checks.every((c) => c.message.length > 0)).toBe(true);
    expect(full.checks.filter((c) => c.subject === undefined).every((c) => !('subject' in c))).toBe(true);
    const brief = recognize(modelInfo(model()), result, vi, false);
    expect([brief.recognized, brief.exemplary, brief.class, brief.reasons]).toEqual([full.recognized, full.exemplary, full.class, []]);
    // Without the detail the passed conditions are not kept: 100,000 models' worth is memory.
    expect(brief.checks).toEqual([]);
    const failed = recognize(modelInfo(model()), score(f, sheet({ a: 5, b: 4.5, c: 20 })), vi, false);
    expect(failed.checks).toEqual([]);
    expect(failed.reasons).toEqual([{ code: 'group-ratio', message: 'nhóm tiêu chí G1 chỉ đạt 9,5/20 điểm, chưa đạt 50% số điểm của nhóm' }]);
  });

  it('a gate of steps alone does not count months; a gate of months fails too early or without a start', () => {
    const steps: Partial<Framework> = { gates: [{ id: 'all-steps', title: 'Đủ bốn bước', require_steps: ['register', 'review'] }] };
    const m = model();
    m.steps.review!.date = '2023-03-20'; // five days after the start
    expect(run({ a: 10, b: 10, c: 10 }, steps, m).checks.filter((c) => c.code === 'gate')).toHaveLength(1);
    expect(run({ a: 10, b: 10, c: 10 }, steps, m).recognized).toBe(true);
    const months = run({ a: 10, b: 10, c: 10 }, { gates: [{ id: 'min-months', title: 'Tối thiểu 6 tháng', min_months: 6 }] }, m);
    expect(months.recognized).toBe(false);
    expect(months.reasons.map((r) => r.code)).toEqual(['gate']);
    const none = model();
    delete none.steps.register;
    expect(run({ a: 10, b: 10, c: 10 }, { gates: [{ id: 'min-months', min_months: 6 }] }, none).recognized).toBe(false);
  });

  it('no exemplary check for a model not recognised, and no class check without a class', () => {
    expect(run({ a: 2, b: 2, c: 10 }).checks.map((c) => c.code)).not.toContain('exemplary');
    const f: Partial<Framework> = { ...withRecognition, gates: [], classes: [{ id: 'kha', label: 'Khá', min: 20 }], recognition: { min_class: 'kha' } };
    const rec = run({ a: 1, b: 1, c: 1 }, f);
    expect(rec.checks.map((c) => c.code)).toEqual(['class']);
    expect(rec.reasons).toEqual([{ code: 'class', message: 'tổng điểm 3 không đạt mức xếp loại nào' }]);
    const noRatio = run({ a: 1, b: 1, c: 20 }, { ...withRecognition, gates: [], recognition: { min_class: 'kha' } });
    expect(noRatio.checks.map((c) => c.code)).toEqual(['min-class']);
  });

  it('adds months across years and pads every part', () => {
    expect(addMonths('0999-01-05', 1)).toBe('0999-02-05');
    expect(addMonths('2023-11-30', 3)).toBe('2024-02-29');
  });
});
