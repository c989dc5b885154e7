import type { OrgCompany } from '../knowledge/orgs';
import type { Company } from './schema';

/**
 * The identity part of a dataset company. Registry text stays, labelled curated; an organisation
 * known only from the corpus takes its description, headquarters and founding year from the
 * sentences that state them, and keeps those sentences as its profile.
 */
export function companyFields(o: OrgCompany): Omit<Company, 'mentionCount' | 'articleCount'> {
  const e = o.entry;
  const first = (field: string) => o.profile.find((p) => p.field === field);
  const description = e?.description ?? sentenceCase(first('description')?.text);
  const hq = e?.headquarters ?? first('headquarters')?.text;
  const founded = e?.founded ?? (first('founded') ? Number(first('founded')!.text) : undefined);
  return {
    id: o.id,
    name: o.name,
    aliases: o.aliases,
    kind: o.kind,
    ...(e?.parent ? { parentId: e.parent } : {}),
    ...(hq ? { headquarters: hq } : {}),
    ...(founded !== undefined ? { founded } : {}),
    ...(e?.domain ? { domain: e.domain } : {}),
    ...(e?.tickers ? { tickers: e.tickers } : {}),
    description: description ?? '',
    origin: e ? (o.discovered ? 'both' : 'registry') : 'text',
    ...(description ? { descriptionSource: e ? 'curated' : 'text' } : {}),
    ...(o.profile.length ? { profile: o.profile.slice(0, 50) } : {}),
  };
}

/** "which helps exporters collect payments" → "Helps exporters collect payments". */
function sentenceCase(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const t = text.replace(/^which\s+(?:is\s+)?/, '');
  return t.charAt(0).toUpperCase() + t.slice(1);
}
