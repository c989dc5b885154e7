import { normaliseTerm } from './terms';

export interface Slice {
  text: string;
  /** True for the part that matched. */
  hit: boolean;
}

/**
 * Splits `text` into slices so the UI can wrap matches in <mark> elements built as nodes, never
 * as HTML. A term matches at the start of a word (or anywhere for CJK, which has no word
 * boundaries), case- and accent-insensitively. When folding changes the text's length (rare
 * ligatures and special cases) positions would not line up, so nothing is marked.
 */
export function highlightSlices(text: string, terms: readonly string[]): Slice[] {
  const folded = normaliseTerm(text);
  const wanted = [...new Set(terms.map(normaliseTerm).filter((t) => t.length > 0))].sort((a, b) => b.length - a.length);
  if (!wanted.length || folded.length !== text.length) return [{ text, hit: false }];
  const marked = new Uint8Array(text.length);
  for (const term of wanted) {
    for (let at = folded.indexOf(term); at !== -1; at = folded.indexOf(term, at + 1)) {
      const before = at > 0 ? folded.charCodeAt(at - 1) : 32;
      const cjk = term.charCodeAt(0) > 0x2fff;
      if (cjk || !isWordChar(before)) marked.fill(1, at, at + term.length);
    }
  }
  return toSlices(text, marked);
}

/** Slices for a known range (a mention's offsets), clamped to the text. */
export function rangeSlices(text: string, start: number, end: number): Slice[] {
  const marked = new Uint8Array(text.length);
  marked.fill(1, Math.max(0, start), Math.min(text.length, end));
  return toSlices(text, marked);
}

function isWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code > 127;
}

function toSlices(text: string, marked: Uint8Array): Slice[] {
  const out: Slice[] = [];
  let start = 0;
  for (let i = 1; i <= text.length; i++) {
    if (i === text.length || marked[i] !== marked[start]) {
      if (i > start) out.push({ text: text.slice(start, i), hit: marked[start] === 1 });
      start = i;
    }
  }
  return out.length ? out : [{ text, hit: false }];
}
