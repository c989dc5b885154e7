import { describe, expect, it } from 'vitest';
import { Lexicon, type LexiconPayload } from './lexicon';

const lexicon = Lexicon.build([
  { id: 'apple', name: 'Apple Inc.', aliases: [{ text: 'Apple', ambiguous: true, context: ['iPhone'] }] },
  { id: 'ant-group', name: 'Ant Group', aliases: [{ text: 'Ant', ambiguous: true, context: ['Alipay'] }] },
  { id: 'alipay', name: 'Alipay', aliases: [{ text: '支付宝' }] },
]);
const named = (text: string) => lexicon.mentions(text).map((m) => [text.slice(m.start, m.end), lexicon.companyIds[m.companyIndex]]);

describe('Lexicon', () => {
  it('drops an ordinary-word alias with nothing to confirm it', () => {
    expect(named('An apple pie and an Apple a day.')).toEqual([]);
  });
  it('keeps it when the text names the company unambiguously, before or after', () => {
    expect(named('Apple said... Apple Inc. confirmed')).toEqual([
      ['Apple', 'apple'],
      ['Apple Inc', 'apple'],
    ]);
  });
  it('keeps it when a context word appears, even one that is another company', () => {
    expect(named('Ant runs Alipay')).toEqual([
      ['Ant', 'ant-group'],
      ['Alipay', 'alipay'],
    ]);
    expect(named('The new iPhone from Apple')).toEqual([['Apple', 'apple']]);
  });
  it('needs the capitals of a name made of plain words, not of a distinctive one', () => {
    const lex = Lexicon.build([
      { id: 'peoples-daily', name: "People's Daily", aliases: [] },
      { id: 'reserve-bank', name: 'Reserve Bank', aliases: [{ text: 'Central Reserve Bank' }] },
      { id: 'hsbc', name: 'HSBC Holdings', aliases: [] },
      { id: 'jd', name: 'JD.com', aliases: [] },
      { id: 'tosk', name: 'Tosk', aliases: [{ text: 'Tosk', caseSensitive: true }] },
    ]);
    const found = (text: string) => lex.mentions(text).map((m) => text.slice(m.start, m.end));
    expect(found("It changed people's daily lives; the reserve bank of capital; the central reserve bank.")).toEqual([]);
    expect(found("People's Daily reported that the Reserve Bank and the Central Reserve Bank met.")).toEqual(["People's Daily", 'Reserve Bank', 'Central Reserve Bank']);
    expect(found('hsbc holdings and jd.com')).toEqual(['hsbc holdings', 'jd.com']);
    expect(found('a tosk and Tosk')).toEqual(['Tosk']);
  });
  it('round-trips through its payload', () => {
    const copy = Lexicon.fromPayload(structuredClone(lexicon.toPayload()));
    expect(copy.mentions('Ant Group and 支付宝')).toEqual(lexicon.mentions('Ant Group and 支付宝'));
  });
  it('confirms by context word only within the same block when hits carry blocks', () => {
    const r = lexicon.resolver();
    const hits = (text: string, block: number) => lexicon.matcher.scan(text).map((h) => ({ ...h, block }));
    expect(r.add(hits('An Ant colony.', 0))).toEqual([]);
    expect(r.add(hits('Alipay is popular.', 1)).map((m) => m.companyIndex)).toEqual([2]);
    expect(r.add(hits('Ant runs Alipay', 2)).map((m) => lexicon.companyIds[m.companyIndex]).sort()).toEqual(['alipay', 'ant-group']);
    // An unambiguous name anywhere releases the earlier pending one.
    expect(r.add(hits('Ant Group', 3)).map((m) => m.block).sort()).toEqual([0, 3]);
  });
  it('keeps context words in a sparse table: only entries that are context words have a row', () => {
    const p = lexicon.toPayload();
    expect(p.contextEntry.length).toBe(2);
    expect(p.contextStart.length).toBe(3);
    expect([...p.contextList].sort()).toEqual([0, 1]);
    expect(p.company.length).toBe(lexicon.matcher.keyCount);
  });
  it('reads company ids one at a time, also from the joined form a content script receives', () => {
    expect(lexicon.companyId(1)).toBe('ant-group');
    expect(lexicon.companyIds).toEqual(['apple', 'ant-group', 'alipay']);
    const ids = Array.from({ length: 70 }, (_, i) => `id-${i}${'x'.repeat(i % 3)}`);
    const many = Lexicon.build(ids.map((id, i) => ({ id, name: `Name ${i}`, aliases: [] })));
    const joined = Lexicon.fromPayload({ ...many.toPayload(), companyIds: [], idText: ids.join('\n') });
    expect(ids.map((_, i) => joined.companyId(i))).toEqual(ids);
    expect(joined.companyId(70)).toBeUndefined();
    expect(joined.companyIds).toEqual(ids);
    expect(() => Lexicon.fromPayload({ ...many.toPayload(), companyIds: [], idText: ids.slice(1).join('\n') })).toThrow('unknown company');
  });
  it('refuses a payload of an older release or a damaged one, with a clear error', () => {
    const p = lexicon.toPayload();
    const older = { matcher: p.matcher, companyIds: p.companyIds, company: p.company, flags: p.flags, contextStart: new Int32Array(p.company.length + 1), contextList: new Int32Array(0) };
    expect(() => Lexicon.fromPayload(older as unknown as LexiconPayload)).toThrow('a format from an older release, expected version 2 (rebuild it from the dataset by syncing again)');
    expect(() => Lexicon.fromPayload({ ...p, version: 3 as never })).toThrow('version 3, expected version 2');
    expect(() => Lexicon.fromPayload({ ...p, flags: new Uint8Array(1) })).toThrow('per-entry tables disagree');
    expect(() => Lexicon.fromPayload({ ...p, company: p.company.map(() => 7) })).toThrow('names an unknown company');
    expect(() => Lexicon.fromPayload({ ...p, contextStart: new Int32Array([0, 5, 1]) })).toThrow('context table is malformed');
  });
});

describe('MentionResolver on a long page', () => {
  it('keeps 20,000 pending mentions through 20,000 context keys, then releases them at once', () => {
    const r = lexicon.resolver();
    const ant = lexicon.matcher.scan('Ant')[0];
    const ctx = lexicon.matcher.scan('iPhone')[0];
    // 20,000 blocks each with a pending "Ant" and a context word for another company.
    for (let b = 0; b < 20_000; b++) r.add([{ ...ant, block: b }, { ...ctx, block: b }]);
    expect(r.mentions().filter((m) => lexicon.companyIds[m.companyIndex] === 'ant-group')).toEqual([]);
    // One unambiguous name releases all of them at once.
    const released = r.add(lexicon.matcher.scan('Ant Group').map((h) => ({ ...h, block: 20_000 })));
    expect(released.length).toBe(20_001);
  });
});
