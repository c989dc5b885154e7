import { describe, expect, it } from 'vitest';
import { Lexicon } from './lexicon';
import { decodeBase64, decodeLexicon, encodeArray, encodeLexicon, type WireLexicon } from './wire';

const lexicon = Lexicon.build([
  { id: 'ant-group', name: 'Ant Group', aliases: [{ text: 'Ant', ambiguous: true, context: ['Alipay'] }] },
  { id: 'alipay', name: 'Alipay', aliases: [{ text: '支付宝' }, { text: 'ALIPAY', caseSensitive: true }] },
]);
const viaJson = (w: WireLexicon): WireLexicon => JSON.parse(JSON.stringify(w));

describe('lexicon wire format', () => {
  it('survives a JSON round trip, as Chrome messaging does', () => {
    const copy = Lexicon.fromPayload(decodeLexicon(viaJson(encodeLexicon(lexicon.toPayload()))));
    const text = 'Ant runs Alipay; 支付宝 and an ant colony';
    expect(copy.mentions(text)).toEqual(lexicon.mentions(text));
    expect(copy.companyIds).toEqual(['ant-group', 'alipay']);
    expect(copy.companyId(1)).toBe('alipay');
  });
  it('sends company ids as one joined string, and as a list when an id has a line break', () => {
    const wire = encodeLexicon(lexicon.toPayload());
    expect(wire.ids).toBe('ant-group\nalipay');
    const decoded = decodeLexicon(viaJson(wire));
    expect(decoded.companyIds).toEqual([]);
    expect(Lexicon.fromPayload(decoded).companyId(0)).toBe('ant-group');
    const odd = Lexicon.build([{ id: 'a\nb', name: 'Odd Co', aliases: [] }, { id: 'c', name: 'Cee Co', aliases: [] }]);
    const oddWire = encodeLexicon(odd.toPayload());
    expect(oddWire.ids).toEqual(['a\nb', 'c']);
    expect(Lexicon.fromPayload(decodeLexicon(viaJson(oddWire))).companyIds).toEqual(['a\nb', 'c']);
    // A payload decoded once can be encoded again (its ids are already joined).
    expect(encodeLexicon(decoded).ids).toBe('ant-group\nalipay');
  });
  it('names the field that is wrong', () => {
    const wire = encodeLexicon(lexicon.toPayload());
    expect(() => decodeLexicon({ ...wire, arrays: { ...wire.arrays, entries: { t: 'i32', b64: '' } } })).toThrow('Lexicon field "entries" is not a u8 array');
    expect(() => decodeLexicon({ ...wire, arrays: { ...wire.arrays, entries: { t: 'u8', b64: btoa('abcd') } } })).toThrow('"entries" has a truncated length');
    expect(() => decodeLexicon({ ...wire, arrays: { ...wire.arrays, contextList: { t: 'i32', b64: btoa('abc') } } })).toThrow('"contextList" has a truncated length');
    expect(() => decodeLexicon({ ...wire, matcher: { ...wire.matcher, low: { t: 'u8', b64: 'a$==' } } })).toThrow('"matcher.low" is not valid base64');
    expect(() => decodeLexicon({ ...wire, ids: 3 as never })).toThrow('"ids" is neither');
    expect(() => decodeLexicon({} as never)).toThrow('Not a Company Lens lexicon message');
  });
  it("packs each entry's company and flags into three bytes, and unpacks them exactly", () => {
    // A context-only word has company -1, which must survive the packing too.
    const p = Lexicon.build([{ id: 'ant-group', name: 'Ant Group', aliases: [{ text: 'Ant', ambiguous: true, context: ['colony'] }] }]).toPayload();
    const wire = encodeLexicon(p);
    expect(wire.arrays.entries).toBeDefined();
    expect(wire.arrays.company).toBeUndefined();
    const back = decodeLexicon(viaJson(wire));
    expect([...back.company]).toEqual([...p.company]);
    expect([...back.flags]).toEqual([...p.flags]);
    expect([...p.company]).toContain(-1);
    // Company numbers beyond three bytes travel unpacked.
    const huge = { ...p, company: p.company.map((c) => (c < 0 ? c : c + (1 << 21))) };
    const wide = encodeLexicon(huge);
    expect(wide.arrays.entries).toBeUndefined();
    expect([...decodeLexicon(viaJson(wide)).company]).toEqual([...huge.company]);
  });
  it('refuses to encode a stored payload of an older release, saying so', () => {
    const older = { matcher: { format: 'company-lens-matcher', version: 1 }, companyIds: ['a'], company: new Int32Array(1) };
    expect(() => encodeLexicon(older as never)).toThrow('Lexicon payload is unusable: a format from an older release');
  });
  it('refuses a message in the format of an older release, saying so', () => {
    const old = { wire: 'company-lens-lexicon/1', matcher: {}, companyIds: [] } as unknown as WireLexicon;
    expect(() => decodeLexicon(old)).toThrow('Lexicon message format "company-lens-lexicon/1" is not the supported "company-lens-lexicon/2"');
  });
});

describe('decodeBase64', () => {
  it('agrees with atob for every length and byte value', () => {
    for (let n = 0; n < 70; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + n * 31) & 255);
      const b64 = encodeArray(bytes).b64;
      expect([...decodeBase64(b64)]).toEqual([...bytes]);
      expect(atob(b64).length).toBe(n);
    }
  });
  it('refuses characters outside the alphabet and bad lengths', () => {
    for (const bad of ['AAA', 'AA=A', 'A\u0141AA', 'AAA\u00c1', '-_AA']) expect(() => decodeBase64(bad, 'x')).toThrow('"x" is not valid base64');
  });
  it('returns a buffer of its own, so 32-bit views of it are aligned', () => {
    const out = decodeBase64(encodeArray(new Int32Array([1, -2, 3])).b64);
    expect(out.byteOffset).toBe(0);
    expect([...new Int32Array(out.buffer)]).toEqual([1, -2, 3]);
  });
});
