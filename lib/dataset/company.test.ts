import { describe, expect, it } from 'vitest';
import type { OrgCompany } from '../knowledge/orgs';
import type { DiscoveredOrg } from '../knowledge/orgs';
import type { RegistryEntry } from '../registry/schema';
import { companyFields } from './company';
import type { ProfileLine } from './schema';

/** How an organisation's identity reaches the dataset: curated text wins, else the corpus's own sentences. */

const line = (field: ProfileLine['field'], text: string): ProfileLine => ({ field, text, sentence: `About it: ${text}.`, articleId: 'a1' });

const entry: RegistryEntry = {
  id: 'acme',
  name: 'Acme',
  aliases: [],
  kind: 'company',
  parent: 'acme-holdings',
  headquarters: 'Leeds',
  founded: 1950,
  domain: 'acme.example',
  tickers: ['ACM'],
  description: 'Makes anvils.',
};

const discovered = { id: 'acme' } as DiscoveredOrg;

const org = (over: Partial<OrgCompany>): OrgCompany => ({ id: 'acme', name: 'Acme', aliases: [{ text: 'Acme Ltd' }], kind: 'company', profile: [], ...over });

describe('companyFields', () => {
  it('takes description, headquarters and year from the text for an organisation only the corpus knows', () => {
    const profile = [line('headquarters', 'Bristol'), line('description', 'which is a maker of robots'), line('founded', '2011'), line('description', 'a later guess')];
    expect(companyFields(org({ profile }))).toEqual({
      id: 'acme',
      name: 'Acme',
      aliases: [{ text: 'Acme Ltd' }],
      kind: 'company',
      headquarters: 'Bristol',
      founded: 2011,
      description: 'A maker of robots',
      origin: 'text',
      descriptionSource: 'text',
      profile,
    });
  });

  it('capitalises a "which helps …" description into a sentence of its own', () => {
    expect(companyFields(org({ profile: [line('description', 'which helps exporters collect payments')] })).description).toBe('Helps exporters collect payments');
  });

  it('drops only a leading "which" (with "is"), however spaced, and keeps one later in the text', () => {
    expect(companyFields(org({ profile: [line('description', 'which  is   a maker of chips')] })).description).toBe('A maker of chips');
    expect(companyFields(org({ profile: [line('description', 'a maker of chips which is growing')] })).description).toBe('A maker of chips which is growing');
  });

  it('leaves the description empty, unlabelled, when nothing states one', () => {
    const fields = companyFields(org({}));
    expect(fields.description).toBe('');
    expect(fields).not.toHaveProperty('descriptionSource');
    expect(fields).not.toHaveProperty('profile');
    expect(fields).not.toHaveProperty('headquarters');
    expect(fields).not.toHaveProperty('founded');
    expect(fields).not.toHaveProperty('parentId');
  });

  it('keeps the curated registry text and labels it, over what the text says', () => {
    const fields = companyFields(org({ entry, profile: [line('description', 'a rumour'), line('headquarters', 'Paris'), line('founded', '1999')] }));
    expect(fields).toMatchObject({
      parentId: 'acme-holdings',
      headquarters: 'Leeds',
      founded: 1950,
      domain: 'acme.example',
      tickers: ['ACM'],
      description: 'Makes anvils.',
      descriptionSource: 'curated',
      origin: 'registry',
    });
  });

  it('says "both" for a registry entry the text also found', () => {
    expect(companyFields(org({ entry, discovered })).origin).toBe('both');
  });

  it('keeps a founding year of the text when the registry gives none', () => {
    const { founded: _, ...noYear } = entry;
    expect(companyFields(org({ entry: noYear, profile: [line('founded', '1999')] })).founded).toBe(1999);
  });

  it('keeps at most fifty profile lines', () => {
    const profile = Array.from({ length: 60 }, (_, i) => line('headquarters', `Place ${i}`));
    const kept = companyFields(org({ profile })).profile!;
    expect(kept).toHaveLength(50);
    expect(kept[0].text).toBe('Place 0');
  });
});
