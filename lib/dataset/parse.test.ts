import { describe, expect, it } from 'vitest';
import { makeDataset } from '../store/testing';
import { DATASET_VERSION, type Dataset } from './schema';
import { DatasetError, parseDataset } from './parse';

/**
 * parseDataset on a small hand-made dataset: every id the format cross-references must resolve,
 * and the error names the exact field at fault so a user can fix the file.
 */

const ORIGIN = 'my-data.json';

function base(): Dataset {
  const d = makeDataset('p', 3);
  d.facts.push({
    id: 'p-fact-deal',
    companyId: 'p-co-0',
    type: 'acquisition',
    values: { acquirer: { name: 'P Company 0', companyId: 'p-co-0' }, target: { name: 'P Company 1', companyId: 'p-co-1' } },
    sentence: d.articles[0].body,
    articleId: 'p-article-0',
  });
  d.facts.push({
    id: 'p-fact-round',
    companyId: 'p-co-1',
    type: 'funding',
    values: { leadInvestors: [{ name: 'Lead', companyId: 'p-co-2' }], investors: [{ name: 'Angel' }, { name: 'Fund', companyId: 'p-co-0' }] },
    sentence: d.articles[0].body,
    articleId: 'p-article-0',
  });
  d.facts.push({
    id: 'p-fact-stake',
    companyId: 'p-co-2',
    type: 'stake',
    values: { holder: { name: 'P Company 2', companyId: 'p-co-2' }, target: { name: 'P Company 0', companyId: 'p-co-0' }, percent: 10 },
    sentence: d.articles[0].body,
    articleId: 'p-article-0',
  });
  d.companies[1].parentId = 'p-co-0';
  return d;
}

function failure(change: (d: any) => void): DatasetError {
  const d = base();
  change(d);
  try {
    parseDataset(JSON.stringify(d), ORIGIN);
  } catch (e) {
    expect(e).toBeInstanceOf(DatasetError);
    return e as DatasetError;
  }
  throw new Error('expected the dataset to be refused');
}

