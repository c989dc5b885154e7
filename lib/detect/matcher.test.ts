import { describe, expect, it } from 'vitest';
import { Matcher } from './matcher';

const names = [
  { text: 'Alibaba' },
  { text: 'Alibaba Cloud' },
  { text: 'Alibaba Group' },
  { text: 'JD.com' },
  { text: 'Pony.ai' },
  { text: 'Apple', caseSensitive: true },
  { text: '阿里巴巴' },
  { text: "McDonald's" },
  { text: 'Ant Group' },
];
const m = Matcher.build(names);
const found = (text: string) => m.scan(text).map((h) => [text.slice(h.start, h.end), names[h.value].text]);

describe('Matcher', () => {
  it('prefers the longest match at the leftmost position', () => {
    expect(found('Alibaba Cloud grew; Alibaba did too')).toEqual([
      ['Alibaba Cloud', 'Alibaba Cloud'],
      ['Alibaba', 'Alibaba'],
    ]);
  });
  it('handles possessives, hyphen compounds and dotted names', () => {
    expect(found('Alibaba’s rival, the Alibaba-backed JD.com and Pony.ai.')).toEqual([
      ['Alibaba', 'Alibaba'],
      ['Alibaba', 'Alibaba'],
      ['JD.com', 'JD.com'],
      ['Pony.ai', 'Pony.ai'],
    ]);
  });
  it('normalises white space, no-break spaces, line breaks and quotes inside names', () => {
    expect(found('Alibaba\u00a0Group and Alibaba\n   Cloud and McDonald’s')).toEqual([
      ['Alibaba\u00a0Group', 'Alibaba Group'],
      ['Alibaba\n   Cloud', 'Alibaba Cloud'],
      ['McDonald’s', "McDonald's"],
    ]);
  });
  it('respects word boundaries and case rules', () => {
    expect(found('Alibabas apple pie pineapple Apple')).toEqual([['Apple', 'Apple']]);
    expect(found('ALIBABA')).toEqual([['ALIBABA', 'Alibaba']]);
  });
  it('matches Chinese names with no word boundaries', () => {
    expect(found('据报道阿里巴巴集团宣布')).toEqual([['阿里巴巴', '阿里巴巴']]);
  });
  it('does not let a failed longer candidate hide a shorter one', () => {
    expect(found('Ant Groups and Alibaba Clouds')).toEqual([['Alibaba', 'Alibaba']]);
  });
  it('round-trips through its payload', () => {
    const copy = Matcher.fromPayload(structuredClone(m.toPayload()));
    expect(copy.scan('see Alibaba Group')).toEqual(m.scan('see Alibaba Group'));
  });
});
