import type { Span } from './spans';
import { DESCRIPTORS } from './words';

/**
 * Identity lines read from the sentence around a name, each kept with that sentence: a
 * description from an appositive ("XTransfer, which helps exporters collect payments", "Unilever,
 * the consumer goods giant") or from the words before the name ("state-owned Hindustan
 * Aeronautics", "Shanghai-based XTransfer"), the headquarters ("Shanghai-based"), the founding
 * year ("founded in 2017").
 */

export interface ProfileLine {
  field: 'description' | 'headquarters' | 'founded';
  text: string;
  sentence: string;
  articleId: string;
}

const APPOSITIVE = /^\s*,\s*((?:a|an|the)\s+[^,;()]{3,160}?|which\s+(?:helps|makes|runs|operates|owns|provides|offers|sells|develops|builds|produces|specialises|specializes|is)\b[^,;()]{3,200}?)(?:,|;|\.\s|\.$|$)/u;
/** Words that end a noun phrase read backwards from the name: "profits at | luxury car maker". */
const PHRASE_STOP = new Set(
  'a an the its their his her this that these those at in of to with by for from on into over as and or but is was were are be been has had have said says such like including than which who whose up out off down'.split(' '),
);

/** "Drop in profits at luxury car maker Korvex" → "luxury car maker": up to four words, at least two. */
function nounPhraseBefore(before: string): string | undefined {
  const words = before.trimEnd().split(/\s+/);
  const kept: string[] = [];
  for (let i = words.length - 1; i >= 0 && kept.length < 4; i--) {
    const w = words[i];
    if (PHRASE_STOP.has(w.toLowerCase()) || /[,;:.()"“”]$/.test(w) || /^\p{Lu}[\p{L}-]*['’]s?$/u.test(w)) break;
    kept.unshift(w);
  }
  return kept.length >= 2 ? kept.join(' ') : undefined;
}

const BASED = /(\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*)?)-(?:based|headquartered)\s+(?:[\p{Ll}-]+\s+){0,4}$/u;
const FOUNDED = /^(?:['’]s?)?[^.;]{0,80}?\b(?:founded|established|set up|launched)\s+in\s+((?:18|19|20)\d{2})\b/u;
const STATE_OWNED = /\b(state-owned|state-run|government-owned|family-owned|privately held)\s+$/u;

const tidy = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Every test is guarded by a cheap check first: this runs for every candidate name. */
export function profileLines(span: Span, before: string, after: string, sentence: () => string, articleId: string): ProfileLine[] {
  const out: ProfileLine[] = [];
  const line = (field: ProfileLine['field'], text: string) => out.push({ field, text: tidy(text), sentence: tidy(sentence()), articleId });
  const app = /^\s*,/.test(after) ? APPOSITIVE.exec(after) : null;
  if (app && (app[1].startsWith('which') || app[1].toLowerCase().split(/[^\p{L}-]+/u).some((w) => DESCRIPTORS.has(w)))) line('description', app[1]);
  else if (DESCRIPTORS.has(/([\p{L}-]+)\s+$/u.exec(before.slice(-30))?.[1].toLowerCase() ?? '')) {
    const phrase = nounPhraseBefore(before);
    if (phrase) line('description', phrase);
  } else if (/-owned|-run|held\s+$/.test(before)) {
    const owned = STATE_OWNED.exec(before);
    if (owned) line('description', owned[1]);
  }
  const based = /-(?:based|headquartered)\b/.test(before) ? BASED.exec(before) : null;
  if (based) line('headquarters', based[1]);
  const founded = /\b(?:founded|established|set up|launched)\b/.test(after) ? FOUNDED.exec(after) : null;
  if (founded) line('founded', founded[1]);
  return out;
}
