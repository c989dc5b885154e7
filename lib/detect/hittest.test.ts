import { describe, expect, it } from 'vitest';
import { pointInRects, speed } from './hittest';

const rect = (left: number, top: number, right: number, bottom: number) => ({ left, top, right, bottom });

describe('pointInRects', () => {
  const lines = [rect(100, 10, 180, 28), rect(0, 30, 40, 48)];
  it('accepts a point on either line of a wrapped name', () => {
    expect(pointInRects(150, 20, lines)).toBe(true);
    expect(pointInRects(20, 40, lines)).toBe(true);
  });
  it('accepts a point just below the glyphs within the slack, not further', () => {
    expect(pointInRects(150, 29.5, lines, 2)).toBe(true);
    expect(pointInRects(150, 31, lines, 0)).toBe(false);
    expect(pointInRects(185, 20, lines, 2)).toBe(false);
  });
  it('rejects the margin beside a line that a snapped caret would report', () => {
    expect(pointInRects(60, 40, lines)).toBe(false);
  });
  it('ignores empty rects', () => {
    expect(pointInRects(5, 5, [rect(5, 5, 5, 20)], 0)).toBe(false);
    expect(pointInRects(5, 5, [])).toBe(false);
  });
});

describe('speed', () => {
  it('is distance over time', () => {
    expect(speed({ x: 0, y: 0, t: 0 }, { x: 30, y: 40, t: 10 })).toBe(5);
    expect(speed({ x: 0, y: 0, t: 5 }, { x: 30, y: 40, t: 5 })).toBe(0);
  });
});
