import { describe, expect, it } from 'vitest';
import { Lexicon } from './lexicon';
import { decodeIds, decodeLexicon, encodeIds, encodeLexicon, type WireLexicon } from './wire';

const lexicon = Lexicon.build([
  { id: 'ant-group', name: 'Ant Group', aliases: [{ text: 'Ant', ambiguous: true, context: ['Alipay'] }] },
  { id: 'alipay', name: 'Alipay', aliases: [{ text: '支付宝' }, { text: 'ALIPAY', caseSensitive: true }] },
]);
/** What the receiving side of an extension message gets. */
const sent = (w: WireLexicon): WireLexicon => structuredClone(w);

describe('lexicon message form', () => {
  it('survives structured cloning, as extension messages are sent, and finds the same mentions', () => {
    const copy = Lexicon.fromPayload(decodeLexicon(sent(encodeLexicon(lexicon.toPayload()))));
    const text = 'Ant runs Alipay; 支付宝 and an ant colony';
    expect(copy.mentions(text)).toEqual(lexicon.mentions(text));
  });
  it('sends company ids after the tables: until they arrive, ids are unknown but scanning works', async () => {
    const copy = Lexicon.fromPayload(decodeLexicon(sent(encodeLexicon(lexicon.toPayload()))));
    expect(copy.hasIds).toBe(false);
    expect(copy.companyId(1)).toBeUndefined();
    expect(copy.companyIds).toEqual([]);
    expect(copy.mentions('Alipay')).toHaveLength(1);
    let arrived = false;
    const waiting = copy.whenIds().then(() => (arrived = true));
    await Promise.resolve();
    expect(arrived).toBe(false);
    copy.provideIds(decodeIds(structuredClone(encodeIds(lexicon.toPayload()))));
    await waiting;
    expect(copy.hasIds).toBe(true);
    expect(copy.companyIds).toEqual(['ant-group', 'alipay']);
    expect(copy.companyId(1)).toBe('alipay');
  });
  it('sends company ids as one joined string, and as a list when an id has a line break', () => {
    expect(encodeIds(lexicon.toPayload())).toBe('ant-group\nalipay');
    const odd = Lexicon.build([{ id: 'a\nb', name: 'Odd Co', aliases: [] }, { id: 'c', name: 'Cee Co', aliases: [] }]);
    expect(encodeIds(odd.toPayload())).toEqual(['a\nb', 'c']);
    const copy = Lexicon.fromPayload(decodeLexicon(sent(encodeLexicon(odd.toPayload()))));
    copy.provideIds(encodeIds(odd.toPayload()));
    expect(copy.companyIds).toEqual(['a\nb', 'c']);
    // A payload whose ids are already joined is sent as it is.
    expect(encodeIds({ ...lexicon.toPayload(), companyIds: [], idText: 'ant-group\nalipay' })).toBe('ant-group\nalipay');
  });
  it('refuses ids that do not fit the tables', () => {
    const copy = Lexicon.fromPayload(decodeLexicon(sent(encodeLexicon(lexicon.toPayload()))));
    expect(() => copy.provideIds('only-one')).toThrow('Lexicon ids are unusable: 1 ids for 2 companies');
    expect(() => decodeIds([1, 2])).toThrow('Lexicon ids are neither a string nor a list of strings');
    expect(copy.hasIds).toBe(false);
  });
  it('names the field that is wrong', () => {
    const wire = encodeLexicon(lexicon.toPayload());
    expect(() => decodeLexicon({ ...wire, entries: new Int32Array(3) as never })).toThrow('Lexicon field "entries" is neither packed bytes');
    expect(() => decodeLexicon({ ...wire, entries: new Uint8Array(4) })).toThrow('"entries" has a truncated length');
    expect(() => decodeLexicon({ ...wire, companies: -1 })).toThrow('Lexicon field "companies" is not a count');
    // Entries naming a company beyond the count are refused where the lexicon is built.
    expect(() => Lexicon.fromPayload(decodeLexicon({ ...wire, companies: 1 }))).toThrow('names an unknown company');
    expect(() => decodeLexicon({} as never)).toThrow('Not a Company Lens lexicon message');
    // Tables of the wrong type are refused where the lexicon is built from the payload.
    expect(() => Lexicon.fromPayload(decodeLexicon({ ...wire, contextList: [1, 2] as never }))).toThrow('a table is missing or of the wrong type');
  });
  it("packs each entry's company and flags into three bytes, and unpacks them exactly", () => {
    // A context-only word has company -1, which must survive the packing too.
    const p = Lexicon.build([{ id: 'ant-group', name: 'Ant Group', aliases: [{ text: 'Ant', ambiguous: true, context: ['colony'] }] }]).toPayload();
    const wire = encodeLexicon(p);
    expect(wire.entries).toBeInstanceOf(Uint8Array);
    expect(wire.entries).toHaveLength(p.company.length * 3);
    const back = decodeLexicon(sent(wire));
    expect([...back.company]).toEqual([...p.company]);
    expect([...back.flags]).toEqual([...p.flags]);
    expect([...p.company]).toContain(-1);
    // Company numbers beyond three bytes travel unpacked.
    const huge = { ...p, company: p.company.map((c) => (c < 0 ? c : c + (1 << 21))) };
    const wide = encodeLexicon(huge);
    expect(wide.entries).not.toBeInstanceOf(Uint8Array);
    expect([...decodeLexicon(sent(wide)).company]).toEqual([...huge.company]);
  });
  it('refuses to encode a stored payload of an older release, saying so', () => {
    const older = { matcher: { format: 'company-lens-matcher', version: 1 }, companyIds: ['a'], company: new Int32Array(1) };
    expect(() => encodeLexicon(older as never)).toThrow('Lexicon payload is unusable: a format from an older release');
  });
  it('refuses a message in the format of an older release, saying so', () => {
    const old = { wire: 'company-lens-lexicon/2', matcher: {} } as unknown as WireLexicon;
    expect(() => decodeLexicon(old)).toThrow('Lexicon message format "company-lens-lexicon/2" is not the supported "company-lens-lexicon/3"');
  });
});
