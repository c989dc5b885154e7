import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from './build';
import { loadSearchIndex } from './query';
import { fixtureDataset } from '../../test/fixtures/search-dataset';
import { cleanLookup, escapeXml, lookupTarget, omniboxSuggestions } from './lookup';

const index = loadSearchIndex(buildSearchIndex(fixtureDataset));

describe('look-ups from selected text', () => {
  it('cleans possessives, quotes and stray punctuation', () => {
    expect(cleanLookup(' “Tencent’s”, ')).toBe('Tencent');
    expect(cleanLookup('Ant\n  Group.')).toBe('Ant Group');
  });
  it('opens the confident company, else searches', () => {
    expect(lookupTarget(index, 'Alibaba’s')).toEqual({ query: 'Alibaba', companyId: 'alibaba-group' });
    expect(lookupTarget(index, '阿里巴巴')).toMatchObject({ companyId: 'alibaba-group' });
    expect(lookupTarget(index, 'Daniel Zhang')).toMatchObject({ companyId: 'alibaba-group' });
    expect(lookupTarget(index, 'quarterly cloud')).toEqual({ query: 'quarterly cloud' });
    expect(lookupTarget(null, 'Tencent')).toEqual({ query: 'Tencent' });
  });
});

describe('omnibox suggestions', () => {
  it('escapes dataset text inside the XML markup', () => {
    expect(escapeXml('<b>&"\'')).toBe('&#60;b&#62;&#38;&#34;&#39;');
    const [first] = omniboxSuggestions(index, 'tencent', true);
    expect(first).toMatchObject({ content: 'Tencent', companyId: 'tencent' });
    expect(first.description).toMatch(/^<match>Tencent<\/match> <dim>/);
  });
  it('gives plain text without markup and nothing for an empty query', () => {
    expect(omniboxSuggestions(index, 'xtrans', false)[0].description).toMatch(/^XTransfer — company · /);
    expect(omniboxSuggestions(index, '  ', true)).toEqual([]);
  });
});
