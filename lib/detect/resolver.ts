import type { LexiconPayload, Mention } from './lexicon-core';
import { ALIAS, AMBIGUOUS, CONTEXT } from './lexicon-data';
import { indexOfSorted } from './matcher-core';

/**
 * Applies the ambiguity rule incrementally, because a page is scanned in slices: an ambiguous
 * hit stays pending until something confirms its company. An unambiguous name confirms the
 * company for the whole scope (a page, an article). A context word confirms it only within the
 * same block of text when hits carry a `block` tag (the page scanner's paragraphs), so "Ant
 * colony" in one paragraph is not confirmed by "Alibaba" in another; untagged hits form one block.
 */
export class MentionResolver {
  private readonly confirmed = new Set<number>();
  /** Companies confirmed by a context word, per block ("company:block" keys). */
  private readonly inBlock = new Set<string>();
  /**
   * Pending ambiguous mentions by company, so that a confirmation looks only at that company's
   * pending mentions: a long page adds a context key per paragraph, and scanning every pending
   * mention each time would make the scan quadratic.
   */
  private readonly pending = new Map<number, Mention[]>();
  private readonly accepted: Mention[] = [];

  /**
   * @param keep whether to keep every accepted mention for `mentions()`; the page scanner keeps
   *   its own list (with ranges), so a second copy of tens of thousands of mentions would be waste.
   */
  constructor(
    private readonly p: LexiconPayload,
    private readonly keep = true,
  ) {}

  private isConfirmed(c: number, block: number | undefined): boolean {
    return this.confirmed.has(c) || this.inBlock.has(`${c}:${block ?? -1}`);
  }

  /** Moves pending mentions of `c` (only those in `block`, when given) to `out`. */
  private release(c: number, block: number | undefined | null, out: Mention[]): void {
    const list = this.pending.get(c);
    if (!list) return;
    if (block === null) {
      this.pending.delete(c);
      out.push(...list);
      return;
    }
    const keep = list.filter((m) => (m.block ?? -1) !== (block ?? -1));
    if (keep.length === list.length) return;
    for (const m of list) if ((m.block ?? -1) === (block ?? -1)) out.push(m);
    if (keep.length === 0) this.pending.delete(c);
    else this.pending.set(c, keep);
  }

  /** Adds raw matcher hits; returns the mentions accepted by this call (new and released). */
  add(hits: readonly { start: number; end: number; value: number; block?: number }[]): Mention[] {
    const { company, flags, contextStart, contextList } = this.p;
    const fresh: Mention[] = [];
    for (const h of hits) {
      const at = (flags[h.value] & CONTEXT) !== 0 ? indexOfSorted(this.p.contextEntry, h.value) : -1;
      for (let k = at < 0 ? 0 : contextStart[at], last = at < 0 ? 0 : contextStart[at + 1]; k < last; k++) {
        const c = contextList[k];
        const key = `${c}:${h.block ?? -1}`;
        if (!this.inBlock.has(key)) {
          this.inBlock.add(key);
          this.release(c, h.block, fresh);
        }
      }
      const c = company[h.value];
      if (c < 0 || (flags[h.value] & ALIAS) === 0) continue;
      const mention: Mention = { start: h.start, end: h.end, companyIndex: c, entry: h.value, block: h.block };
      const ambiguous = (flags[h.value] & AMBIGUOUS) !== 0;
      if (!ambiguous && !this.confirmed.has(c)) {
        this.confirmed.add(c);
        this.release(c, null, fresh);
      }
      if (!ambiguous || this.isConfirmed(c, h.block)) fresh.push(mention);
      else {
        const list = this.pending.get(c);
        if (list) list.push(mention);
        else this.pending.set(c, [mention]);
      }
    }
    if (this.keep) for (const m of fresh) this.accepted.push(m);
    return fresh;
  }

  /** Everything accepted so far, in text order when hits were added in text order. */
  mentions(): Mention[] {
    return [...this.accepted].sort((a, b) => a.start - b.start);
  }
}
