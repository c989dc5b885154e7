import type { Company } from '../../lib/dataset/schema';
import type { RelatedCompany } from './data';
import { EgoNetwork } from './EgoNetwork';
import { profileHref } from './links';

/** Related companies as a drawing and as a list (the list is the accessible, complete form). */
export function Related({ company, related }: { company: Company; related: RelatedCompany[] }) {
  return (
    <section aria-labelledby="cl-related-title">
      <h2 id="cl-related-title">Related companies</h2>
      {related.length === 0 ? <p class="cl-muted">No other company is named alongside this one.</p> : null}
      <EgoNetwork company={company} related={related} />
      <ul class="cl-related">
        {related.map((r) => (
          <li key={r.company.id}>
            <a href={profileHref(r.company.id)}>{r.company.name}</a>{' '}
            <span class="cl-muted cl-small">
              named together in {r.articleIds.length} article{r.articleIds.length === 1 ? '' : 's'}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
