import type { Money } from '../dataset/schema';

/**
 * Finds and normalises sums of money as news text writes them: "$5.3 billion", "US$1 trillion",
 * "$100m", "HK$226", "U$73K", "RMB10 trillion", "16M RMB", "nearly a billion dollars", and
 * "200 billion yuan ($28 billion)", where the bracketed (or "or ...") USD figure is kept as `usd`.
 * Plain numbers are never money: a currency mark or word is required.
 */

export interface MoneySpan {
  start: number;
  end: number;
  money: Money;
}

const PREFIX: [RegExp, string][] = [
  [/^(?:US\$|U\$|USD|\$)$/i, 'USD'],
  [/^(?:HK\$|HKD)$/i, 'HKD'],
  [/^(?:S\$|SGD)$/i, 'SGD'],
  [/^(?:A\$|AUD)$/i, 'AUD'],
  [/^(?:C\$|CAD)$/i, 'CAD'],
  [/^(?:NT\$|TWD)$/i, 'TWD'],
  [/^(?:RMB|CNY|CN¥|¥|yuan|renminbi)$/i, 'CNY'],
  [/^(?:€|EUR|euros?)$/i, 'EUR'],
  [/^(?:£|GBP|pounds?)$/i, 'GBP'],
  [/^(?:₹|Rs\.?|INR|rupees?)$/i, 'INR'],
  [/^(?:JPY|yen)$/i, 'JPY'],
  [/^(?:KRW|won)$/i, 'KRW'],
  [/^(?:SEK|kronor|krona|Swedish kronor)$/i, 'SEK'],
  [/^(?:NOK|DKK)$/i, ''],
  [/^(?:CHF|Swiss francs?)$/i, 'CHF'],
  [/^(?:RUB|roubles?|rubles?)$/i, 'RUB'],
  [/^(?:R\$|BRL|reais)$/i, 'BRL'],
  [/^(?:NZ\$|NZD|New Zealand dollars?)$/i, 'NZD'],
  [/^Australian dollars?$/i, 'AUD'],
  [/^Canadian dollars?$/i, 'CAD'],
  [/^Hong Kong dollars?$/i, 'HKD'],
  [/^Singapore dollars?$/i, 'SGD'],
  [/^(?:dollars?|US dollars?)$/i, 'USD'],
];

const SCALE: Record<string, number> = {
  thousand: 1e3, k: 1e3,
  million: 1e6, m: 1e6, mn: 1e6, mln: 1e6,
  billion: 1e9, b: 1e9, bn: 1e9,
  trillion: 1e12, tn: 1e12,
};

const QUALIFIER: Record<string, string> = {
  about: 'about', around: 'about', approximately: 'about', roughly: 'about', some: 'about',
  nearly: 'nearly', almost: 'nearly', 'close to': 'nearly',
  over: 'over', 'more than': 'over', 'north of': 'over', 'in excess of': 'over', exceed: 'over', exceeding: 'over',
  'at least': 'at least', 'up to': 'up to', 'less than': 'under', under: 'under',
};

const SYMBOL = String.raw`(?:US\$|U\$|HK\$|S\$|A\$|C\$|NT\$|NZ\$|R\$|CN¥|RMB|CNY|USD|HKD|EUR|GBP|INR|SEK|CHF|¥|€|£|₹|Rs\.?|\$)`;
const NUMBER = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;
const WORDNUM = String.raw`(?:a|one)`;
const SCALE_WORD = String.raw`(?:thousand|million|billion|trillion|mln|mn|bn|tn|[kmb])`;
const CURRENCY_WORD = String.raw`(?:(?:US|Australian|Canadian|Hong Kong|Singapore|New Zealand) dollars?|dollars?|yuan|renminbi|RMB|euros?|pounds?|rupees?|yen|won|kronor|krona|Swiss francs?|roubles?|rubles?|reais|HKD|USD|CNY|EUR|GBP|SEK|CHF|NOK|DKK)`;
const QUAL = String.raw`(?:(about|around|approximately|roughly|some|nearly|almost|close to|over|more than|north of|in excess of|exceed|exceeding|at least|up to|less than|under)\s+)?`;

