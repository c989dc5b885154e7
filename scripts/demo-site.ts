import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Route } from '../e2e/server';
import { splitCorpus } from '../lib/corpus';
import type { Article } from '../lib/dataset/schema';

const CORPUS_DIR = resolve(import.meta.dirname, '../seeds/corpus');

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const page = (title: string, body: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
  body { font: 17px/1.6 Georgia, 'DejaVu Serif', 'Liberation Serif', serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
  header a { color: #555; font: 14px system-ui, sans-serif; text-decoration: none; }
  h1 { line-height: 1.2; } .tags { color: #777; font: 13px system-ui, sans-serif; }
  li { margin: .35rem 0; }
</style></head>
<body><header><a href="/demo/">Company Lens demo news</a></header>${body}</body></html>`;

/** The seed articles as ordinary web pages: an index and one page per article. */
export function demoArticles(): Article[] {
  const documents = readdirSync(CORPUS_DIR)
    .filter((f) => /\.(txt|md)$/.test(f))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(CORPUS_DIR, name), 'utf8') }));
  return splitCorpus(documents);
}

export function renderIndex(articles: Article[]): string {
  const items = articles.map((a, i) => `<li><a href="/demo/article/${i}/">${escapeHtml(a.title)}</a></li>`).join('');
  return page('Company Lens demo news', `<h1>Demo news</h1><p>The seed corpus, as plain pages. Hover a company name.</p><ol>${items}</ol>`);
}

export function renderArticle(article: Article): string {
  const paragraphs = article.body
    .split(/\n\n+/)
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('\n');
  const tags = article.tags.length ? `<p class="tags">${article.tags.map((t) => `#${escapeHtml(t)}`).join(' ')}</p>` : '';
  return page(article.title, `<article><h1>${escapeHtml(article.title)}</h1>\n${paragraphs}\n${tags}</article>`);
}

/** A server route answering /demo/ and /demo/article/N/. */
export function demoSiteRoute(): Route {
  const articles = demoArticles();
  return (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    let html: string | undefined;
    if (path === '/demo/' || path === '/demo') html = renderIndex(articles);
    const m = /^\/demo\/article\/(\d+)\/?$/.exec(path);
    if (m && articles[Number(m[1])]) html = renderArticle(articles[Number(m[1])]);
    if (html === undefined) return false;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
    return true;
  };
}
