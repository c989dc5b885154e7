import { describe, expect, it } from 'vitest';
import { Matcher, MATCHER_VERSION, type BuildReport, type MatcherPayload } from './matcher';

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
  it('keeps case-sensitive names in a small side table, checked only for those names', () => {
    const entries = [{ text: 'Apple', caseSensitive: true }, { text: 'Ant' }, { text: 'Square Inc', caseSensitive: true }, { text: 'square' }];
    const cs = Matcher.build(entries);
    const p = cs.toPayload();
    expect(p.exactPos.length).toBe(2);
    expect(p.exactHash.length).toBe(2);
    const seen = (text: string) => cs.scan(text).map((h) => entries[h.value].text);
    expect(seen('Apple apple APPLE ant ANT')).toEqual(['Apple', 'Ant', 'Ant']);
    // A case-sensitive name that fails its case check still lets a shorter match through.
    expect(seen('Square Inc, square inc, SQUARE')).toEqual(['Square Inc', 'square', 'square']);
    expect(Matcher.build([{ text: 'Ant' }]).toPayload().exactPos.length).toBe(0);
  });
  it('numbers hits by position with buildDense, and maps positions back to entries', () => {
    const entries = [{ text: 'Gamma' }, { text: '...' }, { text: 'Alpha' }, { text: 'alpha' }, { text: 'Beta Two' }];
    const report: BuildReport = { skipped: [] };
    const { matcher, order } = Matcher.buildDense(entries, report);
    expect(report.skipped).toEqual([
      { index: 1, reason: 'empty' },
      { index: 3, reason: 'duplicate', of: 2 },
    ]);
    expect([...order].sort()).toEqual([0, 2, 4]);
    const hits = matcher.scan('alpha, beta two and gamma');
    expect(hits.map((h) => entries[order[h.value]].text)).toEqual(['Alpha', 'Beta Two', 'Gamma']);
    expect(matcher.toPayload().entryOf.length).toBe(0);
  });
  it('finds every one of 140,000 names, about eight to a bucket', () => {
    const entries = Array.from({ length: 140_000 }, (_, i) => ({ text: `Co${i.toString(36)} ${i % 7 === 0 ? 'Labs' : 'X'}` }));
    const big = Matcher.build(entries);
    expect(big.toPayload().bucket.length - 1).toBe(1 << 14);
    const text = entries.map((e) => e.text).join('; ');
    const hits = big.scan(text);
    expect(hits.length).toBe(entries.length);
    expect(hits.every((h, i) => h.value === i)).toBe(true);
    expect(big.scan('Co0 Y; Cozz X; Co1 Labs')).toEqual([]);
  });
  it('refuses a payload of an older release, and a damaged one, saying what is wrong', () => {
    const v1 = { format: 'company-lens-matcher', version: 1, maxTokens: 2, keyA: new Int32Array(16), keyB: new Int32Array(16), info: new Int32Array(16), exact: new Int32Array(16) };
    expect(() => Matcher.fromPayload(v1 as unknown as MatcherPayload)).toThrow(`version 1 is not the supported version ${MATCHER_VERSION}`);
    const good = m.toPayload();
    const damage = (patch: Partial<MatcherPayload>) => () => Matcher.fromPayload({ ...good, ...patch });
    expect(damage({ bucket: good.bucket.map((v, i) => (i === 1 ? 99 : v)) })).toThrow('bucket starts are not sorted');
    expect(damage({ low: new Uint8Array(1) })).toThrow('table lengths disagree');
    expect(damage({ bloom: new Int32Array(24) })).toThrow('not a power of two');
    expect(damage({ low: Array.from(good.low) as never })).toThrow('wrong type');
    expect(damage({ exactPos: new Int32Array([0, 1]) })).toThrow('case-sensitive table lengths disagree');
    expect(() => Matcher.fromPayload(structuredClone(good))).not.toThrow();
  });
});
