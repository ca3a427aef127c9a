import { describe, expect, it } from 'vitest';
import { configPaths, dataKindOf, levelsOf, pathsOf } from '../../src/core/config.js';
import { messages } from '../../src/i18n/index.js';

const m = messages('vi');

describe('dataKindOf', () => {
  it('names the kind of file the data folder it lies in holds, as the config names the folders', () => {
    const paths = pathsOf({});
    expect(dataKindOf('models/2023/HM/a.yaml', paths)).toBe('model');
    expect(dataKindOf('assessments/2023/huyen/a.yaml', paths)).toBe('assessment');
    expect(dataKindOf('criteria/vd.yaml', paths)).toBe('criteria');
    expect(dataKindOf('modelsx/a.yaml', paths)).toBeUndefined();
    expect(dataKindOf('dvk.config.yaml', paths)).toBeUndefined();
    expect(dataKindOf('models', paths)).toBeUndefined();
  });
  it('reads folders written with ./, a trailing slash or backslashes, and never takes the workspace itself for one', () => {
    const paths = pathsOf({ paths: { models: './data/models/', assessments: 'data\\sheets', criteria: '.' } });
    expect(dataKindOf('data/models/a.yaml', paths)).toBe('model');
    expect(dataKindOf('data/sheets/a.yaml', paths)).toBe('assessment');
    expect(dataKindOf('criteria/vd.yaml', paths)).toBeUndefined();
    expect(dataKindOf('other/vd.yaml', paths)).toBeUndefined();
  });
});

describe('defaults of dvk.config.yaml', () => {
  it('gives the four levels with the labels documents print, and keeps the configured ones', () => {
    expect(levelsOf({})).toEqual([
      { id: 'xa', label: 'Cấp xã' },
      { id: 'huyen', label: 'Cấp huyện' },
      { id: 'tinh', label: 'Cấp tỉnh' },
      { id: 'trung-uong', label: 'Trung ương' },
    ]);
    expect(levelsOf({ levels: ['tinh', 'trung-uong', 'xa'] })).toEqual([
      { id: 'tinh', label: 'Cấp tỉnh' },
      { id: 'trung-uong', label: 'Trung ương' },
      { id: 'xa', label: 'Cấp xã' },
    ]);
  });

  it('gives every folder its default name, and the configured one where there is one', () => {
    expect(pathsOf({})).toEqual({ models: 'models', assessments: 'assessments', criteria: 'criteria', evidence: 'evidence', out: 'out' });
    expect(pathsOf({ paths: { out: 'docs' } })).toEqual({ models: 'models', assessments: 'assessments', criteria: 'criteria', evidence: 'evidence', out: 'docs' });
  });
});

describe('configPaths', () => {
  it('takes a drive letter only at the start: a colon further on is part of a folder name', () => {
    expect(configPaths({ paths: { out: 'out/nam:2023' } }, m)).toEqual([]);
    expect(configPaths({ paths: { out: 'd:out' } }, m).map((f) => f.path)).toEqual([['paths', 'out']]);
  });

  it('names the folder out is among, with the value as written', () => {
    const [f, ...rest] = configPaths({ paths: { out: './evidence/docs/' } }, m);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: 'config-paths', severity: 'error', path: ['paths', 'out'] });
    expect(f!.message).toContain('./evidence/docs/');
    expect(f!.message).toContain('evidence');
  });
});
