import type { Person } from '../../lib/dataset/schema';

/** People the corpus connects to the company, with the role and the sentence that says so. */
export function PeopleList({ people, companyId, titles }: { people: Person[]; companyId: string; titles: Map<string, string> }) {
  return (
    <section aria-labelledby="cl-people-title">
      <h2 id="cl-people-title">People</h2>
      {people.length === 0 ? <p class="cl-muted">No people named with this company.</p> : null}
      <ul class="cl-people">
        {people.map((p) => {
          const role = p.roles.find((r) => r.companyId === companyId) ?? p.roles[0];
          return (
            <li key={p.id}>
              <strong>{p.name}</strong>
              {role ? <span>, {role.title}</span> : null}
              {role ? (
                <div class="cl-muted cl-small" title={role.sentence}>
                  {titles.get(role.articleId) ?? ''}
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
