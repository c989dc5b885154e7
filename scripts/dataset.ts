import { mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { EMPTY_REGISTRY, buildDataset } from '../lib/dataset/build';
import { datasetJsonSchema } from '../lib/dataset/jsonschema';
import { coverage, formatCoverage } from '../lib/dataset/report';
import type { DiscoveredOrg } from '../lib/knowledge/orgs';
import { parseRegistry } from '../lib/registry/load';

/**
 * npm run dataset -- --out FILE [--corpus DIR] [--registry FILE|none] [--schema FILE]
 *
 * Builds the dataset with the same code the background uses, writes it atomically (temporary
 * file, then rename: a failed run never leaves a partial file) and prints the coverage report.
 * `--schema FILE` writes the dataset's JSON Schema (docs/dataset.schema.json).
 */

function args(argv: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) throw new Error(`unexpected argument "${a}"`);
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--')) throw new Error(`${a} needs a value`);
    out[a.slice(2)] = value;
    i++;
  }
  return out;
}

function writeAtomically(file: string, text: string): void {
  mkdirSync(dirname(resolve(file)), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

function main(): void {
  const opts = args(process.argv.slice(2));
  const known = new Set(['out', 'corpus', 'registry', 'schema']);
  for (const k of Object.keys(opts)) if (!known.has(k)) throw new Error(`unknown option --${k}`);
  if (opts.schema) {
    writeAtomically(opts.schema, datasetJsonSchema());
    console.log(`Wrote ${opts.schema}`);
    if (!opts.out) return;
  }
  if (!opts.out) throw new Error('usage: npm run dataset -- --out FILE [--corpus DIR] [--registry FILE] [--schema FILE]');
  const corpus = opts.corpus ?? 'seeds/corpus';
  // The registry is an optional curated layer: `--registry none` builds from the text alone.
  const registryFile = opts.registry ?? 'seeds/companies.json';
  const registry = registryFile === 'none' ? EMPTY_REGISTRY : parseRegistry(readFileSync(registryFile, 'utf8'), registryFile);
  if (!statSync(corpus, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`${corpus}: not a directory`);
  const names = readdirSync(corpus).filter((n) => /\.(?:txt|md)$/i.test(n)).sort();
  if (names.length === 0) throw new Error(`${corpus}: no .txt or .md files`);
  const documents = names.map((name) => ({ name, text: new Uint8Array(readFileSync(join(corpus, name))) }));
  const started = performance.now();
  let discovered: readonly DiscoveredOrg[] = [];
  const dataset = buildDataset({ documents, registry, source: corpus === 'seeds/corpus' ? 'bundled seed corpus' : corpus, onOrganisations: (d) => (discovered = d) });
  const ms = performance.now() - started;
  writeAtomically(opts.out, `${JSON.stringify(dataset)}\n`);
  console.log(`Wrote ${opts.out} (${dataset.meta.contentHash}, built in ${ms.toFixed(0)} ms)`);
  console.log(formatCoverage(coverage(dataset, registry, discovered)));
}

try {
  main();
} catch (e) {
  console.error(`dataset: ${(e as Error).message}`);
  process.exit(1);
}
