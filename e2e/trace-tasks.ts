import { writeFileSync } from 'node:fs';
import type { CDPSession, Page } from 'playwright-core';

/**
 * Main-thread tasks of a page, read from a Chromium trace (CDP Tracing), so a test can tell what
 * the extension costs the page. A task is judged by its thread CPU time, not its wall time: on a
 * machine busy with other builds the renderer can be descheduled in the middle of a 2 ms task and
 * PerformanceObserver then reports a 100 ms "long task" that did no work (seen on this project's
 * 2-core machines: 107 ms wall, 1.2 ms CPU). CPU time only grows with work the page really did,
 * and unlike the Long Tasks API the trace also shows rendering (style, layout, paint,
 * IntersectionObserver), where most of the extension's cost used to hide.
 */

export interface TraceTask {
  /** Start, in trace microseconds. */
  ts: number;
  wallMs: number;
  cpuMs: number;
  /**
   * CPU time of calls into the content scripts' world during this task (callbacks and message
   * handlers; a continuation after an `await` runs as a microtask and is not counted here).
   */
  extensionMs: number;
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; worldName?: string; data?: { message?: string } };
}

export interface PageTrace {
  tasks: TraceTask[];
  /** Trace time of each `marker()` call, by label. */
  markers: Map<string, number>;
}

const CATEGORIES = ['toplevel', 'devtools.timeline', 'v8'];
const CHECKPOINT = 'BlinkScheduler_PerformMicrotaskCheckpoint';
/** Outermost events of a task; a scheduler task nests a RunTask of its own. */
const TOP = new Set(['RunTask', 'ThreadControllerImpl::RunTask', CHECKPOINT]);

/** Starts tracing; `stop(null)` reads the thread that logged the markers (a page without the extension). */
export async function startTrace(page: Page): Promise<{ marker(label: string): Promise<void>; stop(worldName: string | null): Promise<PageTrace> }> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: CATEGORIES } });
  return {
    // console.timeStamp lands in the trace as a TimeStamp event on the page's main thread.
    marker: (label) => page.evaluate((l) => console.timeStamp(l), label),
    async stop(worldName) {
      const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.end');
      await done;
      await cdp.detach().catch(() => undefined);
      // Set CL_TRACE_FILE to keep the raw trace, which chrome://tracing or Perfetto can open.
      if (process.env.CL_TRACE_FILE) writeFileSync(process.env.CL_TRACE_FILE, JSON.stringify({ traceEvents: events }));
      return summarise(events, worldName);
    },
  };
}

function summarise(events: TraceEvent[], worldName: string | null): PageTrace {
  // The page's main thread is the one that ran the content script, or without an extension the
  // one that logged the markers.
  const world = worldName
    ? events.find((e) => e.name === 'v8.callFunction' && e.args?.worldName === worldName)
    : events.find((e) => e.name === 'TimeStamp');
  if (!world) throw new Error(worldName ? `the trace shows no script of the "${worldName}" world: did the content script run?` : 'the trace shows no marker');
  const own = events.filter((e) => e.pid === world.pid && e.tid === world.tid).sort((a, b) => a.ts - b.ts);
  const markers = new Map<string, number>();
  for (const e of own) if (e.name === 'TimeStamp' && e.args?.data?.message) markers.set(e.args.data.message, e.ts);
  const tasks: TraceTask[] = [];
  let end = -1;
  for (const e of own) {
    if (e.ph !== 'X' || !TOP.has(e.name) || e.ts < end) continue;
    const wall = e.dur ?? 0;
    const last = tasks.at(-1);
    // The microtask checkpoint after a task (where an awaited continuation such as a scanner
    // slice runs) is traced beside the task, not inside it, but belongs to it.
    if (e.name === CHECKPOINT && last && e.ts - end < 1_000) {
      last.wallMs = (e.ts + wall - last.ts) / 1000;
      last.cpuMs += (e.tdur ?? 0) / 1000;
    } else tasks.push({ ts: e.ts, wallMs: wall / 1000, cpuMs: (e.tdur ?? 0) / 1000, extensionMs: 0 });
    end = e.ts + wall;
  }
  // Content-script calls (which do not nest) added to the task that holds them.
  let t = 0;
  for (const e of own) {
    if (e.name !== 'v8.callFunction' || e.args?.worldName !== worldName) continue;
    while (t + 1 < tasks.length && tasks[t + 1].ts <= e.ts) t++;
    if (tasks[t] && e.ts < tasks[t].ts + tasks[t].wallMs * 1000) tasks[t].extensionMs += (e.tdur ?? 0) / 1000;
  }
  return { tasks, markers };
}

/** Tasks that started between two markers (to the end when `to` is absent). */
export function between(trace: PageTrace, from: string, to?: string): TraceTask[] {
  const a = trace.markers.get(from) ?? Infinity;
  const b = to === undefined ? Infinity : (trace.markers.get(to) ?? -Infinity);
  return trace.tasks.filter((task) => task.ts >= a && task.ts < b);
}

/**
 * A fixed amount of script work (integer arithmetic and sorting short strings). On this project's
 * 2-core machine, busy with other work (load average 12), the fastest of 40 runs in Node took
 * 15.8 ms of CPU (median 18.6), and traced runs in Chromium took 1.6 times the Node median. The
 * reference, 25 ms, is the fastest Node run scaled by that ratio: an upper estimate of a quiet
 * run in Chromium, so that a quiet machine is held to the plain budget.
 */
const CALIBRATION_ITERATIONS = 300_000;
export const CALIBRATION_REFERENCE_MS = 25;

/**
 * How much slower than the reference this machine runs the page's main thread right now: the
 * median CPU time of three runs of the calibration work, traced in the same run as the work being
 * judged, over the reference, and never below 1. A machine shared with other CPU-bound processes
 * loses caches and turbo frequency as well as turns, and thread CPU time grows with the first two;
 * a budget multiplied by this factor keeps its meaning there ("no task the reference machine would
 * run for 50 ms"), while a fast machine is held to the plain budget.
 */
export async function calibrate(
  page: Page,
  trace: { marker(label: string): Promise<void> },
): Promise<(result: PageTrace) => { slowdown: number; runsMs: number[] }> {
  await trace.marker('calibration');
  for (let run = 0; run < 3; run++) {
    await page.evaluate((n) => {
      let x = 0;
      const a = new Array<string>(256);
      for (let i = 0; i < n; i++) {
        x = (x * 31 + i) | 0;
        if ((i & 1023) === 0) {
          for (let j = 0; j < 256; j++) a[j] = String((x + j * 7919) % 99991);
          a.sort();
        }
      }
      return x;
    }, CALIBRATION_ITERATIONS);
  }
  await trace.marker('calibrated');
  return (result) => {
    const runs = between(result, 'calibration', 'calibrated')
      .map((t) => t.cpuMs)
      .sort((a, b) => b - a)
      .slice(0, 3);
    if (runs.length < 3) throw new Error('the trace lost the calibration runs');
    return { slowdown: Math.max(1, runs[1] / CALIBRATION_REFERENCE_MS), runsMs: runs };
  };
}
