import { describe, expect, it } from 'vitest';
import { luminance, parseRgb } from './theme';

describe('page theme helpers', () => {
  it('parses computed colours, including transparent ones', () => {
    expect(parseRgb('rgb(20, 24, 33)')).toEqual([20, 24, 33, 1]);
    expect(parseRgb('rgba(0, 0, 0, 0)')).toEqual([0, 0, 0, 0]);
    expect(parseRgb('rgb(255 255 255 / 50%)')).toEqual([255, 255, 255, 0.5]);
    expect(parseRgb('transparent')).toBeNull();
  });
  it('ranks luminance from black to white', () => {
    expect(luminance(0, 0, 0)).toBe(0);
    expect(luminance(255, 255, 255)).toBeCloseTo(1);
    expect(luminance(20, 24, 33)).toBeLessThan(0.25);
  });
});
