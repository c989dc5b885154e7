/**
 * The clock that bounds the content script's main-thread work. Every loop that can grow with the
 * page (scanning, forgetting what a rescan replaces, registering ranges, sorting out mutations)
 * stops when its slice of this clock is spent, never after a fixed count of items: a count that
 * fits a slice on a fast machine is a long task on a slow one. Tests pass a clock of their own to
 * show that a slice ends on a slow machine.
 */
export type Clock = () => number;

export const pageClock: Clock = () => performance.now();

/** Longest stretch of work between two yields to the page, in milliseconds of the clock. */
export const SLICE_MS = 6;

/** Lets the page run (input, rendering) before the next slice. */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
