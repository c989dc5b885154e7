import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildDataset } from '../lib/dataset/build';
import { parseRegistry } from '../lib/registry/load';

/**
 * npm run eval [-- --verbose]
 *
 * Builds each development set in ../shared/eval (bbc-dev, asia-dev) with the project's own build
 * code and the bundled registry, runs ../shared/eval/score.mjs on it, and prints the scorer's
 * figures (organisations and facts, recall and precision). With --verbose the scorer also lists
 * what was missed and what was extra. Exits quietly with a message when ../shared is absent.
 */

export const EVAL_DIR = resolve('../shared/eval');
export const EVAL_SETS = ['bbc-dev', 'asia-dev'] as const;

export interface EvalFigures {
  orgRecall: number;
  orgPrecision: number;
  factRecall: number;
  factPrecision: number;
  line: string;
  details?: string;
}

/** Builds one set and scores it; the scorer's own summary line is returned as `line`. */
export function evaluate(set: string, verbose = false): EvalFigures {
  const corpus = join(EVAL_DIR, set);
  const registry = parseRegistry(readFileSync('seeds/companies.json', 'utf8'), 'seeds/companies.json');
  const names = readdirSync(corpus).filter((n) => /\.(?:txt|md)$/i.test(n)).sort();
  const documents = names.map((name) => ({ name, text: new Uint8Array(readFileSync(join(corpus, name))) }));
  const dataset = buildDataset({ documents, registry, source: corpus });
  const file = join(mkdtempSync(join(tmpdir(), 'cl-eval-')), `${set}.json`);
  writeFileSync(file, JSON.stringify(dataset));
  const out = execFileSync(process.execPath, [join(EVAL_DIR, 'score.mjs'), file, join(EVAL_DIR, `${set}.json`), ...(verbose ? ['--verbose'] : [])], { encoding: 'utf8' });
  const line = out.trim().split('\n').pop()!;
  const num = (name: string) => Number(new RegExp(`${name}[=~]([\\d.]+)`).exec(line)?.[1] ?? NaN);
  return {
    orgRecall: num('orgRecall'),
    orgPrecision: num('orgPrecision'),
    factRecall: num('factRecall'),
    factPrecision: num('factPrecision'),
    line,
    ...(verbose ? { details: out.slice(0, out.lastIndexOf(line)).trim() } : {}),
  };
}

function main(): void {
  if (!existsSync(join(EVAL_DIR, 'score.mjs'))) {
    console.log(`eval: skipped — ${EVAL_DIR} (the development sets and scorer) is not present`);
    return;
  }
  const verbose = process.argv.includes('--verbose');
  for (const set of EVAL_SETS) {
    if (!existsSync(join(EVAL_DIR, set))) {
      console.log(`${set}: skipped — ${join(EVAL_DIR, set)} is not present`);
      continue;
    }
    const r = evaluate(set, verbose);
    if (r.details) console.log(r.details);
    console.log(`${set}: ${r.line}`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve('scripts/eval.ts')) main();
