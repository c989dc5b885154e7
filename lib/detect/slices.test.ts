// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Lexicon } from './lexicon';
import { Marks } from './marks';
import { PageScanner } from './scanner';
import { PageWatcher } from './watch';

/**
 * The content script's main-thread work ends its slice by the clock, not after a count of items:
 * on a slow machine (a clock that moves a lot per step) each slice does little and yields, on a
 * fast one (a clock that hardly moves) one slice does everything. Injected clocks, no timings.
 */

// happy-dom has no StaticRange; the scanner only reads its four boundary fields.
(globalThis as { StaticRange?: unknown }).StaticRange ??= class {
  constructor(init: StaticRangeInit) {
    Object.assign(this, init);
  }
};

const lexicon = Lexicon.build([
  { id: 'alibaba', name: 'Alibaba Group', aliases: [{ text: 'Alibaba' }] },
  { id: 'tencent', name: 'Tencent', aliases: [] },
]);

/** A clock that moves `step` ms each time it is read: 0 is a very fast machine. */
const clockMoving = (step: number) => {
  let now = 0;
  return () => (now += step);
};

const paragraphs = (n: number) => Array.from({ length: n }, (_, i) => `<p>Item ${i}: Tencent and Alibaba.</p>`).join('');

describe('time slices on a slow and a fast clock', () => {
  it('the scanner yields after each step on a slow clock, and not at all on a fast one', async () => {
    document.body.innerHTML = paragraphs(30);
    const slow = new PageScanner(lexicon, lexicon.resolver(), { clock: clockMoving(10), sliceMs: 6 });
    await slow.scanDocument(document);
    const fast = new PageScanner(lexicon, lexicon.resolver(), { clock: clockMoving(0), sliceMs: 6 });
    await fast.scanDocument(document);
    // Same result either way; only the number of slices differs.
    expect(slow.mentions).toHaveLength(60);
    expect(fast.mentions).toHaveLength(60);
    expect(fast.stats.slices).toBe(1);
    // Thirty blocks read and sixty mentions turned into ranges, one step per slice.
    expect(slow.stats.slices).toBeGreaterThanOrEqual(30);
  });

  it('a rescan forgets what the page replaced within slices too', async () => {
    document.body.innerHTML = `<div id="feed">${paragraphs(20)}</div>`;
    const forgotten: number[] = [];
    const s = new PageScanner(lexicon, lexicon.resolver(), { clock: clockMoving(10), sliceMs: 6, onForgotten: (r) => forgotten.push(r.length) });
    await s.scanDocument(document);
    const feed = document.getElementById('feed')!;
    feed.innerHTML = '<p>Only Tencent now.</p>';
    const before = s.stats.slices;
    await s.rescan([feed]);
    expect(s.mentions.map((m) => lexicon.companyIds[m.companyIndex])).toEqual(['tencent']);
    expect(forgotten).toEqual([40]);
    expect(s.stats.slices - before).toBeGreaterThan(1);
  });

  it('the watcher sorts out one changed root per batch on a slow clock', async () => {
    document.body.innerHTML = '<div id="a"></div><div id="b"></div><div id="c"></div>';
    const s = new PageScanner(lexicon, lexicon.resolver());
    await s.scanDocument(document);
    const rescan = vi.spyOn(s, 'rescan');
    const w = new PageWatcher(s, { delayMs: 1, clock: clockMoving(10), sliceMs: 6 });
    w.observe(document);
    for (const id of ['a', 'b', 'c']) document.getElementById(id)!.innerHTML = '<p>Tencent</p>';
    await vi.waitFor(() => expect(s.mentions).toHaveLength(3), { timeout: 30_000 });
    expect(rescan.mock.calls.map(([roots]) => roots.length)).toEqual([1, 1, 1]);
    w.disconnect();
  });
});

describe('marks on a slow and a fast clock', () => {
  const win = window as unknown as { Highlight?: unknown; CSS?: { highlights?: unknown } };
  const saved = { Highlight: win.Highlight, CSS: win.CSS };
  afterEach(() => Object.assign(win, saved));

  it('registers one range per frame on a slow clock, all of them on a fast one', () => {
    // A stand-in for the Custom Highlight API, which happy-dom lacks.
    win.Highlight = class extends Set<AbstractRange> {};
    win.CSS = { highlights: new Map() };
    document.body.innerHTML = paragraphs(5);
    const ranges = [...document.querySelectorAll('p')].map((p) => new StaticRange({ startContainer: p.firstChild!, startOffset: 0, endContainer: p.firstChild!, endOffset: 4 }));
    const slow = new Marks('underline', clockMoving(10));
    for (const r of ranges) slow.add(r);
    slow.flush();
    expect(slow.painted).toBe(1);
    slow.flush();
    expect(slow.painted).toBe(2);
    slow.dispose();
    const fast = new Marks('underline', clockMoving(0));
    for (const r of ranges) fast.add(r);
    fast.flush();
    expect(fast.painted).toBe(5);
    fast.dispose();
  });
});
