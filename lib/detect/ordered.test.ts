// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { OrderedRanges, precedes } from './ordered';

/** A page of `n` paragraphs and one range per paragraph (the scanner's StaticRanges carry the same fields). */
function page(n: number) {
  document.body.innerHTML = Array.from({ length: n }, (_, i) => `<p>p${i}</p>`).join('');
  return [...document.querySelectorAll('p')].map((p) => ({ startContainer: p.firstChild!, startOffset: 0, endContainer: p.firstChild!, endOffset: 2 }) as unknown as AbstractRange);
}

const all = (list: OrderedRanges) => {
  const out: AbstractRange[] = [];
  list.walk(list.lowerBound(() => false), { chunk: Infinity, index: 0 }, (r) => (out.push(r), true));
  return out;
};

describe('ranges in document order', () => {
  it('keeps document order whatever the insertion order, across chunk splits', () => {
    const ranges = page(1_500);
    const list = new OrderedRanges();
    // The visible-part-first walk: the second half of the page, then the first half; then a rescan.
    for (const r of ranges.slice(700)) list.insert(r);
    for (const r of ranges.slice(0, 700).filter((_, i) => i % 3 !== 0)) list.insert(r);
    for (const r of ranges.slice(0, 700).filter((_, i) => i % 3 === 0).reverse()) list.insert(r);
    expect(list.size).toBe(1_500);
    expect(all(list)).toEqual(ranges);
  });

  it('finds the first range past a position by binary search, and walks a window', () => {
    const ranges = page(2_000);
    const list = new OrderedRanges();
    for (const r of ranges) list.insert(r);
    const index = (r: AbstractRange) => ranges.indexOf(r);
    const from = list.lowerBound((r) => index(r) < 1_234);
    const to = list.lowerBound((r) => index(r) < 1_240);
    const seen: number[] = [];
    list.walk(from, to, (r) => (seen.push(index(r)), true));
    expect(seen).toEqual([1_234, 1_235, 1_236, 1_237, 1_238, 1_239]);
    expect(list.lowerBound(() => true).chunk).toBeGreaterThan(0);
  });

  it('removes ranges by identity, even once their nodes have left the page', () => {
    const ranges = page(600);
    const list = new OrderedRanges();
    for (const r of ranges) list.insert(r);
    const dead = new Set(ranges.filter((_, i) => i % 2 === 1));
    for (const r of dead) (r.startContainer as Text).parentElement!.remove();
    list.removeAll(dead);
    expect(list.size).toBe(300);
    expect(all(list)).toEqual(ranges.filter((_, i) => i % 2 === 0));
  });

  it('orders two ranges in one text node by offset', () => {
    const [r] = page(1);
    const later = { ...r, startOffset: 1 } as unknown as AbstractRange;
    expect(precedes(r, later)).toBe(true);
    expect(precedes(later, r)).toBe(false);
  });
});
