import { AhoCorasick } from '@monyone/aho-corasick';
import { Lexicon, type LexiconCompany, type LexiconPayload } from '../lib/detect/lexicon';
import { syntheticText } from './synthetic/synthetic';
import { synthetic, seedDataset } from './data';
import { atLeast, atMost, info, type Recorder } from './report';
import { MB, gc, heapDelta, timeMedian, timeOnce } from './timing';

/**
 * Node matcher benchmark at 150 / 10k / 100k names: the project's matcher against a charCodeAt
 * loop (the scan floor: reading every code unit once; the build floor: a Map of the lower-cased
 * alias texts), one RegExp alternation, and a published
 * Aho–Corasick package, all over the same text in the same process.
 */

export async function matcherSuite(rec: Recorder, quick: boolean): Promise<void> {
  const textChars = quick ? 1_000_000 : 4_000_000;
  const text = syntheticText(synthetic(quick ? 10_000 : 100_000), textChars);
  const bytes = Buffer.byteLength(text, 'utf8');
  const floorMs = timeMedian(() => charCodeFloor(text));
  const floorMBs = bytes / MB / (floorMs / 1000);
  const seed = await seedDataset();
  const sizes: [string, LexiconCompany[], string?][] = [
    seed.dataset
      ? [`seed ${seed.dataset.companies.length}`, seed.dataset.companies, 'seed registry']
      : ['150', synthetic(1_000).companies.slice(0, 150), 'synthetic: seed dataset missing'],
    ['10k', synthetic(10_000).companies],
    ['100k', synthetic(100_000).companies],
  ];
  for (const [label, companies, note] of sizes) {
    const full = label === '100k';
    gc();
    const built = heapDelta(() => timeOnce(() => Lexicon.build(companies)));
    const lexicon = built.value.value;
    const entries = entryTexts(companies);
    // The floor: the least any name index does, one Map entry per lower-cased alias text.
    const buildFloorMs = timeMedian(() => mapFloor(companies));
    rec.add(`matcher build, ${label} companies`, built.value.ms, 'ms', full ? atMost(1000, '≤ 1000 ms') : info(), { floor: buildFloorMs }, note);
    rec.add(`matcher heap, ${label} companies`, built.bytes / MB, 'MB', info(), { payload: payloadBytes(lexicon.toPayload()) / MB });

    const scanMs = timeMedian(() => lexicon.matcher.scan(text));
    const scanMBs = bytes / MB / (scanMs / 1000);
    const re = regexpPeer(entries, text);
    const ac = quick && full ? null : ahoCorasickPeer(entries, text);
    rec.add(`matcher scan, ${label} companies`, scanMBs, 'MB/s', full ? atLeast(50, '≥ 50 MB/s') : info(), {
      floor: floorMBs,
      peer: re.MBs,
      ahoCorasick: ac?.MBs,
      ahoCorasickBuildMs: ac?.buildMs,
      regexpCompileMs: re.compileMs,
    });
    rec.add(`matcher vs RegExp, ${label} companies`, scanMBs / re.MBs, '×', full ? atLeast(100, '≥ 100×') : info(), {}, `RegExp timed on ${Math.round(re.sampleChars / 1000)} kB`);
  }
}

function mapFloor(companies: readonly LexiconCompany[]): number {
  const map = new Map<string, number>();
  companies.forEach((c, i) => {
    map.set(c.name.toLowerCase(), i);
    for (const a of c.aliases) map.set(a.text.toLowerCase(), i);
  });
  return map.size;
}

function charCodeFloor(text: string): number {
  let sum = 0;
  for (let i = 0; i < text.length; i++) sum = (sum + text.charCodeAt(i)) | 0;
  return sum;
}

/** The distinct alias texts the lexicon fed to its matcher (what the peers must also find). */
function entryTexts(companies: readonly LexiconCompany[]): string[] {
  const texts = new Set<string>();
  for (const c of companies) {
    texts.add(c.name);
    for (const a of c.aliases) texts.add(a.text);
  }
  return [...texts];
}

function payloadBytes(p: LexiconPayload): number {
  const arrays = [...Object.values(p.matcher), ...Object.values(p)].filter((v) => ArrayBuffer.isView(v)) as ArrayBufferView[];
  return arrays.reduce((n, a) => n + a.byteLength, 0) + p.companyIds.reduce((n, id) => n + id.length * 2, 0);
}

/**
 * One alternation of all names, longest first, case-insensitive. A RegExp over 100k names is so
 * slow that it is timed on a prefix of the text that grows until the run lasts long enough.
 */
function regexpPeer(names: string[], text: string): { MBs: number; compileMs: number; sampleChars: number } {
  const source = [...names].sort((a, b) => b.length - a.length).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  const compile = timeOnce(() => {
    const re = new RegExp(source, 'gi');
    re.exec('warm up the compiler');
    return re;
  });
  const re = compile.value;
  let chars = 16_384;
  for (;;) {
    const sample = text.slice(0, chars);
    const t0 = performance.now();
    re.lastIndex = 0;
    let n = 0;
    while (re.exec(sample)) n++;
    const ms = performance.now() - t0;
    if (ms >= 300 || chars >= text.length) {
      return { MBs: Buffer.byteLength(sample, 'utf8') / MB / (ms / 1000), compileMs: compile.ms, sampleChars: chars };
    }
    chars = Math.min(text.length, chars * 4);
  }
}

/** The package matches exact code units, so it gets lower-cased names and text, prepared untimed. */
function ahoCorasickPeer(names: string[], text: string): { MBs: number; buildMs: number } {
  const build = timeOnce(() => new AhoCorasick(names.map((n) => n.toLowerCase())));
  const lower = text.toLowerCase();
  const ms = timeMedian(() => build.value.matchInText(lower), 1, 0, 1);
  return { MBs: Buffer.byteLength(text, 'utf8') / MB / (ms / 1000), buildMs: build.ms };
}
