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
const PRE_DESCRIPTION = /((?:\b(?:state-owned|family-owned|privately[- ]held|publicly[- ]listed|listed|loss-making|struggling)\s+)?(?:(?:\p{Lu}[\p{L}.-]*-based|\p{Lu}[\p{L}-]*|[\p{Ll}-]+)\s+){0,4}(?:[\p{Ll}-]+))\s+$/u;
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
    const pre = PRE_DESCRIPTION.exec(before.slice(-80));
    if (pre && /\s/.test(pre[1].trim())) line('description', pre[1]);
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