/** "$5.3 billion", "HK$226", "RMB10 trillion": a symbol, then the figure. */
const SYMBOL_FIRST = String.raw`(${SYMBOL})\s?(${NUMBER})(?:\s?(${SCALE_WORD}))?(?![\p{L}\p{N}])`;
/** "16M RMB", "170 million RMB", "a billion dollars": the figure, then a currency word. */
const WORD_LAST = String.raw`(${NUMBER}|${WORDNUM})(?:\s?(${SCALE_WORD}))?\s(${CURRENCY_WORD})(?![\p{L}\p{N}])`;
const MONEY = new RegExp(String.raw`(?<![\p{L}\p{N}$])${QUAL}(?:${SYMBOL_FIRST}|${WORD_LAST})`, 'giu');
/** Equivalents right after a figure: " ($28 billion)", " (£352m)", " ($527.61m; £274.73m)", " or $1.69 billion". */
const EQUIVALENTS = /^\s?\(([^()]{1,100})\)|^ or ((?:about |around )?(?:US\$|U\$|\$)\s?[\d.,]+(?:\s?(?:thousand|million|billion|trillion|mln|mn|bn|tn|[kmb]))?(?![\p{L}\p{N}]))/iu;

function currencyOf(token: string): string | null {
  for (const [re, code] of PREFIX) if (re.test(token)) return code || token.toUpperCase();
  return null;
}

function value(num: string, scale: string | undefined): number {
  const base = /^(?:a|one)$/i.test(num) ? 1 : Number(num.replace(/,/g, ''));
  const factor = scale ? (SCALE[scale.toLowerCase()] ?? 1) : 1;
  // Round away binary noise (5.3 * 1e9) so equal inputs print equal JSON.
  return Math.round(base * factor * 1e4) / 1e4;
}

/** The figures of an equivalents list when the whole list is money ("$1bn; £550m"), else null. */
function equivalents(list: string): Money[] | null {
  const parts = list.split(/\s*[;,]\s*|\s+or\s+/).filter(Boolean);
  const out: Money[] = [];
  for (const part of parts) {
    const found = scan(part.trim());
    if (found.length !== 1 || found[0].end - found[0].start !== part.trim().length) return null;
    out.push(found[0].money);
  }
  return out.length ? out : null;
}

function scan(text: string): MoneySpan[] {
  const out: MoneySpan[] = [];
  for (const m of text.matchAll(MONEY)) {
    const [whole, qualifier, symbol, symNum, symScale, wordNum, wordScale, word] = m;
    // A lone "a"/"one" needs a scale word: "one dollar" is not worth reporting, "a billion dollars" is.
    if (wordNum && /^(?:a|one)$/i.test(wordNum) && !wordScale) continue;
    const currency = currencyOf(symbol ?? word ?? '');
    if (!currency) continue;
    const amount = symbol ? value(symNum, symScale) : value(wordNum, wordScale);
    const start = m.index!;
    const figure = qualifier ? whole.slice(qualifier.length).trimStart() : whole;
    const at = start + whole.length - figure.length;
    const money: Money = { amount, currency, text: text.slice(at, start + whole.length) };
    if (currency === 'USD') money.usd = amount;
    // The qualifier is kept once, apart from the figure, so a formatter never says it twice.
    if (qualifier) money.qualifier = QUALIFIER[qualifier.toLowerCase()] ?? qualifier.toLowerCase();
    out.push({ start, end: start + whole.length, money });
  }
  return out;
}

/**
 * Every sum in a text. A bracketed (or "or ...") list of equivalents is folded into the figure
 * before it, which takes its USD value from there when it was in another currency.
 */
export function findMoney(text: string): MoneySpan[] {
  const out: MoneySpan[] = [];
  let consumed = 0;
  for (const span of scan(text)) {
    if (span.start < consumed) continue;
    const after = EQUIVALENTS.exec(text.slice(span.end, span.end + 110));
    const list = after ? equivalents(after[1] ?? after[2]) : null;
    if (after && list) {
      const usd = list.find((m) => m.currency === 'USD');
      if (usd && span.money.usd === undefined) span.money.usd = usd.amount;
      span.end += after[0].length;
      span.money.text = text.slice(span.end - after[0].length - span.money.text.length, span.end);
    }
    consumed = span.end;
    out.push(span);
  }
  return out;
}

/** Parses a string that is exactly one sum of money (tests, imports); null otherwise. */
export function parseMoney(text: string): Money | null {
  const spans = findMoney(text.trim());
  return spans.length === 1 && spans[0].start === 0 && spans[0].end === text.trim().length ? spans[0].money : null;
}
