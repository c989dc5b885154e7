import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Dataset } from '../lib/dataset/schema';
import { syntheticDataset } from './synthetic/synthetic';

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

let seed: { dataset: Dataset | null; note?: string; buildMs?: number } | undefined;

/**
 * The seed dataset, built from seeds/ with the same code the background and the CLI use. A
 * failure is reported as a note so the other measurements still run.
 */
export async function seedDataset(): Promise<{ dataset: Dataset | null; note?: string; buildMs?: number }> {
  if (seed) return seed;
  try {
    const { buildDataset } = await import('../lib/dataset/build');
    const { parseRegistry } = await import('../lib/registry/load');
    const registryFile = join(ROOT, 'seeds/companies.json');
    const registry = parseRegistry(readFileSync(registryFile, 'utf8'), registryFile);
    const dir = join(ROOT, 'seeds/corpus');
    const documents = readdirSync(dir)
      .filter((n) => /\.(?:txt|md)$/i.test(n))
      .sort()
      .map((name) => ({ name, text: new Uint8Array(readFileSync(join(dir, name))) }));
    const t0 = performance.now();
    const dataset = buildDataset({ documents, registry, source: 'bundled seed corpus' });
    seed = { dataset, buildMs: performance.now() - t0 };
  } catch (e) {
    seed = { dataset: null, note: `seed dataset unavailable: ${(e as Error).message.split('\n')[0]}` };
  }
  return seed;
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
