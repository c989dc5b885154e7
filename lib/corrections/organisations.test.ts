import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../dataset/build';
import type { Correction } from './schema';

// Made-up articles; the third names Korvane Robotics only by its ticker, KRV.
const documents = ['korvane.txt', 'tessaly.txt', 'listing.txt'].map((name) => ({ name, text: readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8') }));
const build = (corrections: Correction[]) => buildDataset({ documents, source: 'corrections test', corrections });
const alias: Correction = { kind: 'alias', companyId: 'korvane-robotics', companyName: 'Korvane Robotics', alias: 'KRV' };
const leaders = (d: ReturnType<typeof build>) => d.facts.filter((f) => f.type === 'leadership' && f.companyId === 'korvane-robotics').map((f) => f.type === 'leadership' && f.values.person);

describe('corrections given to the build', () => {
  it('find the facts of a name the user added, read from the articles that use only that name', () => {
    expect(leaders(build([]))).toEqual(['Anna Weiss']);
    const d = build([alias]);
    expect(leaders(d)).toEqual(['Anna Weiss', 'Mara Olsen']);
    expect(d.mentions.filter((m) => m.alias === 'KRV' && m.companyId === 'korvane-robotics')).toHaveLength(3);
  });

  it('do not look for a name that is not an organisation', () => {
    const d = build([{ kind: 'not-organisation', companyId: 'pell-research', companyName: 'Pell Research' }]);
    expect(d.companies.map((c) => c.id)).not.toContain('pell-research');
    expect(JSON.stringify([d.mentions, d.relations])).not.toContain('pell-research');
  });
});
