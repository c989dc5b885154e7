/**
 * True when a node has left the page, or can no longer be read at all: when a frame navigates,
 * Firefox cuts the content script's wrappers of its former document's objects, and any access
 * then throws "can't access dead object".
 */
export function isGone(node: Node): boolean {
  try {
    return !node.isConnected;
  } catch {
    return true;
  }
}

/**
 * Follows same-origin frames. A frame met before it has loaded still shows its initial
 * about:blank document (the content script can run before the frame's document arrives), and a
 * frame can navigate later: each `load` brings a new document, handed over with the one it
 * replaced so that what was found there can be forgotten. Cross-origin frames have no readable
 * document and are left alone.
 */
export class FrameFollower {
  private readonly followed = new WeakSet<Element>();
  private readonly shown = new WeakMap<Element, Document>();
  /** The documents some followed frame shows now. */
  private readonly current = new WeakSet<Document>();

  constructor(
    private readonly onDocument: (doc: Document, replaced: Document | undefined) => void,
    private readonly signal?: AbortSignal,
  ) {}

  /** A frame element met by a walk: its document now, and each one it loads later. */
  meet(frame: HTMLIFrameElement | HTMLFrameElement): void {
    if (!this.followed.has(frame)) {
      this.followed.add(frame);
      frame.addEventListener('load', () => this.read(frame), { signal: this.signal });
    }
    this.read(frame);
  }

  /**
   * Whether a followed frame shows `doc` now. Judging a node's document this way, rather than
   * against a list of the documents frames left, keeps no reference to a document Firefox has
   * cut off.
   */
  shows(doc: Document): boolean {
    return this.current.has(doc);
  }

  private read(frame: HTMLIFrameElement | HTMLFrameElement): void {
    let doc: Document | null = null;
    try {
      doc = frame.contentDocument; // null for cross-origin frames
    } catch {
      doc = null;
    }
    if (!doc?.documentElement) return;
    const previous = this.shown.get(frame);
    this.shown.set(frame, doc);
    if (previous) this.current.delete(previous);
    this.current.add(doc);
    this.onDocument(doc, previous !== doc ? previous : undefined);
  }
}
