/**
 * Sentence boundaries inside an article body, as offsets into the body. A line break always ends
 * a sentence (paragraphs, bullet items, headings); inside a line a sentence ends at . ! ? or …
 * (plus closing quotes) followed by space and a capital, digit or opening quote, unless the dot
 * belongs to an abbreviation ("Mr.", "Inc.", "U.S.", "N.C.") — decimals ("$5.3 bn") never match
 * because no space follows their dot.
 */

export interface Span {
  start: number;
  end: number;
}

const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof sr jr st mt inc ltd co corp plc llc bros vs no nos fig approx est dept univ ' +
    'gov govt gen sen rep rev hon jan feb mar apr jun jul aug sep sept oct nov dec e.g i.e cf al'
  ).split(' '),
);
/** "U.S", "N.C", "B.A.A.B.S": initials keep their dots. */
const INITIALISM = /^(?:\p{Lu}\.)+\p{Lu}$|^\p{Lu}$/u;
const BOUNDARY = /[.!?…]+[”"’')\]]*(?=\s+[\p{Lu}\p{N}“"‘'(\[•$])/gu;

function endsWithAbbreviation(line: string, dot: number): boolean {
  if (line[dot] !== '.') return false;
  let i = dot;
  while (i > 0 && /[\p{L}.]/u.test(line[i - 1])) i--;
  const word = line.slice(i, dot);
  return INITIALISM.test(word) || ABBREVIATIONS.has(word.toLowerCase());
}

export function splitSentences(body: string): Span[] {
  const out: Span[] = [];
  const push = (start: number, end: number) => {
    while (start < end && /\s/.test(body[start])) start++;
    while (end > start && /\s/.test(body[end - 1])) end--;
    if (end > start) out.push({ start, end });
  };
  let lineStart = 0;
  while (lineStart <= body.length) {
    let lineEnd = body.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = body.length;
    const line = body.slice(lineStart, lineEnd);
    let from = 0;
    for (const m of line.matchAll(BOUNDARY)) {
      if (endsWithAbbreviation(line, m.index!)) continue;
      const cut = m.index! + m[0].length;
      push(lineStart + from, lineStart + cut);
      from = cut;
    }
    push(lineStart + from, lineEnd);
    lineStart = lineEnd + 1;
  }
  return out;
}
