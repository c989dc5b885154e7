import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './data';
import { machine, markdownTable, Recorder } from './report';
import { matcherSuite } from './matcher';
import { searchSuite } from './search';
import { scanSuite } from './scan';
import { hoverSuite } from './hover';
import { syncSuite } from './sync';
import { contentSuite } from './content';
import { knowledgeSuite } from './knowledge';
import { librarySuite } from './library';
import { closeBrowsers } from './browser';

/**
 * `npm run bench [-- --quick] [-- --only name,name]`: runs every suite, prints one line per
 * figure, and writes the results with the machine they ran on. A suite that throws is recorded
 * as a failed figure with the reason; it never stops the other suites.
 */

type Suite = (rec: Recorder, quick: boolean) => Promise<void>;

const SUITES: [string, Suite][] = [
  ['matcher', matcherSuite],
  ['search', searchSuite],
  ['scan', scanSuite],
  ['hover', hoverSuite],
  ['sync', syncSuite],
  ['content', contentSuite],
  ['knowledge', knowledgeSuite],
  ['library', librarySuite],
];

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const onlyAt = args.indexOf('--only');
  const only = onlyAt >= 0 ? new Set(args[onlyAt + 1]?.split(',')) : null;
  const m = machine();
  console.log(`Company Lens benchmarks${quick ? ' (quick)' : ''} on ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB, node ${m.node}, ${m.chromium ?? 'no chromium'}`);
  const rec = new Recorder();
  const started = performance.now();
  for (const [name, suite] of SUITES) {
    if (only && !only.has(name)) continue;
    console.log(`\n— ${name}`);
    const t0 = performance.now();
    try {
      await suite(rec, quick);
    } catch (e) {
      rec.missing(`${name} suite`, '', null, `suite failed: ${(e as Error).message.split('\n')[0]}`);
    }
    console.log(`  (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  }
  await closeBrowsers();
  m.loadAverage.end = loadavg().map((l) => Math.round(l * 100) / 100);
  const out = { quick, date: new Date().toISOString(), seconds: Math.round((performance.now() - started) / 1000), machine: m, results: rec.results };
  const dir = join(ROOT, 'bench/results');
  mkdirSync(dir, { recursive: true });
  // Partial runs go to an ignored file so they never replace the committed full run.
  const partial = quick || only !== null;
  const file = join(dir, partial ? 'quick.tmp' : 'latest.json');
  writeFileSync(file, JSON.stringify(out, null, 2) + '\n');
  if (!partial) writeFileSync(join(dir, 'latest.md'), markdownTable(rec.results) + '\n');
  const failed = rec.results.filter((r) => !r.pass);
  console.log(`\n${rec.results.length} figures, ${failed.length} failing; wrote ${file} in ${out.seconds} s`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
