import { Readability } from '@mozilla/readability';

/**
 * Reader-mode extraction, the same for a saved page, an imported .html file (options page) and
 * the CLI: Readability runs on a clone of the document, so the page a user is reading is never
 * changed. Paragraph breaks are kept (they become the article's paragraphs); scripts and
 * markup are not.
 */

export interface ReadablePage {
  title: string;
  /** Paragraphs joined by a blank line. */
  text: string;
  url?: string;
  siteName?: string;
  byline?: string;
  /** As the page states it (usually ISO 8601). */
  published?: string;
}

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, td, dd, dt';
const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const optional = (s: string | null | undefined, max = 500) => {
  const value = clean(s).slice(0, max);
  return value === '' ? undefined : value;
};

/** The article's paragraphs: each innermost block's text, in document order. */
function paragraphsOf(root: Element): string[] {
  const blocks = [...root.querySelectorAll(BLOCKS)].filter((el) => el.querySelector(BLOCKS) === null);
  const texts = blocks.map((el) => clean(el.textContent)).filter((t) => t !== '');
  return texts.length > 0 ? texts : [clean(root.textContent)].filter((t) => t !== '');
}

/**
 * Where pages state their publication time when Readability's own sources (article:published_time,
 * JSON-LD) are missing: other common meta names, then the first <time datetime> of the page.
 */
const PUBLISHED_META = [
  'meta[property="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="pubdate"]',
  'meta[name="publishdate"]',
  'meta[name="date"]',
  'meta[name="DC.date.issued"]',
  'meta[property="og:published_time"]',
];

function publishedIn(doc: Document): string | undefined {
  for (const selector of PUBLISHED_META) {
    const value = optional(doc.querySelector(selector)?.getAttribute('content'), 100);
    if (value) return value;
  }
  return optional(doc.querySelector('time[datetime]')?.getAttribute('datetime'), 100);
}

/** Too little text to be an article: a home page, a login form, a list of links. */
const MIN_CHARS = 200;

/** Extracts the main article of `doc`, or null when the page has none that reads as one. */
export function extractReadable(doc: Document, url?: string): ReadablePage | null {
  const clone = doc.cloneNode(true) as Document;
  let parsed: ReturnType<Readability<Element>['parse']> | null;
  try {
    parsed = new Readability<Element>(clone, { serializer: (el) => el as Element }).parse();
  } catch {
    return null;
  }
  if (!parsed?.content) return null;
  const paragraphs = paragraphsOf(parsed.content);
  const text = paragraphs.join('\n\n');
  if (text.length < MIN_CHARS) return null;
  const title = optional(parsed.title, 2_000) ?? paragraphs[0].slice(0, 200);
  return {
    title,
    text,
    ...(url ? { url } : {}),
    ...(optional(parsed.siteName) ? { siteName: optional(parsed.siteName) } : {}),
    ...(optional(parsed.byline) ? { byline: optional(parsed.byline) } : {}),
    ...(optional(parsed.publishedTime, 100) ?? publishedIn(doc) ? { published: optional(parsed.publishedTime, 100) ?? publishedIn(doc) } : {}),
  };
}
