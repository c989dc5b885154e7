import type { CardData } from '../../lib/cards/types';

/** Related companies (each switches the card to that company) and the people the corpus names. */
export function CardLinks({ data, onSwitch }: { data: CardData; onSwitch(id: string): void }) {
  return (
    <>
      {data.related.length > 0 && (
        <>
          <h3 class="cl-section-title">Related</h3>
          <ul class="cl-chips" aria-label="Related companies">
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
