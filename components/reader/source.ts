import type { Article } from '../../lib/dataset/schema';

/**
 * What is known of where an article came from (publisher, date, address), shown beside its
 * title wherever it is cited; empty when nothing is known. Never a file name: that names how
 * the article reached the extension, not where it was published.
 */
export function sourceLine(article: Pick<Article, 'publisher' | 'date' | 'url'>): string {
  return [article.publisher, article.date, article.url].filter(Boolean).join(' · ');
}

/** The reader page for one article, opened at one sentence. */
export function readerPath(articleId: string, sentence?: string): `/reader.html?${string}` {
  const params = new URLSearchParams({ article: articleId });
  if (sentence) params.set('sentence', sentence);
  return `/reader.html?${params.toString()}`;
}

export interface ReaderParagraph {
  text: string;
  /** The part to highlight, as offsets into `text`. */
  hit?: { start: number; end: number };
}

/** The body's paragraphs, the one holding `sentence` marked where it is. */
export function paragraphsWithHit(body: string, sentence: string | null): ReaderParagraph[] {
  const at = sentence ? body.indexOf(sentence) : -1;
  const out: ReaderParagraph[] = [];
  let offset = 0;
  for (const text of body.split('\n\n')) {
    const start = offset;
    offset += text.length + 2;
    if (at >= start && at < start + text.length) {
      out.push({ text, hit: { start: at - start, end: Math.min(text.length, at - start + sentence!.length) } });
    } else out.push({ text });
  }
  return out;
}
