const SHOW_TEXT = 0x4;

/**
 * The text nodes inside the subtrees a rescan replaces (or a document a frame navigated away
 * from), handed out one at a time so that the scanner can forget what it found in them within
 * its time slices: a page that swaps a large subtree cannot make the forgetting a long task.
 */
export class ForgetJob {
  private index = 0;
  private walker: TreeWalker | null = null;

  constructor(private readonly roots: readonly Node[]) {}

  /** The next text node inside the roots, or null when all have been handed out. */
  nextText(): Text | null {
    for (;;) {
      if (this.walker) {
        const node = this.walker.nextNode();
        if (node) return node as Text;
        this.walker = null;
      }
      const root = this.roots[this.index++];
      if (!root) return null;
      if (root.nodeType === 3) return root as Text;
      const doc = root.nodeType === 9 ? (root as Document) : root.ownerDocument;
      if (doc) this.walker = doc.createTreeWalker(root, SHOW_TEXT);
    }
  }
}
