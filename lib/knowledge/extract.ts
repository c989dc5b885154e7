import type { Article, Fact } from '../dataset/schema';
import type { Lexicon } from '../detect/lexicon';
import { Ctx, type PersonRoleDraft } from './context';
import { NAME, isPersonName } from './grammar';
import { deals } from './patterns/deals';
import { events } from './patterns/events';
import { numbers } from './patterns/numbers';
import { profile } from './patterns/profile';
import { results } from './patterns/results';
import { dateOf } from './period';
import { foldShortForms } from './shortforms';
import type { UnitOf } from './units';
import { sentenceViews, type BodyMention, type SentenceView } from './view';

/** Everything read from one article. */
export interface ArticleKnowledge {
  articleId: string;
  mentions: BodyMention[];
  sentences: SentenceView[];
  facts: Fact[];
  people: (PersonRoleDraft & { articleId: string; sentence: string })[];
}

const PATTERNS = [deals, profile, numbers, results, events];
const NAME_RE = new RegExp(NAME, 'gu');

/** Every capitalised multi-word name outside company mentions, to expand one-word references. */
function fullNames(body: string, mentions: BodyMention[]): string[] {
  const out = new Set<string>();
  for (const m of body.matchAll(NAME_RE)) {
    const at = m.index!;
    if (mentions.some((x) => at < x.end && at + m[0].length > x.start)) continue;
    if (isPersonName(m[1])) out.add(m[1]);
  }
  return [...out];
}

/** What the registry adds: units of a parent, and which ids are curated (never folded into another). */
export interface ExtractOptions {
  unitOf?: UnitOf;
  curated?: (id: string) => boolean;
}

/** "Series B", "series C2": the letter names a funding round, never an organisation that happens to share it. */
const ROUND_LETTER = /^[A-H]\d?\+?$/;
const SERIES_BEFORE = /\b(?:pre-)?[Ss]eries\s$/;

function isRoundLetter(body: string, m: { start: number; end: number }): boolean {
  return ROUND_LETTER.test(body.slice(m.start, m.end)) && SERIES_BEFORE.test(body.slice(Math.max(0, m.start - 12), m.start));
}

/** The lexicon's names found in an article's body: all that extraction reads of the lexicon. */
export function lexiconMentions(body: string, lexicon: Lexicon): BodyMention[] {
  const ids = lexicon.companyIds;
  return lexicon
    .mentions(body)
    .filter((m) => !isRoundLetter(body, m))
    .map((m) => ({ start: m.start, end: m.end, companyId: ids[m.companyIndex] }));
}

export function extractArticle(article: Article, lexicon: Lexicon, nameOf: (id: string) => string, options: ExtractOptions = {}): ArticleKnowledge {
  return extractFromMentions(article, lexiconMentions(article.body, lexicon), nameOf, options);
}

/**
 * What an article says, given the names found in it: a function of the article, `found`, and the
 * answers of `nameOf` and `options` alone (lib/dataset/cache.ts relies on that to reuse it).
 */
export function extractFromMentions(article: Article, found: BodyMention[], nameOf: (id: string) => string, options: ExtractOptions = {}): ArticleKnowledge {
  const { unitOf = () => undefined, curated = () => false } = options;
  const mentions: BodyMention[] = foldShortForms(found, nameOf, curated);
  const sentences = sentenceViews(article.id, article.body, mentions);
  const names = fullNames(article.body, mentions);
  const facts: Fact[] = [];
  const people: ArticleKnowledge['people'] = [];
  for (const view of sentences) {
    const ctx = new Ctx(view, nameOf, names, unitOf);
    for (const pattern of PATTERNS) pattern(ctx);
    const seen = new Set<string>();
    for (const draft of ctx.facts) {
      const key = `${draft.type}|${draft.companyId}|${JSON.stringify(draft.values)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const id = `${article.id}@${view.start}/${draft.type}/${draft.companyId}/${seen.size}`;
      const period = 'period' in draft.values ? draft.values.period : undefined;
      const date = dateOf(period, article.date);
      facts.push({ ...draft, id, articleId: article.id, sentence: view.sentence, ...(date ? { date } : {}) } as Fact);
    }
    for (const p of ctx.people) people.push({ ...p, articleId: article.id, sentence: view.sentence });
  }
  return { articleId: article.id, mentions, sentences, facts, people };
}
