import { nextTask } from '../util/yield';

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

/** Lets the page run (input, rendering) before the next slice, keeping the scan's place ahead of other queued work. */
export const yieldToPage = (): Promise<void> => nextTask();
