import type { Article, Mention } from '../dataset/schema';
import { splitSentences } from '../knowledge/sentences';

/**
 * For a company the corpus reports no fact about, the card shows the one sentence that says the
 * most about it. A sentence earns points for what a reader learns from it — a verb of action, a
 * figure, another named party — and loses them for being a headline, a caption or a bare
 * mention; among equally informative sentences the most recent article wins.
 */

export interface MentionSentence {
  articleId: string;
  title: string;
  sentence: string;
  /** The article's date, when it states one. */
  date?: string;
}

/** Verbs that report something a company did or had done to it. */
const ACTION =
  /\b(?:said|says|announced?s?|launch(?:ed|es)?|rais(?:ed|es)|bought|buys|acquir(?:ed|es)|sold|sells|agreed|signed|opened|closed|cut|cuts|hired|appointed|named|invest(?:ed|s)|plans?|planned|expand(?:ed|s)|reported|posted|won|lost|fined|sued|banned|merged|partnered|listed|filed|built|released|unveiled|introduced|offered|received|led|backed|owns|operates|makes|runs|employs|provides|serves)\b/i;
const FIGURE = /\d|[$€£¥₹]/;
/** A capitalised word inside the sentence (not its first word): another party, a place, a person. */
const OTHER_NAME = /(?<=\s)\p{Lu}[\p{L}&.-]+/gu;
const MIN_WORDS = 6;
const LONG = 400;

/** How informative a sentence is about the company named by `alias` in it. */
export function mentionScore(sentence: string, alias: string): number {
  const words = sentence.split(/\s+/).filter(Boolean).length;
  let score = 0;
  if (ACTION.test(sentence)) score += 3;
  if (FIGURE.test(sentence)) score += 2;
  const others = (sentence.match(OTHER_NAME) ?? []).filter((w) => !alias.includes(w));
  if (others.length > 0) score += 1;
  // A headline or caption: short, or without the full stop a sentence of running text ends with.
  if (words < MIN_WORDS) score -= 4;
  if (!/[.!?…]["”’')\]]*$/.test(sentence.trim())) score -= 2;
  if (sentence.length > LONG) score -= 1;
  return score;
}

/** Where an article sits in time: its stated date, else the corpus order the caller gives. */
const when = (a: Article, rank: (a: Article) => number) => (a.date ? Number(a.date.replace(/-/g, '').padEnd(8, '0')) * 1e6 : 0) + rank(a);

/** The most informative sentence naming the company, with its article; null when none can be read. */
export function bestMentionSentence(mentions: readonly Mention[], articles: ReadonlyMap<string, Article>, rank: (a: Article) => number): MentionSentence | null {
  let best: { score: number; at: number; found: MentionSentence } | null = null;
  const spans = new Map<string, ReturnType<typeof splitSentences>>();
  for (const m of mentions) {
    const a = articles.get(m.articleId);
    if (!a) continue;
    if (!spans.has(a.id)) spans.set(a.id, splitSentences(a.body));
    const span = spans.get(a.id)!.find((s) => s.start <= m.start && m.end <= s.end);
    if (!span) continue;
    const sentence = a.body.slice(span.start, span.end).trim();
    const score = mentionScore(sentence, m.alias);
    const at = when(a, rank);
    if (best && (score < best.score || (score === best.score && at <= best.at))) continue;
    best = { score, at, found: { articleId: a.id, title: a.title, sentence, ...(a.date ? { date: a.date } : {}) } };
  }
  return best?.found ?? null;
}
