import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Timing and memory helpers for Node measurements. Medians rather than means, because the
 * benchmark machine is shared and a single descheduled run should not decide a budget.
 */

setFlagsFromString('--expose-gc');
const gcFn = runInNewContext('gc') as (() => void) | undefined;

export function gc(): void {
  gcFn?.();
  gcFn?.();
}

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const at = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[at];
}

export const median = (samples: readonly number[]) => percentile(samples, 50);

/** Runs `fn` at least `minRuns` times and until `minMs` have passed; returns the median in ms. */
export function timeMedian(fn: () => unknown, minRuns = 3, minMs = 200, maxRuns = 50): number {
  const samples: number[] = [];
  const begin = performance.now();
  while (samples.length < minRuns || (performance.now() - begin < minMs && samples.length < maxRuns)) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

export function timeOnce<T>(fn: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = fn();
  return { ms: performance.now() - t0, value };
}

/** Heap growth caused by building what `fn` returns (kept alive until measured). */
export function heapDelta<T>(fn: () => T): { bytes: number; value: T } {
  gc();
  const before = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  const value = fn();
  gc();
  const after = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  return { bytes: after - before, value };
}

export const MB = 1e6;
