// Small hand-made frameworks, score sheets and models for engine tests.
import type { Assessment, Framework, Model } from '../../src/core/types.js';

export function framework(over: Partial<Framework> = {}): Framework {
  return {
    kind: 'criteria',
    version: 1,
    id: 'f',
    title: 'Bộ tiêu chí thử',
    groups: [
      { id: 'G1', title: 'Nhóm 1', criteria: [{ id: 'a', title: 'A', max: 10 }, { id: 'b', title: 'B', max: 10 }] },
      { id: 'G2', title: 'Nhóm 2', criteria: [{ id: 'c', title: 'C', max: 20 }] },
    ],
    classes: [
      { id: 'tot', label: 'Tốt', min: 30 },
      { id: 'kha', label: 'Khá', min: 20 },
      { id: 'chua-dat', label: 'Chưa đạt', min: 0 },
    ],
    ...over,
  };
}

export function sheet(...marks: Record<string, number>[]): Assessment {
  return { kind: 'assessment', version: 1, model: 'M-1', level: 'huyen', framework: 'f', assessors: marks.map((scores, i) => ({ name: `TV${i + 1}`, scores })) };
}

export function model(over: Partial<Model> = {}): Model {
  return {
    kind: 'model',
    version: 1,
    id: 'M-1',
    name: 'Mô hình thử',
    type: 'collective',
    field: 'kinh-te',
    year: 2023,
    unit: { name: 'UBND xã A', code: 'A', level: 'xa' },
    steps: {
      register: {
        date: '2023-03-01', problem: 'Thực trạng', goals: ['Mục tiêu'], content: 'Nội dung', area: 'Địa bàn',
        forces: [{ name: 'Hội Phụ nữ', role: 'chủ trì' }], start: '2023-03-15', end: '2023-11-30', outputs: ['Sản phẩm'],
      },
      implement: { activities: [{ date: '2023-04-01', title: 'Hội nghị triển khai' }] },
      inspect: [{ date: '2023-08-01', by: 'Ban Dân vận', findings: 'Đúng kế hoạch' }],
      review: { date: '2023-11-30', results: { participants: 100 }, summary: 'Hiệu quả', lessons: ['Bài học'] },
    },
    ...over,
  };
}
