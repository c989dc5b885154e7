import type { SearchDocument } from './options';
import { normaliseTerm } from './terms';

/** Serialised form: normalised names and aliases, sorted, with the document id of each. */
const WORD_START = /(?<![\p{L}\p{N}])[\p{L}\p{N}]/gu;

export interface NamePrefixJson {
  keys: string[];
  ids: string[];
  /** Precomputed rank of each entry, so a prefix with thousands of names is ranked without lookups. */
  ranks: number[];
}

/**
 * Names and aliases in sorted order, for the first few letters typed. A full-text prefix
 * search for "st" or "sta" would expand to every indexed word starting with "st" and score most of a large
 * index; a binary search over sorted names finds the names with a word that starts with it in O(log n + matches).
 */
export class NamePrefixes {
  constructor(private readonly data: NamePrefixJson) {}

  static build(docs: SearchDocument[]): NamePrefixes {
    const pairs: [string, string, number][] = [];
    for (const d of docs) {
      if (d.t === 'article') continue;
      const names = [d.n, ...(d.aliases ? d.aliases.split(' · ') : [])];
      // Every word start of a name is a key ("alibaba group", "group"), so "gr" finds it too.
      // Names starting with the typed letters beat names with a later word starting with them;
      // then more mentions, then shorter names.
      const base = Math.min(d.m, 1e5) * 100 - Math.min(d.n.length, 99);
      for (const name of names) {
        const folded = normaliseTerm(name);
        for (const m of folded.matchAll(WORD_START)) pairs.push([folded.slice(m.index), d.id, base + (m.index === 0 ? 1e8 : 0)]);
      }
    }
    pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return new NamePrefixes({ keys: pairs.map((p) => p[0]), ids: pairs.map((p) => p[1]), ranks: pairs.map((p) => p[2]) });
  }

  toJSON(): NamePrefixJson {
    return this.data;
  }

  /**
   * The best `top` document ids with a name or alias word starting with `prefix` (normalised),
   * each once, best first; an exact name ranks above everything.
   */
  match(prefix: string, top = 50): { id: string; rank: number }[] {
    const { keys, ids, ranks } = this.data;
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (keys[mid] < prefix) lo = mid + 1;
      else hi = mid;
    }
    // Keep the best `top` entries in a small sorted array: ranges can hold thousands of names
    // and sorting them all would cost more than the search itself.
    const best: { id: string; rank: number }[] = [];
    for (let i = lo; i < keys.length && keys[i].startsWith(prefix); i++) {
      const rank = ranks[i] + (keys[i] === prefix ? 1e9 : 0);
      if (best.length === top && rank <= best[top - 1].rank) continue;
      const known = best.findIndex((b) => b.id === ids[i]);
      if (known !== -1) {
        if (best[known].rank >= rank) continue;
        best.splice(known, 1);
      }
      let at = best.length;
      while (at > 0 && best[at - 1].rank < rank) at--;
      best.splice(at, 0, { id: ids[i], rank });
      if (best.length > top) best.pop();
    }
    return best;
  }
}
