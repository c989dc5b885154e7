import type { Slice } from '../../lib/search/highlight';

/**
 * Renders text slices with the matched parts in <mark>. Every slice is a text child created by
 * Preact, so markup in dataset strings shows as the characters it is and never runs.
 */
export function Highlighted({ slices }: { slices: Slice[] }) {
  return <>{slices.map((s, i) => (s.hit ? <mark key={i}>{s.text}</mark> : s.text))}</>;
}
