/**
 * The ranges of one tree (a document or a shadow root) kept in document order, so that the ones
 * near the viewport can be found by a binary search on their position instead of by watching
 * every marked element. Ranges are held in chunks of at most CHUNK entries: the scanner mostly
 * appends (one comparison), but the visible-part-first walk and rescans insert earlier in the
 * page, and a chunk keeps such an insertion's copying short however long the page is.
 */

const CHUNK = 512;
const FOLLOWING = 4;

/** True when `a` starts before `b` in their tree. */
export function precedes(a: AbstractRange, b: AbstractRange): boolean {
  const x = a.startContainer;
  const y = b.startContainer;
  if (x === y) return a.startOffset < b.startOffset;
  return (x.compareDocumentPosition(y) & FOLLOWING) !== 0;
}

/** A position in the list: chunk and index within it. */
export interface Cursor {
  chunk: number;
  index: number;
}

export class OrderedRanges {
  private chunks: AbstractRange[][] = [];
  size = 0;

  insert(range: AbstractRange): void {
    this.size++;
    const last = this.chunks.at(-1);
    if (!last) {
      this.chunks.push([range]);
      return;
    }
    if (precedes(last[last.length - 1], range)) {
      last.push(range);
      if (last.length > CHUNK) this.split(this.chunks.length - 1);
      return;
    }
    // The first chunk whose last range comes after `range` receives it.
    let c = this.lowerChunk((r) => precedes(r, range));
    if (c === this.chunks.length) c--;
    const chunk = this.chunks[c];
    let lo = 0;
    let hi = chunk.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (precedes(chunk[mid], range)) lo = mid + 1;
      else hi = mid;
    }
    chunk.splice(lo, 0, range);
    if (chunk.length > CHUNK) this.split(c);
  }

  private split(c: number): void {
    const chunk = this.chunks[c];
    this.chunks.splice(c + 1, 0, chunk.splice(chunk.length >> 1));
  }

  /** Index of the first chunk whose last range does not satisfy `before` (chunks.length if none). */
  private lowerChunk(before: (r: AbstractRange) => boolean): number {
    let lo = 0;
    let hi = this.chunks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const chunk = this.chunks[mid];
      if (before(chunk[chunk.length - 1])) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * The first range for which `before` is false, assuming `before` holds for a prefix of the list
   * (a range above the viewport is followed, in document order, by ranges further down).
   */
  lowerBound(before: (r: AbstractRange) => boolean): Cursor {
    const c = this.lowerChunk(before);
    if (c === this.chunks.length) return { chunk: c, index: 0 };
    const chunk = this.chunks[c];
    let lo = 0;
    let hi = chunk.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(chunk[mid])) lo = mid + 1;
      else hi = mid;
    }
    return { chunk: c, index: lo };
  }

  /** Calls `visit` for the ranges from `from` up to (not including) `to`, until it returns false. */
  walk(from: Cursor, to: Cursor, visit: (r: AbstractRange) => boolean): void {
    for (let c = from.chunk; c < this.chunks.length && c <= to.chunk; c++) {
      const chunk = this.chunks[c];
      const end = c === to.chunk ? to.index : chunk.length;
      for (let i = c === from.chunk ? from.index : 0; i < end; i++) if (!visit(chunk[i])) return;
    }
  }

  /**
   * Removes the given ranges in one pass. Their nodes may already be out of the page, where
   * document order means nothing, so they are found by identity, not by search.
   */
  removeAll(dead: ReadonlySet<AbstractRange>): void {
    if (dead.size === 0) return;
    const kept: AbstractRange[][] = [];
    let size = 0;
    for (const chunk of this.chunks) {
      const left = chunk.filter((r) => !dead.has(r));
      if (left.length > 0) kept.push(left);
      size += left.length;
    }
    this.chunks = kept;
    this.size = size;
  }

  clear(): void {
    this.chunks = [];
    this.size = 0;
  }
}
