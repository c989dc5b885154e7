import { rangeSlices } from '../../lib/search/highlight';
import { Highlighted } from '../shared/Highlighted';
import { SafeLink } from '../shared/SafeLink';
import type { ArticleMentions } from './data';
import { snippet } from './text';
import { readerPath, sourceLine } from '../reader/source';

/** Snippets per article; more mentions in one article are counted rather than all shown. */
const SNIPPETS_PER_ARTICLE = 2;

/** The articles that mention the company, each with the mention marked in a snippet. */
export function ArticleList({ articles, total }: { articles: ArticleMentions[]; total: number }) {
  return (
    <section aria-labelledby="cl-articles-title">
      <h2 id="cl-articles-title">Articles ({total})</h2>
      {articles.length === 0 ? <p class="cl-muted">No article mentions this company.</p> : null}
      <ul class="cl-articles">
        {articles.map(({ article, mentions }) => (
          <li key={article.id} id={`article-${article.id}`} class="cl-article" tabIndex={-1}>
            <h3>
              <a href={readerPath(article.id)}>
                {article.title}
              </a>
            </h3>
            {mentions.slice(0, SNIPPETS_PER_ARTICLE).map((m) => {
              const s = snippet(article.body, m.start, m.end);
              return (
                <p key={`${m.start}`} class="cl-snippet">
                  <Highlighted slices={rangeSlices(s.text, s.start, s.end)} />
                </p>
              );
            })}
            <p class="cl-muted cl-small">
              {mentions.length} mention{mentions.length === 1 ? '' : 's'}
              {sourceLine(article) && ' · '}
              {article.url ? <SafeLink href={article.url}>{sourceLine(article)}</SafeLink> : sourceLine(article)}
              {article.tags.length ? ` · ${article.tags.map((t) => `#${t}`).join(' ')}` : ''}
            </p>
          </li>
        ))}
      </ul>
      {total > articles.length ? <p class="cl-muted">…and {total - articles.length} more.</p> : null}
    </section>
  );
}
