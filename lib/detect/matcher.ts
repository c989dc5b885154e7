import { buildTables, type EntrySource, type Skipped } from './fingerprint';
import { MATCHER_VERSION, MatcherCore, checkPayload, type BuildReport, type MatcherEntry, type MatcherPayload } from './matcher-core';

export { MATCHER_VERSION, MatcherCore };
export type { BuildReport, EntrySource, MatchHit, MatcherEntry, MatcherPayload } from './matcher-core';

/** The matcher with its builder; content scripts only read built ones (matcher-core.ts). */
export class Matcher extends MatcherCore {
  /** Builds a matcher whose hits carry the index of their entry in `entries`. */
  static build(entries: readonly MatcherEntry[] | EntrySource, report?: BuildReport): Matcher {
    const { matcher, order } = Matcher.buildDense(entries, report);
    matcher.p.entryOf = order;
    return matcher;
  }

  /**
   * Builds a matcher whose hits carry the entry's position in `order` instead of its index
   * (order[position] = index). A caller that keeps per-entry data can store it by position and
   * save the matcher the index table; entries skipped as empty or duplicate get no position.
   */
  static buildDense(entries: readonly MatcherEntry[] | EntrySource, report?: BuildReport): { matcher: Matcher; order: Int32Array } {
    const skipped: Skipped[] = [];
    const source: EntrySource = Array.isArray(entries)
      ? { count: entries.length, text: (i) => entries[i].text, caseSensitive: (i) => entries[i].caseSensitive === true }
      : (entries as EntrySource);
    const t = buildTables(source, skipped);
    report?.skipped.push(...skipped);
    const { order, ...tables } = t;
    const matcher = new Matcher({ format: 'company-lens-matcher', version: MATCHER_VERSION, ...tables, entryOf: new Int32Array(0) });
    return { matcher, order };
  }

  static override fromPayload(payload: MatcherPayload): Matcher {
    checkPayload(payload);
    return new Matcher(payload);
  }
}
