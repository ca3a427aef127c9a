import { describe, expect, it } from 'vitest';
import { dataFolderOf, pathsOf } from '../../src/core/config.js';

describe('dataFolderOf', () => {
  it('names the data folder a file lies in, as the config names the folders', () => {
    const paths = pathsOf({});
    expect(dataFolderOf('models/2023/HM/a.yaml', paths)).toBe('models');
    expect(dataFolderOf('assessments/2023/huyen/a.yaml', paths)).toBe('assessments');
    expect(dataFolderOf('criteria/vd.yaml', paths)).toBe('criteria');
    expect(dataFolderOf('modelsx/a.yaml', paths)).toBeUndefined();
    expect(dataFolderOf('dvk.config.yaml', paths)).toBeUndefined();
    expect(dataFolderOf('models', paths)).toBeUndefined();
  });
  it('reads folders written with ./, a trailing slash or backslashes, and never takes the workspace itself for one', () => {
    const paths = pathsOf({ paths: { models: './data/models/', assessments: 'data\\sheets', criteria: '.' } });
    expect(dataFolderOf('data/models/a.yaml', paths)).toBe('models');
    expect(dataFolderOf('data/sheets/a.yaml', paths)).toBe('assessments');
    expect(dataFolderOf('criteria/vd.yaml', paths)).toBeUndefined();
    expect(dataFolderOf('other/vd.yaml', paths)).toBeUndefined();
  });
});
