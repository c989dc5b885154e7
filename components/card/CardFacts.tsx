import type { CardData, CardFact } from '../../lib/cards/types';
import { FactItem } from './FactItem';

/**
 * The key facts the corpus reports, each with its source sentence on demand. A company the corpus
 * reports no fact about shows the most informative sentence naming it instead, with its source.
 */
export function CardFacts({ facts, mention }: { facts: CardFact[]; mention?: CardData['mention'] }) {
  if (!facts.length) {
    if (!mention) return <p class="cl-state">No deals or figures reported in the corpus.</p>;
    return (
      <>
        <h3 class="cl-section-title">Latest mention</h3>
        <figure class="cl-section cl-mention" data-mention={mention.articleId}>
          <blockquote class="cl-mention-text">{mention.sentence}</blockquote>
          <figcaption class="cl-source-title">
            {mention.title}
            {mention.date ? ` · ${mention.date}` : ''}
          </figcaption>
        </figure>
      </>
    );
  }
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
