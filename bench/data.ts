import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Dataset } from '../lib/dataset/schema';
import { syntheticDataset } from '../lib/bench-data/synthetic';

/**
 * Inputs shared by the suites: synthetic datasets (built once per size and cached for the run)
 * and the seed dataset built from the bundled corpus with the knowledge-base code, when that code
 * exists.
 */

export const ROOT = resolve(import.meta.dirname, '..');
const cache = new Map<number, Dataset>();

export function synthetic(companies: number): Dataset {
  let ds = cache.get(companies);
  if (!ds) {
    ds = syntheticDataset({ companies });
    cache.set(companies, ds);
  }
  return ds;
}

let seed: { dataset: Dataset | null; note?: string } | undefined;

/**
 * The seed dataset. The builder's module is imported dynamically so the benchmarks still run
 * (and say what is missing) while the knowledge base is unfinished.
 */
export async function seedDataset(): Promise<{ dataset: Dataset | null; note?: string }> {
  if (seed) return seed;
  try {
    const mod = (await import('../lib/dataset/build')) as Record<string, unknown>;
    const fn = (mod.buildDatasetFromSeeds ?? mod.buildSeedDataset ?? mod.buildDataset) as ((...args: unknown[]) => unknown) | undefined;
    if (typeof fn !== 'function') throw new Error('lib/dataset/build exports no known builder');
    seed = { dataset: (await fn(...seedArgs())) as Dataset };
  } catch (e) {
    seed = { dataset: null, note: `seed dataset unavailable: ${(e as Error).message.split('\n')[0]}` };
  }
  return seed;
}

/** The builder's inputs as read from disk; adapted once the builder's signature is known. */
function seedArgs(): unknown[] {
  return [];
}

/** The seed corpus's text, document by document (the verbatim .txt files). */
export function seedTexts(): string[] {
  const dir = join(ROOT, 'seeds/corpus');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'));
}
