import { BlockWalker, OWN_UI_TAG, blockOf, isInline, nodeIndexAt, type TextBlock } from './blocks';
import { SLICE_MS, pageClock, yieldToPage, type Clock } from './clock';
import { ForgetJob } from './forget';
import { FrameFollower, isGone } from './frames';
import type { LexiconCore as Lexicon, Mention } from './lexicon-core';
import type { MentionResolver } from './resolver';
import type { MatchHit } from './matcher';

/**
 * Scans a page for company names in short slices: no slice runs longer than `sliceMs`, and the
 * scanner yields to the page between slices, so it never causes a long task. One resolver serves
 * the whole page, so an ordinary-word alias ("Ant") counts once anything on the page confirms its
 * company. Roots are queued: the document (visible part first), then open shadow roots and
 * same-origin frames as they are found, then whatever the page adds later.
 */

export interface PageMention extends Mention {
  block: number;
  range: StaticRange;
}

interface BlockRecord {
  nodes: Text[];
  starts: number[];
  /** Set when a rescan replaces the block: its pending mentions are then dropped, not marked. */
  dead?: boolean;
}

export interface ScannerOptions {
  sliceMs?: number;
  /** The clock slices are measured on (tests pass a slow one). */
  clock?: Clock;
  /** Called with the mentions each slice accepted (including ones released by later evidence). */
  onMentions?(fresh: PageMention[]): void;
  /** Called when a root (a document, shadow root or frame document) is first met. */
  onScope?(scope: Document | ShadowRoot): void;
  /** Called with mentions dropped because the page changed their text or let it go. */
  onForgotten?(removed: PageMention[]): void;
  signal?: AbortSignal;
}

/** Longest stretch of one block scanned in one go; a multi-megabyte <pre> is cut at line breaks. */
const CHUNK = 32 * 1024;
/** Work done between two reads of the clock (the slice itself is bounded by the clock). */
const NODES_PER_STEP = 256;
const MENTIONS_PER_STEP = 64;

/** Where to cut a long text near `to` so that a name is unlikely to straddle the cut. */
export function chunkEnd(text: string, from: number, to: number): number {
  if (to >= text.length) return text.length;
  const floor = Math.max(from + 1, to - 4096);
  for (const sep of ['\n', ' ']) {
    const at = text.lastIndexOf(sep, to);
    if (at >= floor) return at + 1;
  }
  return to;
}

export class PageScanner {
  readonly mentions: PageMention[] = [];
  readonly stats = { chars: 0, ms: 0, blocks: 0, slices: 0 };
  private readonly blocks = new Map<number, BlockRecord>();
  private readonly byNode = new WeakMap<Text, PageMention[]>();
  /** The stored block each text node was last read in. */
  private readonly recordOf = new WeakMap<Text, BlockRecord>();
  /** Walks of new roots, and forgetting what a rescan replaces, in the order they were asked. */
  private readonly queue: (BlockWalker | ForgetJob)[] = [];
  /** Mentions a forget job has found inside a rescanned subtree, taken out when the job ends. */
  private readonly dropped = new Set<PageMention>();
  private readonly scopes = new Set<Document | ShadowRoot>();
  private readonly hits: MatchHit[] = [];
  /**
   * Mentions accepted by the resolver but not yet turned into ranges. One hit can release
   * thousands of pending mentions at once (the first unambiguous "Ant Group" on a long feed that
   * said "Ant" everywhere), so they are turned into ranges within the time slices too.
   */
  private backlog: Mention[] = [];
  private nextBlock = 0;
  private running: Promise<void> | null = null;
  private readonly sliceMs: number;
  private readonly clock: Clock;
  private readonly frames: FrameFollower;

  constructor(
    readonly lexicon: Lexicon,
    readonly resolver: MentionResolver,
    private readonly options: ScannerOptions = {},
  ) {
    this.sliceMs = options.sliceMs ?? SLICE_MS;
    this.clock = options.clock ?? pageClock;
    this.frames = new FrameFollower((doc, replaced) => this.frameDocument(doc, replaced), options.signal);
  }

  /**
   * Open shadow roots and frame documents met so far and still readable (hit-testing needs the
   * shadow roots, hover the frame documents).
   */
  get knownScopes(): ReadonlySet<Document | ShadowRoot> {
    this.dropRetiredScopes();
    return this.scopes;
  }

  private dropRetiredScopes(): void {
    for (const scope of this.scopes) if (this.isRetired(scope)) this.scopes.delete(scope);
  }

  private hooks = {
    onShadowRoot: (root: ShadowRoot) => this.addScope(root),
    onFrame: (frame: HTMLIFrameElement | HTMLFrameElement) => this.frames.meet(frame),
  };

