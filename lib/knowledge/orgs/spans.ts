import { FUNCTION_WORDS, GIVEN_NAMES, HEAD_NOUNS, LEGAL_SUFFIXES, NATIONALITIES, OF_HEADS, SURNAMES_FIRST, TITLES } from './words';

/**
 * Candidate names in a sentence: runs of capitalised words, joined by "&" always, by "of"/"for"/
 * "de" after a head noun that takes them ("Bank of England"), and by "and" (kept as a mark so
 * the article can decide between "Procter and Gamble" and "Boeing and Airbus"). Titles split a
 * run ("Treasurer Ann Varga" → a person), function words are trimmed from its ends.
 */

export interface Token {
  text: string;
  start: number;
  end: number;
  /** "Korvex's", "Lumos'": the token text excludes the possessive ending. */
  possessive: boolean;
  /** First word of the sentence or after an opening quote or colon: its capital says little. */
  initial: boolean;
}

export interface Span {
  tokens: Token[];
  text: string;
  start: number;
  end: number;
  /** The run held a title right before this span ("Chairman", "Mr"). */
  afterTitle?: string;
  /** Index in `tokens` of an "and" joining two names, when there is one. */
  andAt?: number;
}

const TOKEN = /(?:\p{Lu}\.){2,}(?!\p{L})|[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}]|[.'’&-](?=[\p{L}\p{N}]))*['’]?|&/gu;
const CAPITALISED = /^(?:\p{Lu}|\p{N}+[\p{L}.-]*\p{Lu}|\p{Ll}{1,2}\p{Lu})/u;
const CONNECTORS = new Set(['of', 'for', 'de', 'du', 'des', 'la', 'le', 'van', 'von', 'der', 'den', 'di', 'da', 'del']);

