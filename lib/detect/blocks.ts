/**
 * Groups a page's text into blocks: the text nodes that read as one run of text (a paragraph, a
 * list item, a cell), so that a name split across inline elements — `<b>Alibaba</b> Group` — is
 * seen whole. Each block keeps its text nodes and where each starts in the joined text, so a
 * match in the joined text maps back to DOM positions.
 *
 * The walk uses a TreeWalker without a filter callback (a JS callback per node is the costliest
 * part of a filtered walk) and skips whole subtrees by hand. It is resumable: `next()` returns one
 * block at a time, so the scanner can stop between blocks when its time slice is spent.
 */

export interface TextBlock {
  nodes: Text[];
  /** Offset in `text` of each node's first character. */
  starts: number[];
  text: string;
}

/** Elements whose text is never scanned: code, form fields, media and the like. */
const SKIP = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'IFRAME', 'FRAME',
  'OBJECT', 'EMBED', 'CANVAS', 'VIDEO', 'AUDIO', 'HEAD', 'TITLE', 'MATH',
]);

/** Elements that continue the surrounding line of text; every other element breaks a block. */
const INLINE = new Set([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'CODE', 'DATA', 'DEL', 'DFN', 'EM', 'FONT', 'I', 'INS', 'KBD',
  'LABEL', 'MARK', 'Q', 'S', 'SAMP', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'TT', 'U', 'VAR',
  'NOBR', 'BIG', 'ACRONYM',
]);

/** The custom element WXT mounts the card in (see components/card/surface.tsx). */
export const OWN_UI_TAG = 'COMPANY-LENS-CARD';

export interface WalkHooks {
  /** Called once per open shadow root found, so it can be scanned as its own root. */
  onShadowRoot?(root: ShadowRoot): void;
  /** Called for every frame element met; same-origin ones can be scanned separately. */
  onFrame?(frame: HTMLIFrameElement | HTMLFrameElement): void;
}

const SHOW_ELEMENT = 0x1;
const SHOW_TEXT = 0x4;

export function isSkipped(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  if (SKIP.has(tag) || tag === OWN_UI_TAG) return true;
  if (el.hasAttribute('hidden')) return true;
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

export const isInline = (el: Element) => INLINE.has(el.tagName.toUpperCase());

/** The nearest ancestor that is not an inline element (or the walk's root). */
export function blockOf(node: Node, root: Node): Node {
  let p = node.parentNode;
  while (p && p !== root && p.nodeType === 1 && isInline(p as Element)) p = p.parentNode;
  return p ?? root;
}

export class BlockWalker {
  private readonly walker: TreeWalker;
  private node: Node | null;
  private done = false;

  /**
   * @param startAt walk from this node to the end of `root` (visible part first); pass it as
   *   `stopAt` to a second walker from the start of `root` to cover the rest.
   */
  constructor(
    private readonly root: Node,
    private readonly hooks: WalkHooks = {},
    startAt?: Node,
    private readonly stopAt?: Node,
  ) {
    const doc = root.nodeType === 9 ? (root as Document) : root.ownerDocument!;
    this.walker = doc.createTreeWalker(root, SHOW_ELEMENT | SHOW_TEXT);
    if (startAt) this.walker.currentNode = startAt;
    this.node = startAt ?? this.walker.nextNode();
    // The walk visits the root's descendants, not the root: a root that is itself a frame, a
    // shadow host or an element never scanned (a rescan of an added <iframe> or <style>) is
    // handled here.
    if (!startAt && root.nodeType === 1) {
      const el = root as Element;
      if (isSkipped(el)) {
        this.done = true;
        const tag = el.tagName.toUpperCase();
        if (tag === 'IFRAME' || tag === 'FRAME') hooks.onFrame?.(el as HTMLIFrameElement);
      } else if (el.shadowRoot) hooks.onShadowRoot?.(el.shadowRoot);
    }
  }

  /** Next node after the current one, skipping the current node's subtree when asked. */
  private advance(skipSubtree: boolean): Node | null {
    const w = this.walker;
    if (!skipSubtree) return w.nextNode();
    for (;;) {
      const sibling = w.nextSibling();
      if (sibling) return sibling;
      if (!w.parentNode()) return null;
    }
  }

  private nodes: Text[] = [];
  private starts: number[] = [];
  private parts: string[] = [];
  private length = 0;
  private owner: Node | null = null;
  private hasText = false;

  /** True once the whole root (or the part up to `stopAt`) has been walked. */
  get finished(): boolean {
    return this.done || this.node === null;
  }

  private take(): TextBlock | null {
    const block = this.hasText ? { nodes: this.nodes, starts: this.starts, text: this.parts.join('') } : null;
    this.nodes = [];
    this.starts = [];
    this.parts = [];
    this.length = 0;
    this.owner = null;
    this.hasText = false;
    return block;
  }

  /**
   * The next block with some non-space text. Returns null at the end, or early after visiting
   * `maxNodes` nodes so that a long stretch without text cannot overrun a time slice; the walk
   * then resumes where it paused (check `finished`).
   */
  next(maxNodes = Infinity): TextBlock | null {
    let visited = 0;
    // A block ends where the first node that does not belong to it starts; that node stays in
    // `this.node` so the next call begins with it.
    while (!this.done && this.node) {
      if (++visited > maxNodes) return null;
      const node = this.node;
      if (node === this.stopAt) {
        this.done = true;
        break;
      }
      if (node.nodeType === 1) {
        const el = node as Element;
        const skipped = isSkipped(el);
        if (!skipped && !isInline(el) && this.nodes.length > 0) {
          const block = this.take();
          if (block) return block;
        }
        if (skipped) {
          const tag = el.tagName.toUpperCase();
          if (tag === 'IFRAME' || tag === 'FRAME') this.hooks.onFrame?.(el as HTMLIFrameElement);
        } else if (el.shadowRoot) this.hooks.onShadowRoot?.(el.shadowRoot);
        this.walker.currentNode = el;
        this.node = this.advance(skipped);
        continue;
      }
      const text = node as Text;
      const data = text.data;
      if (data.length > 0) {
        const owner = blockOf(text, this.root);
        if (this.owner !== null && owner !== this.owner) {
          const block = this.take();
          if (block) return block;
        }
        this.owner = owner;
        this.nodes.push(text);
        this.starts.push(this.length);
        this.parts.push(data);
        this.length += data.length;
        if (!this.hasText && /\S/.test(data)) this.hasText = true;
      }
      this.walker.currentNode = text;
      this.node = this.advance(false);
    }
    return this.take();
  }
}

/**
 * Maps an offset in a block's text to a DOM position. A start offset belongs to the node it
 * begins in; an end offset to the node it ends in (so a range never starts at the very end of one
 * node or ends at the very start of the next, which would widen its client rects).
 */
export function pointAt(block: { nodes: Text[]; starts: number[] }, offset: number, isEnd: boolean): { node: Text; offset: number } {
  const k = nodeIndexAt(block.starts, offset, isEnd);
  const node = block.nodes[k];
  return { node, offset: Math.min(node.data.length, Math.max(0, offset - block.starts[k])) };
}

/** Index of the node holding `offset` (see pointAt); the scanner uses it to skip a lookup. */
export function nodeIndexAt(starts: number[], offset: number, isEnd: boolean): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (isEnd ? starts[mid] < offset : starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
