import { describe, expect, it } from 'vitest';
import { overlaps, placeNodes } from './ego-layout';

describe('ego-network layout', () => {
  // Twenty is more than the picture shows (MAX_NODES), so that labels side by side must move.
  it('places twenty long labels so that no two overlap', () => {
    const names = Array.from({ length: 20 }, (_, i) => ({ id: `c${i}`, label: `Company with a long name ${i}`.slice(0, 18), weight: 12 - i }));
    const placed = placeNodes(names);
    expect(placed).toHaveLength(20);
    for (let i = 0; i < placed.length; i++)
      for (let j = i + 1; j < placed.length; j++) expect(overlaps(placed[i].label.box, placed[j].label.box), `${i} and ${j}`).toBe(false);
    // The ring itself is regular: the first node is at the top.
    expect(placed[0].y).toBeLessThan(placed[10].y);
  });

  it('leaves a label next to its node when nothing is in the way', () => {
    const [only] = placeNodes([{ id: 'a', label: 'Acme', weight: 1 }]);
    expect(Math.abs(only.label.y - only.y)).toBeLessThan(only.size + 20);
  });
});
