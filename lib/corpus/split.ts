import type { Article } from '../dataset/schema';
import { CorpusError } from './errors';
import { articleDate } from './dates';
import { decodeDocument } from './decode';

/**
 * Splits a document into articles. Three shapes occur in news dumps and are recognised anywhere:
 *
 * - a line made only of `#tags` closes the article it follows (TechCrunch exports), and the next
 *   line is the title of the next article;
 * - a title printed twice in a row (blog and social posts) opens a new article; in a document
 *   that has this shape at least twice, a short single line after two or more blank lines is a
 *   title too (one post of such a feed sometimes lost its repeated title);
 * - otherwise the whole file is one article whose first line is the title. Lines that follow the
 *   title without a blank line (photo captions) become the first paragraph.
 *
 * Paragraphs are runs of non-blank lines; the body joins them with a blank line, and every offset
 * computed later (mentions, facts) indexes into that body.
 */

export interface Document {
  name: string;
  text: string | Uint8Array;
}

interface Block {
  lines: string[];
  line: number;
  /** Blank lines before the block. */
  gap: number;
}

interface Draft {
  title: string;
  paragraphs: string[];
  tags: string[];
  line: number;
}

const TAG_LINE = /^#[\p{L}\p{N}][\p{L}\p{N}_.-]*(?:[\s,;]+#[\p{L}\p{N}][\p{L}\p{N}_.-]*)*[\s,;]*$/u;
const INLINE_TAG = /(?:^|[\s(（,;:])#([\p{L}\p{N}][\p{L}\p{N}_-]*)/gu;
const HEADING_MARK = /^#{1,6}\s+/;
/** A repeated line is a title only if it is short enough to be one. */
const MAX_TITLE = 300;

/** Article ids are `${stem}#${position}` and the dataset schema allows 200 characters. */
const MAX_STEM = 180;
/** Schema limits on article fields (lib/dataset/schema.ts). */
const MAX_ARTICLE_TITLE = 2_000;
const MAX_TAG = 200;
const MAX_SOURCE = 500;
const MAX_BODY = 5_000_000;

export function fileStem(name: string): string {
  const base = name.replace(/^.*[\\/]/, '');
  const dot = base.lastIndexOf('.');
  return (dot > 0 ? base.slice(0, dot) : base).slice(0, MAX_STEM);
}

function blocksOf(text: string): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  let gap = 0;
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\s+$/u, '').replace(/^\s+/u, '');
    if (line === '') {
      current = null;
      gap++;
      return;
    }
    if (!current) {
      current = { lines: [], line: i + 1, gap };
      gap = 0;
      blocks.push(current);
    }
    current.lines.push(line);
  });
  return blocks;
}

const isTagBlock = (b: Block) => b.lines.every((l) => TAG_LINE.test(l));
const isSingle = (b: Block | undefined): b is Block => b !== undefined && b.lines.length === 1;

function tagSlugs(text: string, into: string[]): void {
  for (const m of text.matchAll(INLINE_TAG)) {
    const slug = m[1].toLowerCase().replace(/[._]+$/, '');
    // A "tag" longer than the schema allows is a run of characters, not a tag.
    if (slug && slug.length <= MAX_TAG && !into.includes(slug)) into.push(slug);
  }
}

/** A feed-style title: a single short line that does not read as the end of a sentence. */
const MAX_FEED_TITLE = 160;
const looksLikeTitle = (b: Block) => isSingle(b) && b.lines[0].length <= MAX_FEED_TITLE && !/[.:;,]["”’]?$/u.test(b.lines[0]);

/** Splits one document's checked text. */
export function splitText(name: string, text: string): Article[] {
  const blocks = blocksOf(text);
  const isRepeated = (i: number) => {
    const b = blocks[i];
    const next = blocks[i + 1];
    return isSingle(b) && isSingle(next) && b.lines[0] === next.lines[0] && b.lines[0].length <= MAX_TITLE;
  };
  let repeats = 0;
  for (let i = 0; i < blocks.length; i++) if (isRepeated(i)) repeats++;
  const feed = repeats >= 2;
  const drafts: Draft[] = [];
  let open: Draft | null = null;
  const start = (b: Block, skipDuplicate: boolean): Draft => {
    let title = b.lines[0].replace(HEADING_MARK, '');
    let rest = b.lines.slice(1);
    // A first line too long for a title is a paragraph: keep all of it in the body and show a
    // shortened title, so no text is lost and the article still fits the dataset schema.
    if (title.length > MAX_ARTICLE_TITLE) {
      rest = b.lines;
      title = `${title.slice(0, MAX_ARTICLE_TITLE - 1)}…`;
      skipDuplicate = false;
    }
    const draft: Draft = { title, paragraphs: [], tags: [], line: b.line };
    if (rest.length > 0 && !skipDuplicate) draft.paragraphs.push(rest.join('\n'));
    drafts.push(draft);
    return draft;
  };
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    const next = blocks[i + 1];
    if (isTagBlock(b)) {
      if (open) {
        for (const l of b.lines) tagSlugs(l, open.tags);
        open = null;
      }
      continue;
    }
    if (isRepeated(i)) {
      open = start(b, true);
      i++;
      continue;
    }
    if (feed && open && b.gap >= 2 && looksLikeTitle(b) && next !== undefined && !isTagBlock(next)) {
      open = start(b, false);
      continue;
    }
    if (!open) {
      open = start(b, false);
      continue;
    }
    open.paragraphs.push(b.lines.join('\n'));
  }
  const stem = fileStem(name);
  const articles = drafts.map((d, position): Article => {
    const tags = [...d.tags];
    for (const p of d.paragraphs) tagSlugs(p, tags);
    const body = d.paragraphs.join('\n\n');
    if (body.length > MAX_BODY) {
      throw new CorpusError('too-large', name, `has an article of ${(body.length / 1e6).toFixed(1)} million characters; the limit is 5 million`, d.line);
    }
    // Long paths keep their end, where the file name is.
    const date = articleDate(d.title, body);
    return { id: `${stem}#${position}`, title: d.title, body, tags, source: name.slice(-MAX_SOURCE), position, ...(date ? { date } : {}) };
  });
  if (articles.length === 0) throw new CorpusError('empty', name, 'has no article text, only tag lines');
  return articles;
}

/** Decodes, checks and splits a set of documents; file names must be unique because ids derive from them. */
export function splitCorpus(documents: readonly Document[]): Article[] {
  const seen = new Map<string, string>();
  const out: Article[] = [];
  for (const doc of documents) {
    const stem = fileStem(doc.name);
    const other = seen.get(stem);
    if (other !== undefined) {
      throw new CorpusError('duplicate-name', doc.name, `has the same name as ${other}; article ids would collide`);
    }
    seen.set(stem, doc.name);
    out.push(...splitText(doc.name, decodeDocument(doc.name, doc.text)));
  }
  return out;
}
