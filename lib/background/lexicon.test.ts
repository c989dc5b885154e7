import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { Lexicon, type LexiconPayload } from '../detect/lexicon';
import type { CompanyLensDB } from '../store/db';
import { activeGeneration, getLexiconPayload } from '../store/read';
import { makeDataset } from '../../test/support/datasets';
import { writeDataset } from '../store/write';
import { loadLexicon, staleReason } from './lexicon';
import { useFreshDb } from '../../test/support/fresh-db';

let db: CompanyLensDB;
useFreshDb('lexicon-test', (fresh) => (db = fresh));

/** Writes a dataset whose stored lexicon is whatever `lexicon` makes of the real one. */
async function store(prefix: string, lexicon: (real: LexiconPayload) => unknown) {
  const dataset = makeDataset(prefix);
  await writeDataset(db, { dataset, sourceKind: 'bundled', derive: () => ({ lexicon: lexicon(Lexicon.build(dataset.companies).toPayload()) as LexiconPayload, searchIndex: '{}' }) });
  return dataset;
}

const olderRelease = (p: LexiconPayload) => ({ ...p, version: 1, matcher: { ...p.matcher, version: 1, low: undefined } });

describe('loading the stored lexicon', () => {
  it('returns a current payload as stored, without deriving anything', async () => {
    await store('acme', (p) => p);
    const build = vi.fn();
    const loaded = await loadLexicon(build);
    expect(build).not.toHaveBeenCalled();
    expect(loaded?.rederived).toBeUndefined();
    expect(staleReason(loaded!.payload)).toBeNull();
  });

  it('derives a lexicon of an older format again from the stored companies, and stores it', async () => {
    const dataset = await store('acme', olderRelease);
    expect(staleReason((await getLexiconPayload())!.payload)).toMatch(/version 1/);
    const loaded = await loadLexicon();
    expect(loaded?.rederived).toBe(true);
    const lexicon = Lexicon.fromPayload(loaded!.payload);
    expect(lexicon.mentions('Acme Company 1 signed with Acme Company 0.').map((m) => lexicon.companyIds[m.companyIndex])).toEqual(['acme-co-1', 'acme-co-0']);
    // Same companies in the same order as the sync that wrote the dataset: the same numbering.
    expect(lexicon.companyIds).toEqual(dataset.companies.map((c) => c.id));
    const again = await getLexiconPayload();
    expect(staleReason(again!.payload)).toBeNull();
    expect(again!.version).toBe(loaded!.version);
  });

  it('derives a missing or damaged lexicon too, once for concurrent callers', async () => {
    await store('acme', () => ({ format: 'something else' }));
    const build = vi.fn((companies: Parameters<typeof Lexicon.build>[0]) => Lexicon.build(companies).toPayload());
    const [a, b] = await Promise.all([loadLexicon(build), loadLexicon(build)]);
    expect(build).toHaveBeenCalledTimes(1);
    expect(a?.payload).toBe(b?.payload);
  });

  it('does not store its result over a dataset that was switched in meanwhile', async () => {
    await store('acme', olderRelease);
    const old = (await db.transaction('r', [db.meta, db.generations], () => activeGeneration(db)))!.gen;
    // A sync completes while the old generation's lexicon is being derived.
    const loaded = await loadLexicon(async (companies) => {
      await store('bolt', (p) => p);
      return Lexicon.build(companies).toPayload();
    });
    expect(Lexicon.fromPayload(loaded!.payload).companyIds[0]).toMatch(/^acme-/);
    const active = await db.transaction('r', [db.meta, db.generations], () => activeGeneration(db));
    const stored = await getLexiconPayload();
    expect(stored!.version).toContain(`:${active!.gen}`);
    expect(Lexicon.fromPayload(stored!.payload).companyIds[0]).toMatch(/^bolt-/);
    // Nothing was written for the replaced generation (which the switch removed).
    expect(await db.generations.get(old)).toBeUndefined();
    expect(await db.artifacts.get([old, 'lexicon'])).toBeUndefined();
  });

  it('returns null when the store is empty', async () => {
    expect(await loadLexicon()).toBeNull();
  });
});
