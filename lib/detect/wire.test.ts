import { describe, expect, it } from 'vitest';
import { Lexicon } from './lexicon';
import { decodeLexicon, encodeLexicon } from './wire';

const lexicon = Lexicon.build([
  { id: 'ant-group', name: 'Ant Group', aliases: [{ text: 'Ant', ambiguous: true, context: ['Alipay'] }] },
  { id: 'alipay', name: 'Alipay', aliases: [{ text: '支付宝' }] },
]);

describe('lexicon wire format', () => {
  it('survives a JSON round trip, as Chrome messaging does', () => {
    const copy = Lexicon.fromPayload(decodeLexicon(JSON.parse(JSON.stringify(encodeLexicon(lexicon.toPayload())))));
    const text = 'Ant runs Alipay; 支付宝 and an ant colony';
    expect(copy.mentions(text)).toEqual(lexicon.mentions(text));
    expect(copy.companyIds).toEqual(['ant-group', 'alipay']);
  });
  it('names the field that is wrong', () => {
    const wire = encodeLexicon(lexicon.toPayload());
    expect(() => decodeLexicon({ ...wire, flags: { t: 'i32', b64: '' } })).toThrow('Lexicon field "flags" is not a u8 array');
    expect(() => decodeLexicon({ ...wire, company: { t: 'i32', b64: btoa('abc') } })).toThrow('"company" has a truncated length');
    expect(() => decodeLexicon({} as never)).toThrow('Not a Company Lens lexicon message');
  });
});
