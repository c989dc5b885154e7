/**
 * Giving the event loop back during long work, in one place. Callers say how urgent the rest of
 * their work is; each falls back to a zero-delay timer where the Scheduler API is missing
 * (Firefox, Node).
 */

export type TaskPriority = 'user-blocking' | 'user-visible' | 'background';

interface Scheduler {
  yield?: () => Promise<void>;
  postTask?: (task: () => void, options: { priority: TaskPriority }) => Promise<void>;
}

const timer = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Resumes in a later task. Without a priority the continuation keeps its place ahead of other
 * queued work (`scheduler.yield`), which suits a page scan the user is waiting for; with one it
 * is queued at that priority: 'user-blocking' runs ahead of background steps but after input,
 * 'background' only when nothing more urgent is waiting, so a keystroke or paint is never held back.
 */
export function nextTask(priority?: TaskPriority): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (priority) return scheduler?.postTask ? scheduler.postTask(() => undefined, { priority }) : timer();
  return typeof scheduler?.yield === 'function' ? scheduler.yield() : timer();
}

/** Resumes at background priority (for callbacks that take no argument). */
export const nextBackgroundTask = (): Promise<void> => nextTask('background');

/**
 * Pauses long enough for messages sent while this worker was busy with synchronous work (a cancel
 * from the options page) to be delivered: they reach the worker a few milliseconds after it
 * frees up, later than a zero-delay timer.
 */
export function letMessagesIn(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 50));
}
