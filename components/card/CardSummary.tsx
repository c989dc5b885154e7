import type { CardData } from '../../lib/cards/types';
import { clip } from './clip';

/**
 * Who the company is, in two lines, with "Read more" to the profile; then where it is, when it
 * was founded and how many articles name it (a link to the profile, which lists them). A quiet
 * label says where the description comes from: the curated registry, or a sentence of the corpus.
 */
export function CardSummary({ data, onOpenProfile }: { data: CardData; onOpenProfile(): void }) {
  const articles = data.articleCount === 1 ? '1 article' : `${data.articleCount} articles`;
  const sourced = data.descriptionSource;
  return (
    <>
      {data.description && (
        <p class="cl-desc">
          <span class="cl-desc-text" title={data.description}>
            {clip(data.description, 400)}
          </span>{' '}
          <span class="cl-provenance" data-provenance={sourced ? 'sourced' : 'curated'} title={sourced ? `From “${sourced.title}”: ${sourced.sentence}` : 'From the curated company list'}>
            {sourced ? 'sourced' : 'curated'}
          </span>{' '}
          <button type="button" class="cl-link" data-action="read-more" onClick={onOpenProfile}>
            Read more
          </button>
        </p>
      )}
      <p class="cl-meta">
        {data.headquarters && <span data-field="hq">{clip(data.headquarters, 80)}</span>}
        {data.founded !== undefined && <span data-field="founded">Founded {data.founded}</span>}
        <button type="button" class="cl-link" data-field="articles" onClick={onOpenProfile} title="Open the profile, which lists them">
          In {articles}
        </button>
      </p>
    </>
  );
}
