import { mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { EMPTY_REGISTRY, buildDataset } from '../lib/dataset/build';
import { datasetJsonSchema } from '../lib/dataset/jsonschema';
import { coverage, formatCoverage } from '../lib/dataset/report';
import type { DiscoveredOrg } from '../lib/knowledge/orgs';
import { parseRegistry } from '../lib/registry/load';
import { parseHTML } from 'linkedom';
import { ARTICLE_EXTENSIONS, extensionOf, readFiles } from '../lib/library/files';

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

async function main(): Promise<void> {
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
  const readable = new Set<string>([...ARTICLE_EXTENSIONS, 'zip']);
  const names = readdirSync(corpus).filter((n) => readable.has(extensionOf(n))).sort();
  if (names.length === 0) throw new Error(`${corpus}: no .txt, .md, .html or .zip files`);
  // The options page's reader: the same decoder and reader-mode extraction, linkedom for the DOM.
  const read = await readFiles(
    names.map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(corpus, name))) })),
    (html) => parseHTML(html).document as unknown as Document,
  );
  for (const doc of read.documents) for (const note of doc.notes ?? []) console.error(`dataset: ${doc.name}: ${note}`);
  for (const refused of read.refused) console.error(`dataset: ${refused.name}: refused: ${refused.reason}`);
  if (read.documents.length === 0) throw new Error(`${corpus}: no readable article (every file was refused)`);
  // A page's title leads its text, as a text file's first line does.
  const documents = read.documents.map((d) => ({ name: d.name.replace(/\//g, '_'), text: d.page ? `${d.page.title}\n\n${d.text}` : d.text }));
  const started = performance.now();
  let discovered: readonly DiscoveredOrg[] = [];
  const dataset = buildDataset({ documents, registry, source: corpus === 'seeds/corpus' ? 'bundled seed corpus' : corpus, onOrganisations: (d) => (discovered = d) });
  const ms = performance.now() - started;
  writeAtomically(opts.out, `${JSON.stringify(dataset)}\n`);
  console.log(`Wrote ${opts.out} (${dataset.meta.contentHash}, built in ${ms.toFixed(0)} ms)`);
  console.log(formatCoverage(coverage(dataset, registry, discovered)));
}

main().catch((e) => {
  console.error(`dataset: ${(e as Error).message}`);
  process.exit(1);
});
