import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitCorpus } from '../lib/corpus';
import { buildDataset } from '../lib/dataset/build';
import { BuildCache } from '../lib/dataset/cache';
import { Lexicon } from '../lib/detect/lexicon';
import { parseRegistry } from '../lib/registry/load';
import { analyseArticle, organisations, registryKeys, resolveOrgs } from '../lib/knowledge/orgs';
import { ROOT } from './data';
import { newsCorpus } from './news';
import { atMost, info, type Recorder } from './report';
import { MB, timeMedian, timeOnce } from './timing';

/**
 * Knowledge build in Node over 1,000 BBC-size articles (~2.5 MB): organisation discovery and
 * resolution (budget 5 s), the whole build with facts (budget 10 s), adding one article to the
 * analysed corpus, and the size and speed of the lexicon such a corpus produces.
 */
export async function knowledgeSuite(rec: Recorder, quick: boolean): Promise<void> {
  const documents = newsCorpus(1_000);
  const articles = splitCorpus(documents);
  const chars = articles.reduce((n, a) => n + a.body.length, 0);
  const note = `${articles.length} articles, ${(chars / MB).toFixed(2)} MB`;
  const discover = () => resolveOrgs(articles.map((a) => analyseArticle(a.id, a.body)));
  const cpu0 = process.cpuUsage();
  const orgMs = quick ? timeOnce(discover).ms : timeMedian(discover, 3);
  const cpu = process.cpuUsage(cpu0);
  // CPU time beside wall time: on a shared machine the two differ by the load.
  const cpuMs = (cpu.user + cpu.system) / 1000 / (quick ? 1 : 3);
  rec.add('organisations: discover + resolve, 1k articles', orgMs, 'ms', atMost(5000, '≤ 5000 ms'), { cpuMs }, note);

  const analyses = articles.map((a) => analyseArticle(a.id, a.body));
  const extra = documents[0].text.replace(/news 0/, 'news extra');
  const addOne = () => resolveOrgs([...analyses, analyseArticle('extra#0', extra)]);
  rec.add('organisations: add one article at 1k', quick ? timeOnce(addOne).ms : timeMedian(addOne, 5), 'ms', info(), {}, 'analyse it, resolve the corpus again');

  const registryFile = join(ROOT, 'seeds/companies.json');
  const registry = parseRegistry(readFileSync(registryFile, 'utf8'), registryFile);
  const buildCpu0 = process.cpuUsage();
  const built = timeOnce(() => buildDataset({ documents, registry, source: 'bench' }));
  const buildCpu = process.cpuUsage(buildCpu0);
  rec.add('knowledge build (orgs + facts), 1k articles', built.ms, 'ms', atMost(10_000, '≤ 10000 ms'), {
    cpuMs: (buildCpu.user + buildCpu.system) / 1000,
    companies: built.value.companies.length,
    facts: built.value.facts.length,
  }, note);

  // The same build with the cache a worker keeps (lib/dataset/cache.ts): one more article.
  const cache = new BuildCache();
  buildDataset({ documents, registry, source: 'bench', cache });
  const more = newsCorpus(1_001);
  const addCached = () => buildDataset({ documents: more, registry, source: 'bench', cache });
  rec.add('knowledge build: add one article at 1k, cached', quick ? timeOnce(addCached).ms : timeMedian(addCached, 3), 'ms', info(), {}, 'a new article with new organisations; organisations resolved and names found again, only changed articles read');

  const entries = registry.companies;
  const lexiconCompanies = organisations(resolveOrgs(analyses, registryKeys(entries)), entries);
  const lex = timeOnce(() => Lexicon.build(lexiconCompanies));
  const text = articles.map((a) => a.body).join('\n\n');
  const scanMs = timeMedian(() => lex.value.matcher.scan(text), quick ? 1 : 3);
  rec.add('lexicon (registry + discovered), 1k articles', lexiconCompanies.length, 'companies', info(), {
    names: lexiconCompanies.reduce((n, c) => n + 1 + c.aliases.length, 0),
    buildMs: lex.ms,
    scanMBs: Buffer.byteLength(text) / MB / (scanMs / 1000),
  });
}
