import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PaintGate } from './paint-gate';

/** A window with a load state, load listeners and animation frames run by hand. */
function fakeWindow(readyState: DocumentReadyState) {
  const frames = new Map<number, FrameRequestCallback>();
  const loadListeners = new Set<() => void>();
  let next = 1;
  const win = {
    document: { readyState },
    requestAnimationFrame(cb: FrameRequestCallback) {
      frames.set(next, cb);
      return next++;
    },
    cancelAnimationFrame: (id: number) => frames.delete(id),
    addEventListener: (_type: string, cb: () => void) => loadListeners.add(cb),
    removeEventListener: (_type: string, cb: () => void) => loadListeners.delete(cb),
  };
  return {
    win: win as unknown as Window,
    /** Runs the frame callbacks requested so far; returns how many ran. */
    frame() {
      const due = [...frames.values()];
      frames.clear();
      for (const cb of due) cb(0);
      return due.length;
    },
    load() {
      win.document.readyState = 'complete';
      for (const cb of [...loadListeners]) cb();
    },
  };
}

describe('PaintGate', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('opens once a name is found below the view, after a frame of the page’s own', () => {
    const page = fakeWindow('complete');
    const onOpen = vi.fn();
    const gate = new PaintGate(onOpen, page.win, 300);
    gate.found(() => false);
    gate.found(() => false);
    expect(page.frame()).toBe(0);
    gate.found(() => true);
    expect(gate.isOpen).toBe(false);
    expect(page.frame()).toBe(1);
    expect(gate.isOpen).toBe(true);
    expect(onOpen).toHaveBeenCalledTimes(1);
    // Open, it no longer measures anything.
    const below = vi.fn(() => true);
    gate.found(below);
    expect(below).not.toHaveBeenCalled();
  });

  it('opens after the fallback delay when every name found is in view', () => {
    const page = fakeWindow('complete');
    const onOpen = vi.fn();
    const gate = new PaintGate(onOpen, page.win, 300);
    gate.found(() => false);
    vi.advanceTimersByTime(299);
    expect(page.frame()).toBe(0);
    vi.advanceTimersByTime(1);
    page.frame();
    expect(onOpen).toHaveBeenCalledTimes(1);
  });

  it('waits for the page’s load, or opens anyway when it never comes', () => {
    const loading = fakeWindow('interactive');
    const onLoad = vi.fn();
    new PaintGate(onLoad, loading.win).open();
    expect(loading.frame()).toBe(0);
    loading.load();
    loading.frame();
    expect(onLoad).toHaveBeenCalledTimes(1);

    const stalled = fakeWindow('interactive');
    const onStall = vi.fn();
    new PaintGate(onStall, stalled.win).open();
    vi.advanceTimersByTime(999);
    expect(stalled.frame()).toBe(0);
    vi.advanceTimersByTime(1);
    stalled.frame();
    expect(onStall).toHaveBeenCalledTimes(1);
  });

  it('opens once however it is asked, and not at all once disposed', () => {
    const page = fakeWindow('complete');
    const onOpen = vi.fn();
    const gate = new PaintGate(onOpen, page.win, 300);
    gate.found(() => false);
    gate.open();
    gate.open();
    gate.found(() => true);
    vi.advanceTimersByTime(1_000);
    page.frame();
    expect(onOpen).toHaveBeenCalledTimes(1);

    const other = fakeWindow('complete');
    const never = vi.fn();
    const disposed = new PaintGate(never, other.win, 300);
    disposed.found(() => false);
    disposed.open();
    disposed.dispose();
    vi.advanceTimersByTime(1_000);
    other.frame();
    expect(never).not.toHaveBeenCalled();
  });
});
