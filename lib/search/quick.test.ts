import { describe, expect, it } from 'vitest';
import { Dataset } from '../dataset/schema';
import { buildSearchIndex } from './build';
import { splitSearchIndex } from './artifact';
import { loadFullTextAsync, loadQuickIndex, loadSearchIndex, SearchIndexError } from './query';
import { keyGroupOf, QuickIndex } from './quick';
import { fixtureDataset } from '../../test/fixtures/search-dataset';

const serialised = buildSearchIndex(fixtureDataset);
const parts = splitSearchIndex(serialised);
const quickOnly = loadQuickIndex(parts.quick!);
const names = (q: string) => quickOnly.search(q).companies.map((c) => c.name);

describe('the serialised search index', () => {
  it('splits into a small quick part and the full-text part', () => {
    expect(parts.quick).not.toBeNull();
    expect(parts.quick! + parts.full).toBe(serialised);
    expect(parts.quick!.length).toBeLessThan(parts.full.length);
    expect(parts.full.startsWith('{"format":"company-lens-search"')).toBe(true);
  });
  it('treats text without a quick header as a full part, which then fails typed', () => {
    expect(splitSearchIndex('{"index":"x"}')).toEqual({ quick: null, full: '{"index":"x"}' });
    expect(() => loadSearchIndex('{"index":"x"}')).toThrow(SearchIndexError);
    expect(() => loadQuickIndex('not an index')).toThrow(expect.objectContaining({ code: 'malformed' }));
  });
  it('refuses a full-text part built with another quick part', async () => {
    const other = buildSearchIndex({ ...fixtureDataset, meta: { ...fixtureDataset.meta, contentHash: 'other' } });
    const pause = async () => undefined;
    await expect(loadFullTextAsync(quickOnly, splitSearchIndex(other).full, pause)).rejects.toThrow(/different builds/);
  });
  it('loads the full-text part line by line to the same answers as the one-go load', async () => {
    let pauses = 0;
    const full = await loadFullTextAsync(quickOnly, parts.full, async () => void pauses++);
    expect(pauses).toBeGreaterThan(0);
    expect(full.complete).toBe(true);
    expect(full.search('games')).toEqual(loadSearchIndex(serialised).search('games'));
  });
});

describe('searching the quick index alone', () => {
  it('is marked incomplete and finds names by the start of any word', () => {
    expect(quickOnly.complete).toBe(false);
    expect(names('tencen')[0]).toBe('Tencent');
    expect(names('xtrans')).toEqual(['XTransfer']);
    expect(names('group')).toEqual(['Alibaba Group', 'Ant Group']);
    expect(names('tencent m')).toEqual(['Tencent Music Entertainment']);
  });
  it('finds Chinese names from any character, and people by name', () => {
    expect(names('阿里')[0]).toBe('Alibaba Group');
    // Inside a Chinese name only the full-text index finds it.
    expect(names('巴巴')).toEqual([]);
    expect(quickOnly.search('daniel').people[0]).toMatchObject({ id: 'daniel-zhang', companyId: 'alibaba-group' });
  });
  it('leaves running text to the full-text index', () => {
    expect(quickOnly.search('games').articles).toEqual([]);
    expect(quickOnly.suggest('tensent')).toEqual([]);
  });
});

describe('the quick index format', () => {
  it('keeps control characters in names from breaking lines or order', () => {
    const hostile = Dataset.parse({
      ...fixtureDataset,
      companies: [...fixtureDataset.companies, { ...fixtureDataset.companies[0], id: 'tab', name: 'Tab\tCo\nLine', aliases: [], mentionCount: 0 }],
    });
    const index = loadQuickIndex(splitSearchIndex(buildSearchIndex(hostile)).quick!);
    expect(index.search('tab co').companies.map((c) => c.id)).toEqual(['tab']);
    expect(index.search('line').companies[0]).toMatchObject({ id: 'tab', name: 'Tab Co Line' });
  });
  it('splits into one text per first letter of the keys, each answering the prefixes starting with it as the whole does', () => {
    const whole = QuickIndex.parse(parts.quick!);
    const texts = whole.groupTexts();
    const groups = [...texts.keys()];
    // Latin letters, and one group for every name starting outside ASCII (the packed ones).
    expect(groups).toEqual([...groups].sort());
    expect(groups).toContain(keyGroupOf('阿里'));
    const ids = (index: QuickIndex, typed: string) => index.match(typed).map((m) => [index.doc(m.doc)?.id, m.rank]);
    for (const typed of ['tencen', 't', 'group', '阿里', 'daniel']) {
      const group = QuickIndex.parse(texts.get(keyGroupOf(typed))!);
      expect(group.group).toBe(keyGroupOf(typed));
      expect(group.covers(typed)).toBe(true);
      expect(ids(group, typed)).toEqual(ids(whole, typed));
      expect(ids(group, typed).length).toBeGreaterThan(0);
      // Only the documents its own keys name.
      expect(group.size).toBeLessThan(whole.size);
    }
    const t = QuickIndex.parse(texts.get('t')!);
    expect(t.covers('alibaba')).toBe(false);
    expect(t.match('alibaba')).toEqual([]);
    expect(whole.group).toBeNull();
  });
  it('answers nothing from an empty dataset', () => {
    const empty = Dataset.parse({ ...fixtureDataset, companies: [], articles: [], mentions: [], facts: [], people: [], relations: [] });
    const index = QuickIndex.parse(splitSearchIndex(buildSearchIndex(empty)).quick!);
    expect(index.size).toBe(0);
    expect(index.match('a')).toEqual([]);
    expect(index.groupTexts().size).toBe(0);
  });
});
