import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from './build';
import { SEARCH_INDEX_VERSION } from './options';
import { loadSearchIndex, SearchIndexError, editDistance } from './query';
import { fixtureDataset } from '../../test/fixtures/search-dataset';
import { tokenizeForIndex, tokenizeQuery, normaliseTerm } from './terms';

const index = loadSearchIndex(buildSearchIndex(fixtureDataset));
const firstCompany = (q: string) => index.search(q).companies[0]?.id;

describe('search tokenizer', () => {
  it('splits CJK runs into bigrams, with single characters only when indexing', () => {
    expect(tokenizeQuery('阿里')).toEqual(['阿里']);
    expect(tokenizeForIndex('阿里巴巴')).toEqual(['阿', '阿里', '里', '里巴', '巴', '巴巴', '巴']);
    expect(tokenizeQuery('QQ音乐 app')).toEqual(['QQ', '音乐', 'app']);
  });
  it('folds case and accents', () => {
    expect(normaliseTerm('Nestlé')).toBe('nestle');
  });
});

describe('search ranking on the fixture dataset', () => {
  it('ranks Tencent first for a partial word', () => {
    expect(firstCompany('tencen')).toBe('tencent');
    expect(firstCompany('tencent')).toBe('tencent');
  });
  it('finds XTransfer by prefix, case-insensitively', () => {
    expect(firstCompany('xtrans')).toBe('xtransfer');
  });
  it('forgives a typo in longer words', () => {
    expect(firstCompany('tencemt')).toBe('tencent');
    expect(firstCompany('alibabba')).toBe('alibaba-group');
    expect(firstCompany('meitun')).toBe('meituan');
    expect(firstCompany('xtrnsfer')).toBe('xtransfer');
    expect(firstCompany('tenc')).toBe('tencent');
  });
  it('finds a company by part of its Chinese name', () => {
    expect(firstCompany('阿里')).toBe('alibaba-group');
    expect(firstCompany('美团')).toBe('meituan');
    expect(firstCompany('阿')).toBe('alibaba-group');
  });
  it('finds a person and the company they work for', () => {
    const r = index.search('daniel zhang');
    expect(r.people[0]).toMatchObject({ id: 'daniel-zhang', kind: 'person', companyId: 'alibaba-group' });
    expect(r.companies[0]?.id).toBe('alibaba-group');
  });
  it('groups articles apart and points them at their main company', () => {
    const r = index.search('games');
    expect(r.articles[0]).toMatchObject({ id: 'a2', companyId: 'tencent' });
  });
  it('returns nothing for a blank query and suggests close names for a miss', () => {
    expect(index.search('   ').companies).toEqual([]);
    expect(index.search('zzqx').companies).toEqual([]);
    expect(index.suggest('tensent')).toContain('Tencent');
  });
  it('picks a confident company for a look-up, or none', () => {
    expect(index.bestCompany('Tencent')?.id).toBe('tencent');
    expect(index.bestCompany('Pony Ma')).toMatchObject({ kind: 'person', companyId: 'tencent' });
    // "cloud" appears only in titles and descriptions: not a confident look-up.
    expect(index.bestCompany('cloud')).toBeNull();
  });
});

describe('loading a stored index', () => {
  it('rejects malformed JSON and other versions with typed errors', () => {
    expect(() => loadSearchIndex('{')).toThrow(SearchIndexError);
    expect(() => loadSearchIndex('{"format":"x"}')).toThrow(/not a Company Lens search index/);
    // An index of another version (here the full-text header rewritten to version 99) must be rebuilt.
    const current = `"version":${SEARCH_INDEX_VERSION},`;
    const built = buildSearchIndex(fixtureDataset);
    expect(built).toContain(current);
    const other = built.replace(current, '"version":99,');
    expect(() => loadSearchIndex(other)).toThrow(expect.objectContaining({ code: 'version' }));
  });
  it('computes bounded edit distances', () => {
    expect(editDistance('tencnet', 'tencent', 2)).toBe(2);
    expect(editDistance('abc', 'abcdef', 1)).toBe(Infinity);
  });
});

describe('short prefixes', () => {
  it('finds names by any word start, exact and leading matches first', () => {
    expect(firstCompany('x')).toBe('xtransfer');
    expect(firstCompany('te')).toBe('tencent');
    expect(index.search('mus').companies.map((c) => c.id)).toEqual(['tencent-music']);
    expect(index.search('da').people[0]?.id).toBe('daniel-zhang');
  });
  it('filters the earlier words by a short last word', () => {
    expect(index.search('tencent m').companies.map((c) => c.id)).toEqual(['tencent-music']);
    expect(index.search('ant gr').companies[0]?.id).toBe('ant-group');
  });
});
