import { describe, expect, it } from 'vitest';
import { HoverController, type CardView, type HoverEnv } from './hover';
import type { PageScanner } from './scanner';

/** Drives the controller's pointer logic with synthetic events and records the timers it sets. */
function setup(prefetch?: (m: unknown) => void) {
  const timers: { ms: number; fn: () => void; cleared: boolean }[] = [];
  const env: HoverEnv = {
    addEventListener: () => undefined,
    setTimeout: (fn, ms) => timers.push({ fn, ms, cleared: false }),
    clearTimeout: (id) => {
      if (timers[id - 1]) timers[id - 1].cleared = true;
    },
  };
  const card: CardView = { isOpen: false, pinned: false, current: null, show: () => undefined, hide: () => undefined, containsEvent: () => false };
  const hover = new HoverController({ knownScopes: new Set(), mentionAt: () => null, mentions: [] } as unknown as PageScanner, card, env, {
    dwellMs: () => 300,
    isMuted: () => false,
    prefetch,
  });
  const move = (x: number, y: number, t: number) =>
    (hover as unknown as { onMove(d: unknown, e: unknown): void }).onMove({}, { pointerType: 'mouse', clientX: x, clientY: y, timeStamp: t });
  const live = () => timers.filter((t) => !t.cleared).map((t) => t.ms);
  return { move, live, timers, hover };
}

describe('HoverController dwell timing', () => {
  it('waits longer after a fast arrival, then starts the ordinary dwell when the pointer rests', () => {
    const { move, live } = setup();
    move(0, 0, 0);
    move(600, 300, 10);
    expect(live()).toEqual([450]);
    move(601, 300, 70);
    expect(live()).toEqual([300]);
  });

  it('keeps the running dwell through small jitter, restarts it on a real move', () => {
    const { move, live, timers } = setup();
    move(100, 100, 0);
    move(102, 101, 100);
    move(104, 102, 200);
    expect(live()).toEqual([300]);
    const before = timers.length;
    move(104, 200, 400);
    expect(timers.length).toBe(before + 1);
    expect(live()).toEqual([300]);
  });

  it('never lets a sweep leave more than one timer, and a stop-on-fast waits the longer dwell', () => {
    const { move, live } = setup();
    for (let i = 0; i <= 6; i++) move(i * 200, 300, i * 16);
    expect(live()).toEqual([450]);
  });
});

describe('HoverController prefetch', () => {
  it('looks up the name once the pointer settles, before the dwell ends, and not while it travels', () => {
    const seen: unknown[] = [];
    const { move, live, timers, hover } = setup((m) => seen.push(m));
    const mention = { companyIndex: 3 };
    (hover as unknown as { mentionAt: () => unknown }).mentionAt = () => mention;
    move(100, 100, 0);
    expect(live()).toEqual([300, 60]);
    move(150, 100, 100);
    expect(live()).toEqual([300, 60]);
    const settle = timers.filter((t) => !t.cleared && t.ms === 60);
    expect(settle).toHaveLength(1);
    settle[0].fn();
    expect(seen).toEqual([mention]);
  });
});
