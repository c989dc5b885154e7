import type { Dataset } from '../lib/dataset/schema';
import { buildSearchIndex } from '../lib/search/build';
import { loadSearchIndex } from '../lib/search/query';
import { Prng } from './synthetic/prng';
import { synthetic, seedDataset } from './data';
import { atMost, info, type Recorder } from './report';
import { MB, percentile, timeOnce } from './timing';

/**
 * Popup search in Node: building the index (done by the background when a dataset is stored),
 * loading it (done when the popup opens) and answering queries typed as a user would, compared
 * with a linear case-insensitive substring scan of every name in the same run.
 */

export async function searchSuite(rec: Recorder, quick: boolean): Promise<void> {
  const seed = await seedDataset();
  const sets: [string, Dataset | null, string?][] = [
    ['seed', seed.dataset, seed.note],
    ['10k', synthetic(10_000)],
    ...(quick ? [] : ([['100k', synthetic(100_000)]] as [string, Dataset][])),
  ];
  for (const [label, dataset, note] of sets) {
    if (!dataset) {
      rec.missing(`search query p95, ${label}`, 'ms', null, note ?? 'dataset missing');
      continue;
    }
    const docs = dataset.companies.length + dataset.articles.length + dataset.people.length;
    const built = timeOnce(() => buildSearchIndex(dataset));
    rec.add(`search index build, ${label} (${docs} docs)`, built.ms, 'ms', info(), { jsonMB: built.value.length / MB });
    const loaded = timeOnce(() => loadSearchIndex(built.value));
    rec.add(`search index load, ${label}`, loaded.ms, 'ms', info(), {});
    const index = loaded.value;
    const queries = userQueries(dataset, quick ? 200 : 500);
    for (const q of queries.slice(0, 20)) index.search(q);
    const samples = queries.map((q) => timeOnce(() => index.search(q)).ms);
    const names = dataset.companies.map((c) => c.name.toLowerCase());
    const linear = queries.map((q) => timeOnce(() => names.filter((n) => n.includes(q.toLowerCase())).slice(0, 8)).ms);
    const budget = label === '100k' ? atMost(10, '≤ 10 ms p95') : info();
    rec.add(`search query p50, ${label}`, percentile(samples, 50), 'ms', info(), { peer: percentile(linear, 50) });
    rec.add(`search query p95, ${label}`, percentile(samples, 95), 'ms', budget, { peer: percentile(linear, 95) }, 'peer: linear substring scan of names');
  }
}

/**
 * Queries as typed in the popup: every keystroke prefix of a name (from 2 characters), some with
 * a typo, some Chinese names, a few words from descriptions. Seeded, so runs are comparable.
 */
export function userQueries(dataset: Dataset, count: number): string[] {
  const rng = new Prng(42);
  const out: string[] = [];
  while (out.length < count) {
    const c = rng.pick(dataset.companies);
    const name = rng.chance(0.3) && c.aliases.length > 0 ? rng.pick(c.aliases).text : c.name;
    const cut = Math.min(name.length, 2 + rng.int(8));
    let q = name.slice(0, cut);
    if (rng.chance(0.15) && q.length > 4) q = q.slice(0, 2) + q[3] + q[2] + q.slice(4);
    out.push(q);
  }
  return out;
}
