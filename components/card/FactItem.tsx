import { useState } from 'preact/hooks';
import type { CardFact } from '../../lib/cards/types';

/** One key fact; its source (article title and the sentence it was read from) opens on demand. */
export function FactItem({ fact }: { fact: CardFact }) {
  const [open, setOpen] = useState(false);
  const id = `cl-src-${fact.key}`;
  return (
    <li class="cl-fact" data-fact={fact.key}>
      <span class="cl-fact-label">{fact.label}</span>
      <span class="cl-fact-text">{fact.text}</span>{' '}
      {fact.source && (
        <button type="button" class="cl-link" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
          {open ? 'Hide source' : 'Source'}
        </button>
      )}
      {open && fact.source && (
        <div class="cl-source" id={id}>
          <span class="cl-source-title">{fact.source.title}</span>
          <q>{fact.source.sentence}</q>
        </div>
      )}
    </li>
  );
}
