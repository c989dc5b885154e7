import type { Fact, Party } from '../../lib/dataset/schema';
import { factSummary, groupFacts } from './text';
import { profileHref } from './links';
import { readerPath } from '../reader/source';

function parties(fact: Fact): Party[] {
  const v = fact.values as Record<string, unknown>;
  const list = [v.acquirer, v.target, v.holder, ...((v.leadInvestors as Party[]) ?? []), ...((v.investors as Party[]) ?? [])];
  return list.filter((p): p is Party => !!p && typeof p === 'object' && !!(p as Party).companyId && (p as Party).companyId !== fact.companyId);
}

/**
 * Facts grouped by type; each shows what it says, the sentence it was read from, and the article,
 * which opens in the reader page at that sentence.
 */
export function FactList({ facts, titles }: { facts: Fact[]; titles: Map<string, string> }) {
  const groups = groupFacts(facts);
  return (
    <section aria-labelledby="cl-facts-title">
      <h2 id="cl-facts-title">Facts</h2>
      {groups.length === 0 ? <p class="cl-muted">The corpus states no facts about this company.</p> : null}
      {groups.map((g) => (
        <div key={g.type} class="cl-fact-group" data-fact-type={g.type}>
          <h3>{g.label}</h3>
          <ul>
            {g.facts.map((f) => (
              <li key={f.id} class="cl-fact">
                <div class="cl-fact-summary">{factSummary(f)}</div>
                <blockquote class="cl-sentence">{f.sentence}</blockquote>
                <div class="cl-source cl-muted">
                  Source:{' '}
                  <a href={readerPath(f.articleId, f.sentence)} data-testid="fact-source">
                    {titles.get(f.articleId) ?? 'an article no longer in the dataset'}
                  </a>
                  {parties(f).map((p) => (
                    <span key={p.companyId}>
                      {' · '}
                      <a href={profileHref(p.companyId!)}>{p.name}</a>
                    </span>
                  ))}
                </div>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
