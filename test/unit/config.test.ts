import { describe, expect, it } from 'vitest';
import { dataKindOf, pathsOf } from '../../src/core/config.js';

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
