import { foldText, isCjk } from '../text/normalize';

/**
 * Tokenising and term processing for the search index. MiniSearch's default tokenizer splits on
 * spaces and punctuation only, so a Chinese name such as 阿里巴巴 would be one opaque term and
 * a search for 阿里 could only find it by prefix. We split runs of CJK characters into
 * overlapping bigrams (plus single characters when indexing) so that any part of a Chinese name
 * finds it, the way CJK full-text engines usually do.
 */

const WORDS = /[\p{L}\p{N}\p{M}]+/gu;

function pushCjkRun(run: string, out: string[], forIndex: boolean): void {
  if (run.length === 1) {
    out.push(run);
    return;
  }
  // Indexed text also gets single characters so that a one-character query matches the last
  // character of a run too; queries use bigrams only, because prefix search on a bigram already
  // covers everything that starts with it and single characters would add noise.
  for (let i = 0; i < run.length; i++) {
    if (forIndex) out.push(run[i]);
    if (i + 1 < run.length) out.push(run.slice(i, i + 2));
  }
}

function splitWord(word: string, out: string[], forIndex: boolean): void {
  let start = 0;
  let inCjk = isCjk(word.charCodeAt(0));
  for (let i = 1; i <= word.length; i++) {
    const cjk = i < word.length ? isCjk(word.charCodeAt(i)) : !inCjk;
    if (cjk === inCjk) continue;
    const part = word.slice(start, i);
    if (inCjk) pushCjkRun(part, out, forIndex);
    else out.push(part);
    start = i;
    inCjk = cjk;
  }
}

function tokenizeWith(text: string, forIndex: boolean): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(WORDS)) splitWord(match[0], out, forIndex);
  return out;
}

export const tokenizeForIndex = (text: string): string[] => tokenizeWith(text, true);
export const tokenizeQuery = (text: string): string[] => tokenizeWith(text, false);

/** The project's one text fold (lib/text/normalize.ts), so "Nestlé" and "nestle" meet here as on the page. */
export const normaliseTerm = foldText;

/**
 * Words too common to help in running text. They are dropped from long prose fields only:
 * in names they matter ("The Information" is a publication).
 */
const STOP_WORDS = new Set(
  'a an and are as at be by for from has have in is it its of on or that the this to was were will with'.split(' '),
);
export const PROSE_FIELDS = new Set(['description', 'titles', 'facts']);

/**
 * Numbers in running text (years, amounts, counts) are dropped too: each is shared by unrelated
 * documents or unique to one, never a way to find a company, and at 100k companies they were a
 * third of all indexed terms. Numbers in names and aliases ("360", "58.com") are kept.
 */
const NUMBER = /^\p{N}+$/u;

export function processIndexTerm(term: string, field?: string): string | null {
  const t = normaliseTerm(term);
  if (field && PROSE_FIELDS.has(field) && (STOP_WORDS.has(t) || NUMBER.test(t))) return null;
  return t;
}
