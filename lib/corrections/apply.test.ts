import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../dataset/build';
import { parseDataset } from '../dataset/parse';
import type { Dataset } from '../dataset/schema';
import { applyCorrections, correctedHash } from './apply';
import type { Correction } from './schema';

// Two made-up articles, built by the real knowledge builder (no registry): every organisation
// below is one the builder discovered in them.
const documents = ['korvane.txt', 'tessaly.txt'].map((name) => ({ name, text: readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8') }));
const built = buildDataset({ documents, source: 'corrections test' });

const company = (d: Dataset, id: string) => d.companies.find((c) => c.id === id);
const mentionsOf = (d: Dataset, id: string) => d.mentions.filter((m) => m.companyId === id);
const factsOf = (d: Dataset, id: string) => d.facts.filter((f) => f.companyId === id);
const refersTo = (d: Dataset, id: string) =>
  JSON.stringify([d.mentions, d.facts, d.people, d.relations, d.links, d.companies.map((c) => c.parentId)]).includes(`"${id}"`);
/** The corrected dataset is one the store accepts: schema and references checked. */
const valid = (d: Dataset) => parseDataset(JSON.stringify(d), 'corrected');

const rename: Correction = { kind: 'rename', companyId: 'korvane-robotics', companyName: 'Korvane Robotics', name: 'Korvane Group' };
const merge: Correction = { kind: 'merge', companyId: 'orbis-labs', companyName: 'Orbis Labs', intoId: 'korvane-robotics', intoName: 'Korvane Robotics' };
const split: Correction = { kind: 'split', companyId: 'korvane-robotics', companyName: 'Korvane Robotics', alias: 'Orbis Labs' };
const alias: Correction = { kind: 'alias', companyId: 'korvane-robotics', companyName: 'Korvane Robotics', alias: 'KRV' };
const notOrg: Correction = { kind: 'not-organisation', companyId: 'pell-research', companyName: 'Pell Research' };

describe('the built dataset the corrections are tried on', () => {
  it('has the organisations the tests correct', () => {
    for (const id of ['korvane-robotics', 'orbis-labs', 'pell-research', 'brightfield-sensors']) expect(company(built, id), id).toBeDefined();
    expect(factsOf(built, 'orbis-labs').map((f) => f.type)).toEqual(['headquarters']);
    expect(built.mentions.some((m) => m.alias === 'KRV')).toBe(false);
  });
});

describe('applyCorrections', () => {
  it('changes nothing without corrections', () => {
    expect(applyCorrections(built, [])).toBe(built);
  });

  it('renames: the new name shows, the old one still finds the company, its facts stay', () => {
    const d = valid(applyCorrections(built, [rename]));
    const c = company(d, 'korvane-robotics')!;
    expect(c.name).toBe('Korvane Group');
    expect(c.aliases.map((a) => a.text)).toContain('Korvane Robotics');
    expect(factsOf(d, 'korvane-robotics')).toHaveLength(factsOf(built, 'korvane-robotics').length);
  });

  it('merges: one company with both names, mentions, facts and relations', () => {
    const d = valid(applyCorrections(built, [merge]));
    expect(company(d, 'orbis-labs')).toBeUndefined();
    expect(refersTo(d, 'orbis-labs')).toBe(false);
    const c = company(d, 'korvane-robotics')!;
    expect(c.aliases.map((a) => a.text)).toContain('Orbis Labs');
    expect(c.mentionCount).toBe(mentionsOf(built, 'korvane-robotics').length + mentionsOf(built, 'orbis-labs').length);
    expect(factsOf(d, 'korvane-robotics').map((f) => f.type)).toContain('headquarters');
    expect(factsOf(d, 'korvane-robotics')).toHaveLength(factsOf(built, 'korvane-robotics').length + 1);
    // Two relations to Brightfield Sensors became one, with both weights.
    const weight = (x: Dataset, a: string, b: string) => x.relations.find((r) => r.a === a && r.b === b)?.weight ?? 0;
    expect(weight(d, 'brightfield-sensors', 'korvane-robotics')).toBe(weight(built, 'brightfield-sensors', 'korvane-robotics') + weight(built, 'brightfield-sensors', 'orbis-labs'));
    expect(d.relations.some((r) => r.a === r.b)).toBe(false);
  });

  it('splits an alias off into a company of its own, with the mentions and facts written that way', () => {
    const merged = applyCorrections(built, [merge]);
    const d = valid(applyCorrections(built, [merge, split]));
    const own = company(d, 'orbis-labs')!;
    expect(own.name).toBe('Orbis Labs');
    expect(own.mentionCount).toBe(mentionsOf(built, 'orbis-labs').length);
    expect(factsOf(d, 'orbis-labs').map((f) => f.type)).toEqual(['headquarters']);
    const c = company(d, 'korvane-robotics')!;
    expect(c.aliases.map((a) => a.text)).not.toContain('Orbis Labs');
    expect(c.mentionCount).toBe(company(merged, 'korvane-robotics')!.mentionCount - own.mentionCount);
  });

  it('leaves a company as it is when asked to split off a name it does not have', () => {
    const d = applyCorrections(built, [{ ...split, alias: 'Nowhere Labs' }]);
    expect(d.companies).toEqual(built.companies);
  });

  it('adds an alias, and the articles that use it now mention the company', () => {
    const d = valid(applyCorrections(built, [alias]));
    const c = company(d, 'korvane-robotics')!;
    expect(c.aliases.map((a) => a.text)).toContain('KRV');
    const found = mentionsOf(d, 'korvane-robotics').filter((m) => m.alias === 'KRV');
    expect(found.map((m) => m.articleId).sort()).toEqual(['korvane#0', 'tessaly#0']);
    expect(c.mentionCount).toBe(mentionsOf(built, 'korvane-robotics').length + 2);
    for (const m of found) expect(d.articles.find((a) => a.id === m.articleId)!.body.slice(m.start, m.end)).toBe('KRV');
  });

  it('drops a name that is not an organisation, and everything that referred to it', () => {
    const d = valid(applyCorrections(built, [notOrg]));
    expect(company(d, 'pell-research')).toBeUndefined();
    expect(refersTo(d, 'pell-research')).toBe(false);
    expect(d.companies).toHaveLength(built.companies.length - 1);
    expect(d.relations.length).toBeLessThan(built.relations.length);
  });

  it('drops the facts and the people of a company that is not an organisation', () => {
    const d = valid(applyCorrections(built, [{ kind: 'not-organisation', companyId: 'korvane-robotics', companyName: 'Korvane Robotics' }]));
    expect(factsOf(d, 'korvane-robotics')).toEqual([]);
    expect(d.people.some((p) => p.name === 'Anna Weiss')).toBe(false);
  });

  it('waits, changing nothing, while the dataset does not have the corrected company', () => {
    const d = applyCorrections(built, [{ ...notOrg, companyId: 'not-in-this-dataset' }]);
    expect(d.companies).toEqual(built.companies);
    expect(d.mentions).toEqual(built.mentions);
  });

  it('gives the same dataset when applied again (a rebuild of a corrected dataset)', () => {
    const all = [rename, merge, alias, notOrg, split];
    const once = applyCorrections(built, all);
    const twice = applyCorrections(once, all);
    expect({ ...twice, meta: null }).toEqual({ ...once, meta: null });
  });

  it('records the corrections in the content hash, so a sync sees a changed list', () => {
    expect(applyCorrections(built, [notOrg]).meta.contentHash).toBe(correctedHash(built.meta.contentHash, [notOrg]));
    expect(correctedHash(built.meta.contentHash, [notOrg])).not.toBe(built.meta.contentHash);
    expect(correctedHash(built.meta.contentHash, [notOrg])).not.toBe(correctedHash(built.meta.contentHash, [merge]));
    expect(correctedHash(built.meta.contentHash, [])).toBe(built.meta.contentHash);
  });

  it('follows a merge: a later correction naming the merged company applies to the one that took it in', () => {
    const renameOrbis: Correction = { kind: 'rename', companyId: 'orbis-labs', companyName: 'Orbis Labs', name: 'Korvane Orbis' };
    const d = valid(applyCorrections(built, [merge, renameOrbis, { ...merge, companyId: 'lumera-capital', companyName: 'Lumera Capital', intoId: 'orbis-labs', intoName: 'Orbis Labs' }]));
    expect(company(d, 'korvane-robotics')!.name).toBe('Korvane Orbis');
    expect(company(d, 'lumera-capital')).toBeUndefined();
    expect(company(d, 'korvane-robotics')!.aliases.map((a) => a.text)).toContain('Lumera Capital');
  });
});
