import type { CardData } from '../../lib/cards/types';
import { SourceDetails } from './FactItem';

/**
 * How the company relates to others: typed relations first ("Acquired by Y", each with the
 * sentence it was read from), then companies only named together with it, then the people the
 * corpus names. Every company switches the card to itself.
 */
export function CardLinks({ data, onSwitch }: { data: CardData; onSwitch(id: string): void }) {
  return (
    <>
      {data.links.length > 0 && (
        <>
          <h3 class="cl-section-title">Relations</h3>
          <ul class="cl-section" aria-label="Typed relations">
            {data.links.map((l) => (
              <li key={l.key} class="cl-fact cl-relation" data-link={l.key}>
                <span class="cl-fact-label">{l.label}</span>
                <button type="button" class="cl-link" data-related={l.id} title={l.name} onClick={() => onSwitch(l.id)}>
                  {l.name}
                </button>
                {l.source && <SourceDetails source={l.source} />}
              </li>
            ))}
          </ul>
        </>
      )}
      {data.related.length > 0 && (
        <>
          <h3 class="cl-section-title">Also named with</h3>
          <ul class="cl-chips" aria-label="Also named with">
            {data.related.map((r) => (
              <li key={r.id}>
                <button type="button" class="cl-chip" data-related={r.id} title={r.name} onClick={() => onSwitch(r.id)}>
                  {r.name}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {data.people.length > 0 && (
        <>
          <h3 class="cl-section-title">People</h3>
          <ul class="cl-section cl-people">
            {data.people.map((p) => (
              <li key={p.name}>
                {p.name}
                {p.role && <span class="cl-sub"> · {p.role}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
