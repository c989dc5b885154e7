import type { CardFact, CardSource } from '../../lib/cards/types';

/**
 * The sentence a line of the card was read from, with its article's title, opened on demand.
 * A native <details> gives the disclosure, its keyboard handling and its announced state for free.
 */
export function SourceDetails({ source }: { source: CardSource }) {
  return (
    <details class="cl-source">
      <summary class="cl-link">Source</summary>
      <span class="cl-source-title">{source.title}</span>
      <q>{source.sentence}</q>
    </details>
  );
}

/** One key fact, with its source. */
export function FactItem({ fact }: { fact: CardFact }) {
  return (
    <li class="cl-fact" data-fact={fact.key}>
      <span class="cl-fact-label">{fact.label}</span>
      <span class="cl-fact-text">{fact.text}</span>
      {fact.source && <SourceDetails source={fact.source} />}
    </li>
  );
}
