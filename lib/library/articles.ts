import { articleDate, parseDate, splitText } from '../corpus';
import { contentHash } from '../dataset/hash';
import type { Article } from '../dataset/schema';
import type { LibraryRow } from '../store/db';
import type { ReadDocument } from './files';
import type { ImportFile } from '../messages';

/**
 * The library's articles: one row per article, its id derived from its words (not its file
 * name), so the same article imported from two files, or saved twice, is found already there.
 */

/** Whitespace and case do not make a different article. */
function fingerprint(title: string, body: string): string {
  return contentHash([`${title}\n${body}`.toLowerCase().replace(/\s+/g, ' ').trim()]);
}

export function libraryId(title: string, body: string): string {
  return `lib-${fingerprint(title, body).slice('fnv1a64:'.length)}`;
}

/** The articles of one read document, as library rows (not yet stored). */
export function rowsOf(doc: ReadDocument, addedAt: number): LibraryRow[] {
  // A page's own metadata comes first; a page without it may still state its date in its text.
  const drafts = doc.page
    ? [{ title: doc.page.title, body: doc.text, tags: [] as string[], date: doc.page.published ?? articleDate(doc.page.title, doc.text) }]
    : splitText(doc.name, doc.text);
  return drafts.map((a) => ({
    id: libraryId(a.title, a.body),
    title: a.title,
    body: a.body,
    tags: a.tags,
    origin: doc.page?.url ?? doc.name,
    ...(doc.page?.url ? { url: doc.page.url } : {}),
    ...(doc.page?.siteName ? { publisher: doc.page.siteName } : {}),
    ...(doc.page?.byline ? { byline: doc.page.byline } : {}),
    ...(a.date ? { published: a.date } : {}),
    addedAt,
  }));
}

/** A library article as an import file again (a backup being restored); its id comes out the same. */
export function importFileOf(row: Omit<LibraryRow, 'pending'>): ImportFile {
  return {
    name: row.origin,
    text: row.body,
    page: {
      title: row.title,
      ...(row.url ? { url: row.url } : {}),
      ...(row.publisher ? { siteName: row.publisher } : {}),
      ...(row.byline ? { byline: row.byline } : {}),
      ...(row.published ? { published: row.published } : {}),
    },
  };
}

export function articleOf(row: LibraryRow): Article {
  const date = dateOf(row.published);
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    tags: row.tags,
    source: row.origin.slice(-500),
    position: 0,
    library: true,
    ...(row.url ? { url: row.url } : {}),
    ...(row.publisher ? { publisher: row.publisher } : {}),
    ...(row.byline ? { byline: row.byline } : {}),
    ...(date ? { date } : {}),
  };
}

/** The day of a stated publication time ("2024-03-05T10:00:00Z", "March 5, 2024" → "2024-03-05"), or its year alone. */
function dateOf(published: string | undefined): string | undefined {
  if (!published) return undefined;
  return parseDate(published) ?? /^(?:19|20)\d{2}$/.exec(published.trim())?.[0];
}