  /** The documents given to `scanDocument`; frames' documents are known to the follower. */
  private readonly documents = new WeakSet<Document>();

  /**
   * A frame's document as it loads. The one it replaced is retired without being read again (in
   * Firefox its objects may already be cut off), along with the shadow roots found inside it.
   */
  private frameDocument(doc: Document, replaced: Document | undefined): void {
    if (replaced) {
      this.dropRetiredScopes();
      // An empty forget job: its end takes the retired document's mentions out of the list.
      this.queue.push(new ForgetJob([]));
    }
    this.addScope(doc);
    void this.run();
  }

  /**
   * A mention whose text has left the page. Its range may itself be unreadable: in Firefox a
   * range over a frame's former document can be cut off along with that document, and reading
   * its start then throws.
   */
  private isRetiredMention(m: PageMention): boolean {
    try {
      return this.isRetired(m.range.startContainer);
    } catch {
      return true;
    }
  }

  /** A node that left the page, or belongs to a document no longer shown (a frame navigated on). */
  private isRetired(node: Node): boolean {
    if (isGone(node)) return true;
    const doc = node.nodeType === 9 ? (node as Document) : node.ownerDocument;
    return !!doc && !this.documents.has(doc) && !this.frames.shows(doc);
  }

  private addScope(scope: Document | ShadowRoot): void {
    if (this.scopes.has(scope)) return;
    this.scopes.add(scope);
    this.options.onScope?.(scope);
    const root = scope.nodeType === 9 ? ((scope as Document).body ?? (scope as Document).documentElement) : scope;
    if (root) this.queue.push(new BlockWalker(root, this.hooks));
  }

  /** Scans a document, the part in view first. */
  scanDocument(doc: Document, startAt?: Element | null): Promise<void> {
    this.documents.add(doc);
    this.scopes.add(doc);
    this.options.onScope?.(doc);
    const body = doc.body ?? doc.documentElement;
    const start = startAt && body.contains(startAt) && startAt !== body ? startAt : undefined;
    this.queue.push(new BlockWalker(body, this.hooks, start));
    if (start) this.queue.push(new BlockWalker(body, this.hooks, undefined, start));
    return this.run();
  }

  /**
   * Rescans subtrees the page changed: first forgets the mentions found inside them before, and
   * those whose text has left the page (reported through `onForgotten`), then reads them again.
   */
  rescan(roots: readonly Node[]): Promise<void> {
    const live = roots.filter((r) => r.isConnected);
    this.queue.push(new ForgetJob(live));
    for (const root of live) this.queue.push(new BlockWalker(root, this.hooks));
    return this.run();
  }

  /** One step of a forget job; true when the job is over. */
  private forgetStep(job: ForgetJob): boolean {
    for (let i = 0; i < NODES_PER_STEP; i++) {
      const node = job.nextText();
      if (!node) {
        this.compact();
        return true;
      }
      const list = this.byNode.get(node);
      if (list) for (const m of list) this.dropped.add(m);
      this.byNode.delete(node);
      const record = this.recordOf.get(node);
      if (record) record.dead = true;
    }
    return false;
  }

  /** Takes the dropped mentions, and those whose text has left the page, out of the list. */
  private compact(): void {
    const removed: PageMention[] = [];
    let w = 0;
    for (const m of this.mentions) {
      if (this.dropped.has(m) || this.isRetiredMention(m)) removed.push(m);
      else this.mentions[w++] = m;
    }
    this.mentions.length = w;
    this.dropped.clear();
    for (const m of removed) {
      for (const node of this.blocks.get(m.block)?.nodes ?? []) {
        const list = this.byNode.get(node);
        if (list) this.byNode.set(node, list.filter((x) => x !== m));
      }
    }
    if (removed.length > 0) this.options.onForgotten?.(removed);
  }

  /** Runs the queue to the end; concurrent callers share one run. */
  run(): Promise<void> {
    this.running ??= this.loop().finally(() => (this.running = null));
    return this.running;
  }

  private get busy(): boolean {
    return this.queue.length > 0 || this.backlog.length > 0;
  }