export function tokenize(sentence: string, offset: number): Token[] {
  const out: Token[] = [];
  for (const m of sentence.matchAll(TOKEN)) {
    let text = m[0];
    let possessive = false;
    // "Tencent-backed", "Hong Kong-listed": the name stops before a lower-case compound.
    const compound = /^\p{Lu}.*?(?=-\p{Ll}[\p{Ll}-]*['’]?$)/u.exec(text);
    if (compound) text = compound[0];
    if (/['’]s$/.test(text) && text.length > 2) {
      text = text.slice(0, -2);
      possessive = true;
    } else if (/s['’]$/.test(text)) {
      text = text.slice(0, -1);
      possessive = true;
    } else if (/['’]$/.test(text)) text = text.slice(0, -1);
    let k = m.index! - 1;
    while (k >= 0 && /\s/.test(sentence[k])) k--;
    const before = sentence.slice(Math.max(0, k - 1), k + 1);
    const initial = k < 0 || /[:“"‘(•\-–—]$/.test(before) || /[.!?]["”’]?$/.test(before);
    out.push({ text, start: offset + m.index!, end: offset + m.index! + text.length, possessive, initial });
  }
  return out;
}

export const isCapitalised = (word: string) => CAPITALISED.test(word);

/** Runs of capitalised tokens with what may sit inside a name, as token index ranges. */
function runs(tokens: Token[], sentence: string, offset: number): Token[][] {
  const out: Token[][] = [];
  let run: Token[] = [];
  const gapOk = (a: Token, b: Token) => /^ $/.test(sentence.slice(a.end - offset + (a.possessive ? 2 : 0), b.start - offset));
  const close = () => {
    while (run.length && !isCapitalised(run[run.length - 1].text)) run.pop();
    if (run.length) out.push(run);
    run = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const prev = run[run.length - 1];
    if (prev && (prev.possessive || !gapOk(prev, t))) close();
    const last = run[run.length - 1];
    if (isCapitalised(t.text) && t.text !== '&') {
      run.push(t);
    } else if (last && (t.text === '&' || t.text === 'and' || CONNECTORS.has(t.text)) && !last.possessive) {
      const next = tokens[i + 1];
      if (next && isCapitalised(next.text) && gapOk(t, next)) run.push(t);
      else close();
    } else close();
  }
  close();
  return out;
}

/**
 * A number or a participle opening a sentence ("Five Bank of America units", "Combining SMFG and
 * Daiwa") is not part of the name after it; inside a name a number is ("Eight Roads Ventures").
 */
const OPENING_WORD = /^(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|Twenty|Thirty|Fifty|Hundreds|Thousands|Millions|\p{Lu}\p{Ll}+ing)$/u;

const join = (tokens: Token[], body: string) => body.slice(tokens[0].start, tokens[tokens.length - 1].end);

/** Splits a run at titles and at connectors that do not belong inside a name. */
function namesInRun(run: Token[], body: string): Span[] {
  const out: Span[] = [];
  let cur: Token[] = [];
  let afterTitle: string | undefined;
  const flush = () => {
    while (cur.length && (FUNCTION_WORDS.has(cur[0].text) || !isCapitalised(cur[0].text) || (cur[0].initial && OPENING_WORD.test(cur[0].text) && cur.length > 1))) cur.shift();
    while (cur.length && !isCapitalised(cur[cur.length - 1].text)) cur.pop();
    // "Swiss Korvex" is Korvex; "Chile Telecom" or "Chile Air Force" keep their place word.
    if (cur.length === 2 && NATIONALITIES.has(cur[0].text) && !HEAD_NOUNS.has(cur[1].text) && !LEGAL_SUFFIXES.has(cur[1].text)) cur.shift();
    // "president of Alibaba Cloud Zhang Jianfeng": a person's name closes the run.
    const n = cur.length;
    if (n >= 3 && (GIVEN_NAMES.has(cur[n - 2].text) || SURNAMES_FIRST.has(cur[n - 2].text)) && !HEAD_NOUNS.has(cur[n - 1].text) && !LEGAL_SUFFIXES.has(cur[n - 1].text) && isCapitalised(cur[n - 3].text)) {
      const person = cur.splice(n - 2);
      push(cur, afterTitle);
      push(person, undefined);
    } else push(cur, afterTitle);
    cur = [];
    afterTitle = undefined;
  };
  const push = (tokens: Token[], title: string | undefined) => {
    if (tokens.length) {
      const andAt = tokens.findIndex((t) => t.text === 'and');
      out.push({ tokens, text: join(tokens, body), start: tokens[0].start, end: tokens[tokens.length - 1].end, afterTitle: title, ...(andAt > 0 ? { andAt } : {}) });
    }
  };
  for (let i = 0; i < run.length; i++) {
    const t = run[i];
    if (TITLES.has(t.text) && !(cur.length && OF_HEADS.has(cur[cur.length - 1].text))) {
      // "Chief Executive" inside a title run: keep collecting title words, then the name follows.
      const title = afterTitle;
      flush();
      afterTitle = title ? `${title} ${t.text}` : t.text;
      continue;
    }
    if (CONNECTORS.has(t.text) && !OF_HEADS.has(run[i - 1]?.text ?? '') && !/^(?:de|du|des|la|le|van|von|der|den|di|da|del)$/.test(t.text)) {
      const title = afterTitle;
      flush();
      afterTitle = title;
      continue;
    }
    if (t.text === 'and' && cur.some((x) => x.text === 'and')) {
      // "Korvex Group and Hale and Dorn": the first "and" ends a list item.
      const first = cur.findIndex((x) => x.text === 'and');
      const rest = cur.slice(first + 1);
      cur = cur.slice(0, first);
      flush();
      cur = rest;
    }
    cur.push(t);
  }
  flush();
  return out;
}

/**
 * `lowercase` holds the words the article also writes in lower case: such a word opening a
 * sentence ("Shares", "Five") is an ordinary word there, not the start of a name.
 */
export function spansOf(sentence: string, offset: number, body: string, lowercase: ReadonlySet<string>): { tokens: Token[]; spans: Span[] } {
  const tokens = tokenize(sentence, offset).filter((t) => !(t.initial && lowercase.has(t.text.toLowerCase()) && !/\p{Lu}.*\p{Lu}/u.test(t.text)));
  return { tokens, spans: runs(tokens, sentence, offset).flatMap((r) => namesInRun(r, body)) };
}

/** Splits "A and B" into its two sides. */
export function sides(span: Span, body: string): Span[] {
  if (span.andAt === undefined) return [span];
  const a = span.tokens.slice(0, span.andAt);
  const b = span.tokens.slice(span.andAt + 1);
  return [a, b].filter((t) => t.length).map((t) => ({ tokens: t, text: join(t, body), start: t[0].start, end: t[t.length - 1].end }));
}
