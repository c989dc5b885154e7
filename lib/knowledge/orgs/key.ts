import { slugify } from '../../registry/load';
import { KEY_SUFFIXES } from './words';
import { memoized } from '../../util/memo';

/**
 * The key under which spellings of one organisation meet: case, spacing, punctuation, a
 * possessive and trailing legal forms do not count ("Alibaba Group Holding Limited", "ALIBABA",
 * "Alibaba's" → "alibaba"), while distinguishing words do ("Alibaba Cloud", "T-Mobile US").
 */
export function nameWords(text: string): string[] {
  const words = text
    .normalize('NFKC')
    .replace(/['’]s?\b/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  let end = words.length;
  while (end > 1 && KEY_SUFFIXES.has(words[end - 1].toLowerCase().replace(/\.$/, ''))) end--;
  let start = 0;
  while (start < end - 1 && words[start].toLowerCase() === 'the') start++;
  return words.slice(start, end);
}

export const nameKey: (text: string) => string = memoized((text) =>
  nameWords(text)
    .join(' ')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ''),
);

/** The id of a discovered organisation: the slug of its key words, stable as articles are added. */
export const discoveredId: (text: string) => string = memoized((text) => slugify(nameWords(text).join(' ')) || 'organisation');

/** Capital initials of a name, for acronyms: "Monetary Policy Committee" → "MPC". */
export function initialsOf(text: string): string {
  return text
    .split(/[\s-]+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('');
}
