import type { LinkType } from '../../lib/dataset/schema';

/**
 * Geometry of the ego-network picture, kept apart from its rendering so it can be tested: nodes
 * on a ring, each label outside its node, pushed outwards until it clears every label placed
 * before it (labels near the top and bottom of the ring are the ones that would collide).
 */

export const W = 480;
export const H = 360;
export const CX = W / 2;
export const CY = H / 2;
export const RING = 110;
/** Label metrics at the 11 px font: an average glyph width and a line's height, with a margin. */
const CHAR_W = 6.2;
const LINE_H = 14;

/** One neighbour: `weight` sizes it, `type` styles its edge (undefined: only named together). */
export interface EgoInput {
  id: string;
  label: string;
  weight: number;
  type?: LinkType;
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface PlacedNode<T extends EgoInput> {
  node: T;
  x: number;
  y: number;
  size: number;
  /** Where the label's text goes and how it is anchored, and the box it takes. */
  label: { x: number; y: number; anchor: 'start' | 'middle' | 'end'; box: Box };
}

export const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** Nodes clockwise from the top in the given order, with labels that do not overlap each other. */
export function placeNodes<T extends EgoInput>(nodes: readonly T[]): PlacedNode<T>[] {
  const max = Math.max(1e-9, ...nodes.map((n) => n.weight));
  const placed: PlacedNode<T>[] = [];
  const centreBox: Box = { x: CX - 60, y: CY - 22, w: 120, h: 64 };
  nodes.forEach((node, i) => {
    const angle = (2 * Math.PI * i) / nodes.length - Math.PI / 2;
    const cos = Math.cos(angle);
    const sin = Math.sin(angle);
    const size = 6 + 8 * Math.sqrt(node.weight / max);
    const x = CX + RING * cos;
    const y = CY + RING * sin;
    // Labels on the sides read away from the ring; those at the top and bottom are centred.
    const anchor = cos > 0.3 ? 'start' : cos < -0.3 ? 'end' : 'middle';
    const w = node.label.length * CHAR_W;
    const labelAt = (distance: number) => {
      const lx = CX + (RING + size + distance) * cos;
      const ly = CY + (RING + size + distance) * sin + 4;
      const left = anchor === 'start' ? lx : anchor === 'end' ? lx - w : lx - w / 2;
      return { x: lx, y: ly, anchor, box: { x: left, y: ly - LINE_H + 3, w, h: LINE_H } } as const;
    };
    let distance = 4;
    let label = labelAt(distance);
    // Outwards in small steps until clear; the picture's height bounds the search.
    while ((placed.some((p) => overlaps(p.label.box, label.box)) || overlaps(centreBox, label.box)) && distance < H) label = labelAt((distance += 6));
    placed.push({ node, x, y, size, label });
  });
  return placed;
}

/** The smallest view box holding the ring and every label, so pushed labels are never cut off. */
export function viewBoxOf(placed: readonly PlacedNode<EgoInput>[]): string {
  const boxes = [{ x: 0, y: 0, w: W, h: H }, ...placed.map((p) => p.label.box)];
  const left = Math.min(...boxes.map((b) => b.x)) - 4;
  const top = Math.min(...boxes.map((b) => b.y)) - 4;
  const right = Math.max(...boxes.map((b) => b.x + b.w)) + 4;
  const bottom = Math.max(...boxes.map((b) => b.y + b.h)) + 4;
  return `${left} ${top} ${right - left} ${bottom - top}`;
}
