import { useEffect, useState } from 'preact/hooks';
import type { Article } from '../../lib/dataset/schema';
import { articleOf } from '../../lib/library/articles';
import { getDb } from '../../lib/store/db';
import { getArticles } from '../../lib/store/read';
import { SafeLink } from '../shared/SafeLink';
import { paragraphsWithHit, sourceLine } from './source';

/** The article from the active dataset, or from the library when the dataset lacks it. */
async function loadArticle(id: string): Promise<Article | null> {
  const [found] = await getArticles([id]);
  if (found) return found;
  const row = await getDb().library.get(id);
  return row && row.pending === undefined ? articleOf(row) : null;
}

/**
 * An article as the extension keeps it, opened from a source citation: bundled, synced and
 * library articles alike, scrolled to the cited sentence and highlighting it.
 */
export function ReaderPage({ id, sentence }: { id: string | null; sentence: string | null }) {
  const [article, setArticle] = useState<Article | null | undefined>(undefined);
  useEffect(() => void (id ? loadArticle(id).then(setArticle, () => setArticle(null)) : setArticle(null)), [id]);
  useEffect(() => {
    if (article) document.title = `${article.title} — Company Lens`;
    document.getElementById('cl-hit')?.scrollIntoView({ block: 'center' });
  }, [article]);

  if (article === undefined) return <main class="cl-reader"><p class="cl-muted">Loading…</p></main>;
  if (article === null) {
    return (
      <main class="cl-reader">
        <p data-testid="reader-missing">This article is no longer in your knowledge base (it may have been removed from your library, or the dataset was synced since).</p>
      </main>
    );
  }
  const paragraphs = paragraphsWithHit(article.body, sentence);
  return (
    <main class="cl-reader">
      <article>
        <h1 data-testid="reader-title">{article.title}</h1>
        <p class="cl-muted" data-testid="reader-source">
          {[article.url ? <SafeLink href={article.url}>{sourceLine(article)}</SafeLink> : sourceLine(article), article.byline, article.library ? 'in your library' : '']
            .filter(Boolean)
            .map((part, i) => (
              <span key={i}>
                {i > 0 ? ' · ' : ''}
                {part}
              </span>
            ))}
        </p>
        {paragraphs.map((p, i) =>
          p.hit ? (
            <p key={i}>
              {p.text.slice(0, p.hit.start)}
              <mark id="cl-hit" data-testid="reader-hit">
                {p.text.slice(p.hit.start, p.hit.end)}
              </mark>
              {p.text.slice(p.hit.end)}
            </p>
          ) : (
            <p key={i}>{p.text}</p>
          ),
        )}
      </article>
    </main>
  );
}
