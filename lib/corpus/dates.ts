/**
 * An article's publication date, from what the article itself states: a date line under the
 * title ("3 March 2025", "Published: March 3, 2025 10:32 GMT"), a news dateline ("BEIJING, March
 * 3, 2025 /PRNewswire/ --"), or a "Published ..." line near the start or the end. Only
 * unambiguous forms are read (a year is always required; "03/04/2025" is never guessed), so an
 * article without a stated date stays undated rather than getting an invented one.
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = String.raw`(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?`;
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
const YEAR = String.raw`((?:19|20)\d{2})`;
const WEEKDAY = String.raw`(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Mon|Tue|Wed|Thu|Fri|Sat|Sun)\.?,?\s`;

/** Each form and how to read its groups into year, month, day. */
const FORMS: { re: RegExp; read: (m: RegExpExecArray) => [string, string, string | undefined] }[] = [
  { re: new RegExp(String.raw`\b${YEAR}-(\d{2})-(\d{2})(?![\d])`), read: (m) => [m[1], m[2], m[3]] },
  { re: new RegExp(String.raw`\b${YEAR}/(\d{1,2})/(\d{1,2})\b`), read: (m) => [m[1], m[2], m[3]] },
  { re: new RegExp(String.raw`\b${DAY}\s${MONTH},?\s${YEAR}\b`, 'i'), read: (m) => [m[3], m[2], m[1]] },
  { re: new RegExp(String.raw`\b${MONTH}\s${DAY},?\s${YEAR}\b`, 'i'), read: (m) => [m[3], m[1], m[2]] },
  // Month and year alone, unless a day precedes them (an impossible "31 February 2025" is not February).
  { re: new RegExp(String.raw`(?<!\d(?:st|nd|rd|th)?\s)\b${MONTH},?\s${YEAR}\b`, 'i'), read: (m) => [m[2], m[1], undefined] },
];

function monthNumber(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  return MONTHS.indexOf(text.slice(0, 3).toLowerCase()) + 1;
}

const pad = (n: number) => String(n).padStart(2, '0');

interface Found {
  value: string;
  at: number;
  length: number;
}

function findDate(text: string): Found | undefined {
  let best: Found | undefined;
  for (const form of FORMS) {
    const m = form.re.exec(text);
    if (!m || (best && best.at <= m.index)) continue;
    const [y, mo, d] = form.read(m);
    const year = Number(y);
    const month = monthNumber(mo);
    if (month < 1 || month > 12) continue;
    let value = `${year}-${pad(month)}`;
    if (d !== undefined) {
      const day = Number(d);
      const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
      if (day < 1 || day > last) continue;
      value += `-${pad(day)}`;
    }
    best = { value, at: m.index, length: m[0].length };
  }
  return best;
}

/**
 * The first date written in `text`, as YYYY-MM-DD (or YYYY-MM when no day is given), when it is
 * a real calendar date; undefined otherwise.
 */
export function parseDate(text: string): string | undefined {
  return findDate(text)?.value;
}

const CUE = new RegExp(String.raw`^(?:First\s)?(?:Published|Posted|Updated|Last updated|Date|Dated)(?:\son)?:?\s`, 'i');
const LEADING_WEEKDAY = new RegExp(`^${WEEKDAY}`, 'i');
const TRAILING_TIME = /(?:,?\s(?:at\s)?\d{1,2}[:.]\d{2}(?:\s?[ap]\.?m\.?)?(?:\s(?:[A-Z]{2,5}|UTC[+-]\d{1,2}))?)?[.\s]*$/;

/** The date of a line that is only a date, perhaps with a cue word, a weekday and a time: "Published: Monday 3 March 2025, 10:32 GMT". */
function dateLine(line: string): string | undefined {
  const core = line.replace(CUE, '').replace(LEADING_WEEKDAY, '').replace(TRAILING_TIME, '').trim();
  const found = findDate(core);
  return found && found.at === 0 && found.length === core.length ? found.value : undefined;
}

/** A news dateline opening the first paragraph: "BEIJING, March 3, 2025 /PRNewswire/ --", "London, 3 March 2025 —". */
const DATELINE = /^[\p{Lu}][\p{L} .'-]{1,40},\s([^—–/(]{6,30}?)\s*(?:[—–/(]|--|-\s)/u;
/** "Published 3 March 2025" anywhere near the start or the end of the text. */
const CUED = new RegExp(String.raw`\b(?:Published|Posted|First published)(?:\son)?:?\s(?:${WEEKDAY})?([^\n]{6,40})`, 'i');

/** How far into the body, and from its end, a cued date is looked for. */
const NEAR = 600;

/** The date an article states about itself, from its title line and body; undefined when none. */
export function articleDate(title: string, body: string): string | undefined {
  const lines = [title, ...body.split('\n', 4)].map((l) => l.trim()).filter(Boolean);
  for (const line of lines.slice(0, 4)) {
    const date = dateLine(line);
    if (date) return date;
  }
  const dateline = DATELINE.exec(body.slice(0, 120));
  if (dateline) {
    const date = parseDate(dateline[1]);
    if (date) return date;
  }
  for (const part of [body.slice(0, NEAR), body.slice(-NEAR)]) {
    const cued = CUED.exec(part);
    const date = cued ? parseDate(cued[1]) : undefined;
    if (date) return date;
  }
  return undefined;
}
