import { aliasObject } from '../../lib/registry/schema';
import type { Company } from '../../lib/dataset/schema';
import { KindBadge } from '../shared/KindBadge';
import { SafeLink } from '../shared/SafeLink';
import { profileHref } from './links';

/** Who the company is: name, kind, parent, description and the registry details. */
export function Identity({ company: c, parent }: { company: Company; parent: Company | null }) {
  const aliases = c.aliases.map((a) => aliasObject(a).text).filter((t) => t !== c.name);
  const rows: [string, preact.ComponentChildren][] = [];
  if (parent) rows.push(['Part of', <a href={profileHref(parent.id)}>{parent.name}</a>]);
  if (c.headquarters) rows.push(['Headquarters', c.headquarters]);
  if (c.founded !== undefined) rows.push(['Founded', String(c.founded)]);
  if (c.domain) rows.push(['Website', <SafeLink href={c.domain}>{c.domain}</SafeLink>]);
  if (c.tickers?.length) rows.push(['Tickers', c.tickers.join(', ')]);
  if (aliases.length) rows.push(['Also known as', aliases.join(' · ')]);
  rows.push(['In the corpus', `${c.mentionCount} mention${c.mentionCount === 1 ? '' : 's'} in ${c.articleCount} article${c.articleCount === 1 ? '' : 's'}`]);
  return (
    <section class="cl-identity" aria-labelledby="cl-name">
      <h1 id="cl-name">
        {c.name} <KindBadge kind={c.kind} />
      </h1>
      <p class="cl-description">{c.description}</p>
      <dl class="cl-facts-table">
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
