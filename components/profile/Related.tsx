import type { Company } from '../../lib/dataset/schema';
import { readerPath } from '../reader/source';
import type { RelatedCompany, TypedRelation } from './data';
import { EgoNetwork } from './EgoNetwork';
import { profileHref } from './links';

/**
 * How the company relates to others: typed relations with the sentence each was read from, a
 * drawing, and the companies only named together with it (the lists are the accessible, complete
 * form of the drawing).
 */
export function Related({ company, links, related, titles }: { company: Company; links: TypedRelation[]; related: RelatedCompany[]; titles: Map<string, string> }) {
  const typed = new Set(links.map((l) => l.company.id));
  const named = related.filter((r) => !typed.has(r.company.id));
  return (
    <section aria-labelledby="cl-related-title">
      <h2 id="cl-related-title">Related companies</h2>
      {links.length === 0 && related.length === 0 ? <p class="cl-muted">No other company is named alongside this one.</p> : null}
      <EgoNetwork company={company} links={links} related={related} />
      {links.length > 0 && (
        <ul class="cl-related cl-typed" aria-label="Typed relations">
          {links.map((l) => (
            <li key={`${l.label}:${l.company.id}`} data-link={l.link.type}>
              {l.label} <a href={profileHref(l.company.id)}>{l.company.name}</a>
              {l.fact && (
                <details class="cl-link-fact">
                  <summary class="cl-muted cl-small">Source</summary>
                  <blockquote class="cl-sentence">{l.fact.sentence}</blockquote>
                  <a class="cl-small" href={readerPath(l.fact.articleId, l.fact.sentence)} target="_blank" rel="noopener">
                    {titles.get(l.fact.articleId) ?? 'an article no longer in the dataset'}
                  </a>
                </details>
              )}
            </li>
          ))}
        </ul>
      )}
      {named.length > 0 && (
        <>
          <h3>Also named with</h3>
          <ul class="cl-related">
            {named.map((r) => (
              <li key={r.company.id}>
                <a href={profileHref(r.company.id)}>{r.company.name}</a>{' '}
                <span class="cl-muted cl-small">
                  named together in {r.articleIds.length} article{r.articleIds.length === 1 ? '' : 's'}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
