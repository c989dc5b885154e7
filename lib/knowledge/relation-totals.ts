import type { Relation } from '../dataset/schema';
import type { ArticleKnowledge } from './extract';

/**
 * Co-mention relations kept as running totals, so that a build which changes a few articles
 * changes only their pairs. Two companies named in the same sentence are far more likely to be
 * related (a deal, a rivalry) than two named somewhere in the same long roundup, so a shared
 * sentence weighs more than a shared article.
 *
 * The relations are a function of the set of articles' knowledge alone (sums and sorted lists),
 * so subtracting what an article added gives what a build without it gives. Each article is
 * known by the knowledge object it was counted with: a build that reads an article again gets
 * a new object, whose pairs replace the old one's. A relation that did not change is the same
 * object as in the previous build, which lets the store tell unchanged rows at a glance.
 */

export const SAME_ARTICLE_WEIGHT = 1;
export const SAME_SENTENCE_WEIGHT = 3;

/** One pair an article adds: companies in id order, and the weight it adds. */
interface PairShare {
  a: string;
  b: string;
  weight: number;
}

function sharesOf(k: ArticleKnowledge): PairShare[] {
  const out: PairShare[] = [];
  const pairs = (ids: Set<string>, weight: number) => {
    const list = [...ids].sort();
    for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) out.push({ a: list[i], b: list[j], weight });
  };
  pairs(new Set(k.mentions.map((m) => m.companyId)), SAME_ARTICLE_WEIGHT);
  for (const s of k.sentences) {
    const ids = new Set(s.companies.filter((c) => !c.anaphor).map((c) => c.companyId));
    if (ids.size > 1) pairs(ids, SAME_SENTENCE_WEIGHT);
  }
  return out;
}

interface PairTotal {
  weight: number;
  /** One entry per share counted (an article appears once per sentence and once for itself). */
  articleIds: string[];
  /** The relation as last given out; dropped when the pair changes. */
  relation?: Relation;
}

export class RelationTotals {
  private readonly byFirst = new Map<string, Map<string, PairTotal>>();
  /** The knowledge each article was counted with; its shares are worked out again to take them away. */
  private readonly counted = new Map<string, ArticleKnowledge>();
  private firstOrder: string[] | null = [];
  /** The relations of each first company, for the firsts none of whose pairs changed. */
  private readonly rowsOf = new Map<string, Relation[]>();

  /** The relations of exactly these articles, changing only the pairs of articles that changed. */
  update(all: readonly ArticleKnowledge[]): Relation[] {
    // Keyed by article id, and by how many times it came before should a corpus repeat an id.
    const current = new Map<string, ArticleKnowledge>();
    for (const k of all) {
      let key = k.articleId;
      for (let n = 1; current.has(key); n++) key = `${k.articleId}\u0000${n}`;
      current.set(key, k);
    }
    for (const [key, was] of this.counted) {
      if (current.get(key) === was) continue;
      for (const share of sharesOf(was)) this.remove(share, was.articleId);
      this.counted.delete(key);
    }
    for (const [key, knowledge] of current) {
      if (this.counted.has(key)) continue;
      for (const share of sharesOf(knowledge)) this.add(share, knowledge.articleId);
      this.counted.set(key, knowledge);
    }
    return this.relations();
  }

  private add({ a, b, weight }: PairShare, articleId: string): void {
    let second = this.byFirst.get(a);
    if (!second) {
      this.byFirst.set(a, (second = new Map()));
      this.firstOrder = null;
    }
    let total = second.get(b);
    if (!total) second.set(b, (total = { weight: 0, articleIds: [] }));
    this.rowsOf.delete(a);
    total.weight += weight;
    total.articleIds.push(articleId);
    total.relation = undefined;
  }

  private remove({ a, b, weight }: PairShare, articleId: string): void {
    const second = this.byFirst.get(a)!;
    const total = second.get(b)!;
    total.weight -= weight;
    total.articleIds.splice(total.articleIds.indexOf(articleId), 1);
    total.relation = undefined;
    this.rowsOf.delete(a);
    if (total.articleIds.length > 0) return;
    second.delete(b);
    if (second.size > 0) return;
    this.byFirst.delete(a);
    this.firstOrder = null;
  }

  private relations(): Relation[] {
    this.firstOrder ??= [...this.byFirst.keys()].sort();
    const out: Relation[] = [];
    for (const a of this.firstOrder) {
      let rows = this.rowsOf.get(a);
      if (!rows) {
        const second = this.byFirst.get(a)!;
        rows = [...second.keys()].sort().map((b) => {
          const total = second.get(b)!;
          return (total.relation ??= { a, b, weight: total.weight, articleIds: uniqueSorted(total.articleIds) });
        });
        this.rowsOf.set(a, rows);
      }
      for (const row of rows) out.push(row);
    }
    return out;
  }
}

function uniqueSorted(ids: readonly string[]): string[] {
  const sorted = [...ids].sort();
  return sorted.filter((id, i) => i === 0 || id !== sorted[i - 1]);
}
