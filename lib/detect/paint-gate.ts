/**
 * When the marks of a page's first scan are first painted. Every change to a page's highlights
 * costs the browser a frame of work proportional to the page, not to the change: Chromium
 * repaints what is in view and, because the default style is a text decoration, recomputes the
 * visual overflow of every marked text's ancestors (a list of 20,000 items spends 20–30 ms there
 * on this project's 2-core machines, whether one range changed or two hundred). Painting the
 * first scan's marks as they arrive, slice by slice, made that frame two or three times over.
 *
 * So the first marks wait until the scan has read past the view (it reads in document order, so
 * a name found below the view means those in it are all found), until the scan is over, or until
 * `fallbackMs` have passed since the first name, whichever comes first; they are then painted in
 * one change. That change also waits for the page to have loaded and to have drawn one frame of
 * its own: Chromium does a task of its own (reading the page's text for translation) in the first
 * frame after the load, and a change made there would add to it.
 */
/** Longest wait for the page's load event before the first marks are painted anyway. */
const LOAD_WAIT_MS = 1_000;

export class PaintGate {
  private state: 'closed' | 'opening' | 'open' = 'closed';
  private timer: ReturnType<typeof setTimeout> | undefined;
  private frame: number | undefined;

  constructor(
    private readonly onOpen: () => void,
    private readonly win: Window = window,
    private readonly fallbackMs = 300,
  ) {}

  get isOpen(): boolean {
    return this.state === 'open';
  }

  /**
   * A name was found. `below` says whether it lies below the view (asked only while the gate is
   * closed: measuring costs a layout query).
   */
  found(below: () => boolean): void {
    if (this.state !== 'closed') return;
    if (below()) return this.open();
    this.timer ??= setTimeout(() => this.open(), this.fallbackMs);
  }

  /** Opens after the page's load and one frame of its own; `onOpen` then asks for the paint. */
  open(): void {
    if (this.state !== 'closed') return;
    this.state = 'opening';
    clearTimeout(this.timer);
    const afterOwnFrame = () => {
      this.frame = this.win.requestAnimationFrame(() => {
        this.frame = undefined;
        this.state = 'open';
        this.onOpen();
      });
    };
    if (this.win.document.readyState === 'complete') return afterOwnFrame();
    // A page that never finishes loading (a stream, a stalled image) still gets its marks.
    const loaded = () => {
      this.win.removeEventListener('load', loaded);
      clearTimeout(this.timer);
      afterOwnFrame();
    };
    this.win.addEventListener('load', loaded);
    this.timer = setTimeout(loaded, LOAD_WAIT_MS);
  }

  dispose(): void {
    clearTimeout(this.timer);
    if (this.frame !== undefined) this.win.cancelAnimationFrame(this.frame);
  }
}
