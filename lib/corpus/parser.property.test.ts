import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Article } from '../dataset/schema';
import { CorpusError, splitCorpus, splitText, type Document } from './index';

/**
 * Properties of the corpus parser for arbitrary documents, the kind a user drops on the options
 * page: parsing terminates, and either yields articles that the dataset schema accepts or throws
 * the typed CorpusError, never anything else; the same input always gives the same output.
 */

const CODES = ['empty', 'binary', 'encoding', 'too-large', 'duplicate-name'];

/** Lines in the shapes the splitter recognises, plus the ones that tend to break splitters. */
const line = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.constantFrom('', '', '   ', '#ai #funding', '#', '# Heading', '###### x', '#a,#b;', '#tag.', 'Title', 'Title', '\u200b', '\ufeff', '\r', '\f', '\u0000', '\u2028'),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.integer({ min: 150, max: 3_000 }).map((n) => 'x'.repeat(n)),
  fc.integer({ min: 150, max: 400 }).map((n) => `#${'t'.repeat(n)}`),
);
const textArb = fc.array(line, { maxLength: 30 }).chain((lines) =>
  fc.constantFrom('\n', '\r\n', '\r').map((eol) => lines.join(eol)),
);
const nameArb = fc.oneof(
  fc.constantFrom('a.txt', 'b.md', 'dir/c.txt', 'C:\\x\\d.txt', '.hidden', 'noext', 'a.b.c.txt', '../../etc/passwd', '#1.txt'),
  fc.string({ minLength: 1, maxLength: 30 }),
  fc.integer({ min: 190, max: 600 }).map((n) => `${'n'.repeat(n)}.txt`),
);
const docArb = fc.record({
  name: nameArb,
  text: fc.oneof(textArb, textArb.map((t) => new TextEncoder().encode(t)), fc.uint8Array({ maxLength: 200 })),
});

type Outcome = { ok: true; articles: unknown[] } | { ok: false; code: string; message: string };

function parse(docs: Document[]): Outcome {
  try {
    return { ok: true, articles: splitCorpus(docs) };
  } catch (error) {
    // Anything other than a CorpusError escapes the property and fails it with the real error.
    if (!(error instanceof CorpusError)) throw error;
    return { ok: false, code: error.code, message: error.message };
  }
}

describe('corpus parser properties', () => {
  it('yields schema-valid articles or a typed CorpusError, for any documents', () => {
    let parsed = 0;
    fc.assert(
      fc.property(fc.array(docArb, { minLength: 1, maxLength: 4 }), (docs) => {
        const out = parse(docs);
        if (!out.ok) {
          expect(CODES).toContain(out.code);
          expect(out.message.length).toBeGreaterThan(0);
          return;
        }
        parsed++;
        const ids = new Set<string>();
        for (const article of out.articles) {
          const check = Article.safeParse(article);
          expect(check.success, JSON.stringify(check.error?.issues[0])).toBe(true);
          const { id } = article as Article;
          expect(ids.has(id)).toBe(false);
          ids.add(id);
        }
      }),
      { numRuns: 1_500, seed: 8 },
    );
    // Most generated documents are text: the property must have seen many successful parses.
    expect(parsed).toBeGreaterThan(300);
  });

  it('refuses an article longer than the schema allows with a typed error naming the file', () => {
    const huge = `Title\n\n${'word '.repeat(1_000_001)}`;
    expect(() => splitCorpus([{ name: 'huge.txt', text: huge }])).toThrow(CorpusError);
    expect(() => splitCorpus([{ name: 'huge.txt', text: huge }])).toThrow(/huge\.txt.*5 million/);
  });

  it('keeps every character of a first line too long to be a title', () => {
    const first = 'y'.repeat(2_500);
    const [article] = splitText('long.txt', `${first}\n\nmore text`);
    expect(article.title.length).toBe(2_000);
    expect(article.body.startsWith(first)).toBe(true);
    expect(Article.safeParse(article).success).toBe(true);
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(fc.array(docArb, { minLength: 1, maxLength: 3 }), (docs) => {
        expect(parse(docs)).toEqual(parse(docs.map((d) => ({ ...d, text: typeof d.text === 'string' ? d.text : d.text.slice() }))));
      }),
      { numRuns: 500, seed: 8 },
    );
  });

  it('never invents text: every body line and title comes from the document', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const clean = text.replace(/\r\n?/g, '\n');
        fc.pre(clean.trim() !== '');
        let articles: Article[];
        try {
          articles = splitText('doc.txt', clean);
        } catch (error) {
          if (error instanceof CorpusError) return;
          throw error;
        }
        const lines = new Set(clean.split('\n').map((l) => l.trim()));
        for (const a of articles) {
          for (const l of a.body.split('\n')) if (l !== '') expect(lines.has(l)).toBe(true);
          // A title shortened to fit the schema ends in an ellipsis; the rest is verbatim.
          const title = a.title.length === 2_000 && a.title.endsWith('…') ? a.title.slice(0, -1) : a.title;
          expect(a.title.length).toBeLessThanOrEqual(2_000);
          expect([...lines].some((l) => l.includes(title))).toBe(true);
        }
      }),
      { numRuns: 800, seed: 8 },
    );
  });
});
