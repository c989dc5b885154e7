import type { CardFact } from '../../lib/cards/types';
import { FactItem } from './FactItem';

/** The key facts the corpus reports, each with its source sentence on demand. */
export function CardFacts({ facts }: { facts: CardFact[] }) {
  if (!facts.length) return <p class="cl-state">No deals or figures reported in the corpus.</p>;
  return (
    <>
      <h3 class="cl-section-title">Key facts</h3>
      <ul class="cl-section">
        {facts.map((f) => (
          <FactItem key={f.key} fact={f} />
        ))}
      </ul>
    </>
  );
}