  /**
   * Slices of at most `sliceMs` on the clock, each doing at least one step (so a slow clock
   * still makes progress), with a yield to the page between them.
   */
  private async loop(): Promise<void> {
    while (this.busy) {
      if (this.options.signal?.aborted) return;
      const start = this.clock();
      const deadline = start + this.sliceMs;
      do {
        if (this.backlog.length > 0) {
          // Oldest first; the marks of a batch are registered within the slice too.
          const fresh: PageMention[] = [];
          for (const m of this.backlog.splice(0, MENTIONS_PER_STEP)) {
            const accepted = this.accept(m);
            if (accepted) fresh.push(accepted);
          }
          if (fresh.length > 0) this.options.onMentions?.(fresh);
          continue;
        }
        const job = this.queue[0];
        try {
          if (job instanceof ForgetJob) {
            if (this.forgetStep(job)) this.queue.shift();
            continue;
          }
          const block = job.next(NODES_PER_STEP);
          if (block) await this.scanBlock(block, deadline);
          else if (job.finished) this.queue.shift();
        } catch {
          // The subtree became unreadable under the walk (its frame navigated away and Firefox
          // cut it off): nothing more can be found there, and the rest of the page goes on.
          if (this.queue[0] === job) this.queue.shift();
        }
      } while (this.busy && this.clock() < deadline);
      this.stats.ms += this.clock() - start;
      this.stats.slices++;
      if (this.busy) await yieldToPage();
    }
  }

  private async scanBlock(block: TextBlock, deadline: number): Promise<void> {
    const id = this.nextBlock++;
    const { text } = block;
    this.stats.chars += text.length;
    this.stats.blocks++;
    let stored = false;
    for (let from = 0; from < text.length; ) {
      const to = chunkEnd(text, from, from + CHUNK);
      this.hits.length = 0;
      this.lexicon.matcher.scan(text, from, to, this.hits);
      if (this.hits.length > 0) {
        if (!stored) {
          const record = { nodes: block.nodes, starts: block.starts };
          this.blocks.set(id, record);
          for (const node of block.nodes) this.recordOf.set(node, record);
        }
        stored = true;
        for (const h of this.hits) (h as MatchHit & { block: number }).block = id;
        for (const m of this.resolver.add(this.hits)) this.backlog.push(m);
      }
      from = to;
      if (from < text.length && this.clock() >= deadline) await yieldToPage();
    }
  }

  /**
   * Turns an accepted mention into a range on the page. This runs once per name found (tens of
   * thousands on a long feed), so it builds the mention in one literal and finds each end's node
   * by one binary search, most often over a block of one or two nodes.
   */
  private accept(m: Mention): PageMention | null {
    const block = this.blocks.get(m.block!)!;
    const { nodes, starts } = block;
    // The page replaced or removed the block since it was read; its rescan finds what is there now.
    if (block.dead || this.isRetired(nodes[0])) return null;
    const first = nodes.length === 1 ? 0 : nodeIndexAt(starts, m.start, false);
    const last = nodes.length === 1 ? 0 : nodeIndexAt(starts, m.end, true);
    const startNode = nodes[first];
    const endNode = nodes[last];
    const range = new StaticRange({
      startContainer: startNode,
      startOffset: Math.min(startNode.data.length, Math.max(0, m.start - starts[first])),
      endContainer: endNode,
      endOffset: Math.min(endNode.data.length, Math.max(0, m.end - starts[last])),
    });
    const mention: PageMention = { start: m.start, end: m.end, companyIndex: m.companyIndex, entry: m.entry, block: m.block!, range };
    this.mentions.push(mention);
    for (let i = first; i <= last; i++) {
      const list = this.byNode.get(nodes[i]);
      if (list) list.push(mention);
      else this.byNode.set(nodes[i], [mention]);
    }
    return mention;
  }

  /** The mention covering a caret position, if any. */
  mentionAt(node: Node, offset: number): PageMention | null {
    const list = node.nodeType === 3 ? this.byNode.get(node as Text) : undefined;
    if (!list) return null;
    for (const m of list) {
      const r = m.range;
      if ((node !== r.startContainer || offset >= r.startOffset) && (node !== r.endContainer || offset <= r.endOffset)) return m;
    }
    return null;
  }

  /** Mentions per company, for `page.mentions` and the badge. */
  counts(): Map<number, { count: number; entry: number }> {
    const out = new Map<number, { count: number; entry: number }>();
    for (const m of this.mentions) {
      const c = out.get(m.companyIndex);
      if (c) c.count++;
      else out.set(m.companyIndex, { count: 1, entry: m.entry });
    }
    return out;
  }
}

/** The element to rescan for a changed node: its text block, or the node itself if an element. */
export function rescanRoot(node: Node): Node | null {
  if (node.nodeType === 3) {
    const parent = node.parentNode;
    return parent ? blockOf(node, node.getRootNode()) : null;
  }
  if (node.nodeType !== 1) return null;
  const el = node as Element;
  if (el.tagName.toUpperCase() === OWN_UI_TAG) return null;
  // An inline element joins the text around it, so its whole block is read again.
  return isInline(el) && el.parentNode ? blockOf(el, el.getRootNode()) : el;
}
