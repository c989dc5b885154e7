import { describe, expect, it } from 'vitest';
import { highlightSlices, rangeSlices } from './highlight';

describe('highlightSlices', () => {
  it('marks the start of words, case-insensitively', () => {
    expect(highlightSlices('Tencent Music', ['tencent'])).toEqual([
      { text: 'Tencent', hit: true },
      { text: ' Music', hit: false },
    ]);
  });
  it('does not mark inside a word', () => {
    expect(highlightSlices('Xtransfer and transfer', ['transfer'])).toEqual([
      { text: 'Xtransfer and ', hit: false },
      { text: 'transfer', hit: true },
    ]);
  });
  it('marks CJK anywhere and keeps markup-looking text as text', () => {
    expect(highlightSlices('阿里巴巴', ['巴巴'])).toEqual([
      { text: '阿里', hit: false },
      { text: '巴巴', hit: true },
    ]);
    expect(highlightSlices('<b>Ant</b>', ['ant'])).toEqual([
      { text: '<b>', hit: false },
      { text: 'Ant', hit: true },
      { text: '</b>', hit: false },
    ]);
  });
  it('returns the whole text unmarked without terms', () => {
    expect(highlightSlices('Alipay', [])).toEqual([{ text: 'Alipay', hit: false }]);
    expect(highlightSlices('', ['x'])).toEqual([{ text: '', hit: false }]);
  });
  it('marks a clamped range', () => {
    expect(rangeSlices('abcdef', 2, 99)).toEqual([
      { text: 'ab', hit: false },
      { text: 'cdef', hit: true },
    ]);
  });
});
