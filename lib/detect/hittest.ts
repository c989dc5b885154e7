/**
 * Hit-testing: which text position is under the pointer, and is the pointer really over a
 * range's glyphs. `caretPositionFromPoint` snaps to the nearest caret even when the pointer is in
 * the margin beside a line, so a caret inside a name is only half the answer: the pointer must
 * also lie within one of the range's client rects.
 */

export interface RectLike {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Caret {
  node: Node;
  offset: number;
}

type CaretDoc = Document & {
  caretPositionFromPoint?(x: number, y: number, options?: { shadowRoots?: ShadowRoot[] }): { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?(x: number, y: number): Range | null;
};

/** The caret position at viewport point (x, y), looking into the given open shadow roots. */
export function caretAt(doc: Document, x: number, y: number, shadowRoots: ShadowRoot[] = []): Caret | null {
  const d = doc as CaretDoc;
  if (typeof d.caretPositionFromPoint === 'function') {
    const pos = shadowRoots.length > 0 ? d.caretPositionFromPoint(x, y, { shadowRoots }) : d.caretPositionFromPoint(x, y);
    return pos ? { node: pos.offsetNode, offset: pos.offset } : null;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const range = d.caretRangeFromPoint(x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : null;
  }
  return null;
}

/**
 * True when (x, y) lies inside one of the rects, grown by `slack` pixels on every side so that
 * a pointer resting on the underline just below the glyphs still counts.
 */
export function pointInRects(x: number, y: number, rects: ArrayLike<RectLike>, slack = 2): boolean {
  for (let i = 0; i < rects.length; i++) {
    const r = rects[i];
    if (r.right - r.left <= 0 || r.bottom - r.top <= 0) continue;
    if (x >= r.left - slack && x <= r.right + slack && y >= r.top - slack && y <= r.bottom + slack) return true;
  }
  return false;
}

/** Pointer speed in pixels per millisecond between two samples; 0 when no time has passed. */
export function speed(a: { x: number; y: number; t: number }, b: { x: number; y: number; t: number }): number {
  const dt = b.t - a.t;
  if (dt <= 0) return 0;
  return Math.hypot(b.x - a.x, b.y - a.y) / dt;
}

/** A live Range over a static one, for measuring (StaticRange has no client rects). */
export function liveRange(r: AbstractRange): Range | null {
  const doc = r.startContainer.ownerDocument;
  if (!doc || !r.startContainer.isConnected) return null;
  try {
    const range = doc.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    return range;
  } catch {
    return null;
  }
}

/** Offset of a frame's viewport within the top viewport (0, 0 for the top document). */
export function frameOffset(doc: Document): { x: number; y: number } {
  let x = 0;
  let y = 0;
  let win: Window | null = doc.defaultView;
  while (win && win !== win.parent) {
    const frame = win.frameElement;
    if (!frame) break;
    const rect = frame.getBoundingClientRect();
    x += rect.left + frame.clientLeft;
    y += rect.top + frame.clientTop;
    win = win.parent;
  }
  return { x, y };
}
