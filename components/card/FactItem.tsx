import type { CardFact } from '../../lib/cards/types';

/**
 * One key fact; its source (article title and the sentence it was read from) opens on demand.
 * A native <details> gives the disclosure, its keyboard handling and its announced state for free.
 */
export function FactItem({ fact }: { fact: CardFact }) {
  return (
    <li class="cl-fact" data-fact={fact.key}>
      <span class="cl-fact-label">{fact.label}</span>
      <span class="cl-fact-text">{fact.text}</span>
      {fact.source && (
        <details class="cl-source">
          <summary class="cl-link">Source</summary>
          <span class="cl-source-title">{fact.source.title}</span>
          <q>{fact.source.sentence}</q>
        </details>
      )}
    </li>
  );
}
