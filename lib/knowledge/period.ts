/**
 * The period a sentence states for a figure ("the last three months of 2004", "fourth quarter",
 * "in 2004", "last year"), as written, and the date a fact gets from it: the stated year (with
 * its quarter or half when stated), else the article's date, else none. A relative period ("last
 * year") is resolved only against a known article date; nothing is guessed.
 */

const PERIOD =
  /\b((?:(?:for|in|during|over) )?(?:the )?(?:(?:last|first|second|third|fourth|final|latest|most recent) (?:three|six|nine|twelve) months|(?:three|six|nine|twelve) months|(?:last|first|second|third|fourth|1st|2nd|3rd|4th|latest|most recent) (?:fiscal |financial )?(?:quarter|half)|(?:fiscal |financial )?year|full year|first-half|second-half)(?: (?:to|ending|ended|to the end of) (?:\d{1,2} )?(?:January|February|March|April|May|June|July|August|September|October|November|December)(?: \d{1,2})?(?:,? (?:19|20)\d\d)?| of (?:19|20)\d\d)?|\bQ[1-4](?: (?:19|20)\d\d)?|\b(?:in|for|during) (?:fiscal )?(?:19|20)\d\d|\bthe whole of (?:19|20)\d\d|\blast year|\bquarterly|\bannual)\b/i;

export function periodOf(sentence: string): string | undefined {
  const m = PERIOD.exec(sentence);
  return m?.[1].replace(/^(?:for|in|during|over) /i, '').trim();
}

const QUARTER: Record<string, number> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, final: 4 };

/** "2004", "2004-Q4", "2004-H1", or the article's date; undefined when neither says. */
export function dateOf(period: string | undefined, articleDate: string | undefined): string | undefined {
  const text = period ?? '';
  const year = /\b((?:19|20)\d\d)\b/.exec(text)?.[1];
  const articleYear = articleDate ? Number(articleDate.slice(0, 4)) : undefined;
  const resolved = year ?? (/\blast year\b/i.test(text) && articleYear ? String(articleYear - 1) : undefined);
  if (resolved) {
    const q = /\b(first|second|third|fourth|final|1st|2nd|3rd|4th) (?:fiscal |financial )?quarter\b/i.exec(text) ?? /\bQ([1-4])\b/.exec(text);
    if (q) return `${resolved}-Q${QUARTER[q[1].toLowerCase()] ?? q[1]}`;
    if (/\b(?:last three months|final three months)\b/i.test(text)) return `${resolved}-Q4`;
    const h = /\b(first|second)[ -]half\b/i.exec(text);
    if (h) return `${resolved}-H${h[1].toLowerCase() === 'first' ? 1 : 2}`;
    return resolved;
  }
  return articleDate;
}
