import { splitSentences } from '../lib/knowledge';
import { syntheticName } from './synthetic/names';
import { Prng } from './synthetic/prng';
import { seedTexts } from './data';

/**
 * A synthetic news corpus for the knowledge benchmarks: articles of BBC size (~2.5 kB) made of
 * the seed corpus's own sentences, each article also naming a few invented organisations in
 * the ways news does ("X, the ... firm, said it", "shares in X", "X's chief executive"), so the
 * discovered lexicon grows with the corpus as it would with real news. A pure function of its
 * seed, so runs on different days compare.
 */

const FRAMES = [
  (a: string, b: string) => `${a}, the robotics firm, said it had raised $40m from investors including ${b}.`,
  (a: string) => `Shares in ${a} rose 4% after the company reported higher sales.`,
  (a: string, b: string) => `"We are pleased with the quarter," said Maria Lopez, ${a}'s chief executive, adding that ${b} remained a partner.`,
  (a: string) => `The bank ${a} said it would cut 300 jobs by the end of the year.`,
  (a: string, b: string) => `${a} and ${b} agreed a deal valued at $1.2bn, according to people familiar with the matter.`,
  (a: string) => `Analysts at ${a} said demand for the new models was stronger than expected.`,
];

export function newsCorpus(articles: number, seed = 7): { name: string; text: string }[] {
  const sentences = seedTexts().flatMap((t) => splitSentences(t).map((s) => t.slice(s.start, s.end)).filter((s) => s.length > 40 && s.length < 400));
  if (sentences.length === 0) throw new Error('seed corpus missing: the news benchmark reads seeds/corpus');
  const rng = new Prng(seed);
  const taken = new Set<string>();
  const out: { name: string; text: string }[] = [];
  for (let i = 0; i < articles; i++) {
    const orgs = Array.from({ length: 4 }, () => syntheticName(rng, taken).name);
    const paragraphs: string[] = [];
    let size = 0;
    let paragraph: string[] = [];
    while (size < 2_500) {
      const s = rng.chance(0.25) ? rng.pick(FRAMES)(rng.pick(orgs), rng.pick(orgs)) : rng.pick(sentences);
      paragraph.push(s);
      size += s.length + 1;
      if (paragraph.length === 3) {
        paragraphs.push(paragraph.join(' '));
        paragraph = [];
      }
    }
    if (paragraph.length) paragraphs.push(paragraph.join(' '));
    out.push({ name: `news_${String(i).padStart(4, '0')}.txt`, text: `${orgs[0]} news ${i}\n\n${paragraphs.join('\n\n')}\n` });
  }
  return out;
}
