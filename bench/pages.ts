import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Prng } from './synthetic/prng';
import type { Dataset } from '../lib/dataset/schema';
import { ROOT, seedTexts } from './data';

/**
 * Fixture pages for the browser suites, written to a temporary folder and served on 127.0.0.1:
 * - big.html: 1 MB+ of article text assembled from the seed corpus (paragraphs shuffled and
 *   repeated), with the inline markup real articles have (links, bold, emphasis);
 * - list.html: a long list page (search results, a feed) of short items naming the dataset's
 *   companies, each with a snippet of one of its articles;
 * - plain.html: a small page with a few paragraphs, for the per-page fixed cost.
 */

export const PAGES_DIR = join(tmpdir(), 'company-lens-bench-pages');

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title></head><body>${body}</body></html>\n`;
}

/** Paragraphs of the seed corpus, with some words wrapped in inline elements. */
function paragraphs(rng: Prng): string[] {
  const out: string[] = [];
  for (const doc of seedTexts()) {
    for (const p of doc.split(/\n\s*\n/)) {
      const text = p.trim();
      if (text.length < 40) continue;
      const words = text.split(' ').map(escape);
      for (let i = 0; i < words.length; i += 12 + rng.int(20)) {
        words[i] = rng.chance(0.5) ? `<a href="#w${i}">${words[i]}</a>` : `<b>${words[i]}</b>`;
      }
      out.push(words.join(' '));
    }
  }
  return out;
}

/**
 * An unpacked extension of one page, search-box.html: a focused input that adds a row on every
 * input, as the popup's first result would. It is the floor of "popup open → first results":
 * opening an extension page and typing into it, without any Company Lens code or data. Returns
 * the folder to load and the id Chromium gives an extension unpacked there.
 */
export function writeSearchBoxExtension(): { dir: string; id: string; page: string } {
  const dir = join(PAGES_DIR, 'search-box-extension');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ manifest_version: 3, name: 'Search box (benchmark floor)', version: '1.0' }));
  writeFileSync(join(dir, 'search-box.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Search box</title><script src="search-box.js" defer></script></head><body><input id="q" type="search"><div id="rows"></div></body></html>\n');
  writeFileSync(
    join(dir, 'search-box.js'),
    `const q = document.getElementById('q');
q.focus();
q.addEventListener('input', () => {
  const row = document.createElement('div');
  row.setAttribute('role', 'option');
  row.textContent = q.value;
  document.getElementById('rows').append(row);
});
`,
  );
  return { dir, id: unpackedExtensionId(dir), page: 'search-box.html' };
}

/** Chromium's id for an extension unpacked at `dir`: the SHA-256 of its path, 32 hex digits written a–p. */
function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 32);
  return [...hex].map((d) => String.fromCharCode(97 + parseInt(d, 16))).join('');
}

export interface Pages {
  big: { file: string; textChars: number };
  list: { file: string; items: number };
  plain: { file: string };
}

export function writePages(listDataset: Dataset, bigChars: number, listItems: number): Pages {
  const named = listDataset.companies.filter((c) => c.mentionCount > 0);
  const companies = named.length > 0 ? named : listDataset.companies;
  mkdirSync(PAGES_DIR, { recursive: true });
  const rng = new Prng(7);
  const paras = paragraphs(rng);
  if (paras.length === 0) throw new Error('seeds/corpus has no text to build pages from');
  let chars = 0;
  const sections: string[] = [];
  while (chars < bigChars) {
    const chunk = rng.shuffle(paras).slice(0, 20);
    chars += chunk.reduce((n, p) => n + p.replace(/<[^>]+>/g, '').length, 0);
    sections.push(`<article><h2>Section ${sections.length + 1}</h2>${chunk.map((p) => `<p>${p}</p>`).join('')}</article>`);
  }
  writeFileSync(join(PAGES_DIR, 'big.html'), page('Large article page', sections.join('\n')));

  const items: string[] = [];
  for (let i = 0; i < listItems; i++) {
    const c = companies[i % companies.length];
    const a = listDataset.articles[i % listDataset.articles.length];
    items.push(`<li><a href="#c${i}">${escape(c.name)}</a> <span>${escape(a.body.slice(0, 120))}</span></li>`);
  }
  writeFileSync(join(PAGES_DIR, 'list.html'), page('Long list page', `<ul>${items.join('\n')}</ul>`));

  const small = paras.slice(0, 6).map((p) => `<p>${p}</p>`).join('');
  writeFileSync(join(PAGES_DIR, 'plain.html'), page('Small plain page', `<main>${small}</main>`));
  return { big: { file: 'big.html', textChars: chars }, list: { file: 'list.html', items: listItems }, plain: { file: 'plain.html' } };
}

/** Names and string aliases of the seed registry, as a user's mark.js setup would list them. */
export function registryNames(): string[] | null {
  const file = join(ROOT, 'seeds/companies.json');
  if (!existsSync(file)) return null;
  const reg = JSON.parse(readFileSync(file, 'utf8')) as { companies: { name: string; aliases?: (string | { text: string })[] }[] };
  const names = new Set<string>();
  for (const c of reg.companies) {
    names.add(c.name);
    for (const a of c.aliases ?? []) names.add(typeof a === 'string' ? a : a.text);
  }
  return [...names];
}