describe('parseDataset', () => {
  it('accepts a dataset whose every reference resolves, unchanged', () => {
    const d = base();
    expect(parseDataset(JSON.stringify(d), ORIGIN)).toEqual(d);
  });

  it('names the origin, the code and the field of a schema error', () => {
    const e = failure((d) => (d.companies[2].name = 7));
    expect(e).toMatchObject({ name: 'DatasetError', code: 'schema', origin: ORIGIN, path: 'companies[2].name' });
    expect(e.message).toMatch(/^my-data\.json: companies\[2\]\.name: /);
  });

  it('gives no field path when the whole document has the wrong shape', () => {
    for (const text of ['[]', '"text"', 'null']) {
      let error: DatasetError | undefined;
      try {
        parseDataset(text, ORIGIN);
      } catch (e) {
        error = e as DatasetError;
      }
      expect(error).toMatchObject({ code: 'schema', path: undefined });
    }
  });

  it('refuses another version of the format by its version, but not a file of another format', () => {
    const newer = failure((d) => (d.version = DATASET_VERSION + 1));
    expect(newer).toMatchObject({ code: 'version', path: 'version' });
    expect(newer.message).toBe(`${ORIGIN}: has dataset version ${DATASET_VERSION + 1}; this extension reads version ${DATASET_VERSION}`);
    // Something else entirely is a schema error about its format, not a version complaint.
    const other = failure((d) => {
      d.format = 'something-else';
      d.version = 7;
    });
    expect(other.code).toBe('schema');
  });

  it('says why text is not JSON', () => {
    let error: DatasetError | undefined;
    try {
      parseDataset('{"format": ', ORIGIN);
    } catch (e) {
      error = e as DatasetError;
    }
    expect(error).toMatchObject({ code: 'invalid-json', origin: ORIGIN });
    expect(error!.message).toMatch(/^my-data\.json: is not valid JSON \(.+\)$/);
  });

  it('refuses a dataset without companies', () => {
    const e = failure((d) => Object.assign(d, { companies: [], mentions: [], facts: [], people: [], relations: [] }));
    expect(e).toMatchObject({ code: 'empty', path: 'companies', message: `${ORIGIN}: has no companies` });
  });

  it.each([
    ['companies', (d: any) => (d.companies[2].id = d.companies[0].id), 'companies[2].id'],
    ['articles', (d: any) => d.articles.push({ ...d.articles[0], position: 1 }), 'articles[1].id'],
    ['facts', (d: any) => (d.facts[3].id = d.facts[1].id), 'facts[3].id'],
    ['people', (d: any) => d.people.push({ ...d.people[0] }), 'people[1].id'],
  ])('refuses an id used twice in %s', (_list, change, path) => {
    const e = failure(change);
    expect(e).toMatchObject({ code: 'duplicate-id', path });
    expect(e.message).toContain(`${path} "`);
    expect(e.message).toContain('is used twice');
  });

  it('refuses a relation pair listed twice but not the same companies in the other order', () => {
    const twice = failure((d) => d.relations.push({ ...d.relations[0], weight: 2 }));
    expect(twice).toMatchObject({ code: 'duplicate-id', path: 'relations[1]' });
    expect(twice.message).toContain('relations[1] repeats the pair "p-co-0" and "p-co-1"');
    const d = base();
    d.relations.push({ a: 'p-co-1', b: 'p-co-0', weight: 1, articleIds: [] });
    expect(parseDataset(JSON.stringify(d), ORIGIN).relations).toHaveLength(2);
  });

  it.each([
    ['companies[1].parentId', 'company', (d: any) => (d.companies[1].parentId = 'gone')],
    ['mentions[2].companyId', 'company', (d: any) => (d.mentions[2].companyId = 'gone')],
    ['mentions[0].articleId', 'article', (d: any) => (d.mentions[0].articleId = 'gone')],
    ['facts[0].companyId', 'company', (d: any) => (d.facts[0].companyId = 'gone')],
    ['facts[0].articleId', 'article', (d: any) => (d.facts[0].articleId = 'gone')],
    ['facts[1].values.acquirer.companyId', 'company', (d: any) => (d.facts[1].values.acquirer.companyId = 'gone')],
    ['facts[1].values.target.companyId', 'company', (d: any) => (d.facts[1].values.target.companyId = 'gone')],
    ['facts[3].values.holder.companyId', 'company', (d: any) => (d.facts[3].values.holder.companyId = 'gone')],
    ['facts[2].values.leadInvestors[0].companyId', 'company', (d: any) => (d.facts[2].values.leadInvestors[0].companyId = 'gone')],
    ['facts[2].values.investors[1].companyId', 'company', (d: any) => (d.facts[2].values.investors[1].companyId = 'gone')],
    ['people[0].companyIds[0]', 'company', (d: any) => (d.people[0].companyIds[0] = 'gone')],
    ['people[0].articleIds[0]', 'article', (d: any) => (d.people[0].articleIds[0] = 'gone')],
    ['people[0].roles[0].companyId', 'company', (d: any) => (d.people[0].roles[0].companyId = 'gone')],
    ['people[0].roles[0].articleId', 'article', (d: any) => (d.people[0].roles[0].articleId = 'gone')],
    ['relations[0].a', 'company', (d: any) => (d.relations[0].a = 'gone')],
    ['relations[0].b', 'company', (d: any) => (d.relations[0].b = 'gone')],
    ['relations[0].articleIds[0]', 'article', (d: any) => (d.relations[0].articleIds[0] = 'gone')],
  ])('refuses %s naming a missing %s', (path, what, change) => {
    const e = failure(change);
    expect(e).toMatchObject({ code: 'dangling-reference', path, origin: ORIGIN });
    expect(e.message).toBe(`${ORIGIN}: ${path} names ${what} "gone", which is not in the dataset`);
  });

  it('accepts parties and roles that name no company', () => {
    const d = base();
    delete d.people[0].roles[0].companyId;
    delete (d.facts[1].values as { target: { companyId?: string } }).target.companyId;
    expect(() => parseDataset(JSON.stringify(d), ORIGIN)).not.toThrow();
  });
});
