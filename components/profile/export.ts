import { safeHttpUrl } from '../shared/safe-url';
import { aliasObject } from '../../lib/registry/schema';
import type { Profile } from './data';
import { factSummary, groupFacts } from './text';

/**
 * Markdown-significant characters in dataset text are escaped, so a company description cannot
 * smuggle a link or an image into wherever the user pastes the card.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/([\\`*_{}[\]()<>#+!|~])/g, '\\$1');
}

/** The profile as Markdown, for pasting into notes. */
export function profileMarkdown(p: Profile): string {
  const c = p.company;
  const md = escapeMarkdown;
  const lines = [`# ${md(c.name)}`, ''];
  const domain = safeHttpUrl(c.domain);
  const identity = [c.kind, c.headquarters, c.founded !== undefined && `founded ${c.founded}`, domain, c.tickers?.join(', '), p.parent && `part of ${p.parent.name}`];
  lines.push(identity.filter(Boolean).map((s) => md(String(s))).join(' · '), '', md(c.description), '');
  const aliases = c.aliases.map((a) => aliasObject(a).text);
  if (aliases.length) lines.push(`Also known as: ${aliases.map(md).join(', ')}`, '');
  for (const group of groupFacts(p.facts)) {
    lines.push(`## ${group.label}`, '');
    for (const f of group.facts) {
      const source = p.titles.get(f.articleId);
      lines.push(`- ${md(factSummary(f))} — “${md(f.sentence)}”${source ? ` (${md(source)})` : ''}`);
    }
    lines.push('');
  }
  if (p.people.length) {
    lines.push('## People', '');
    for (const person of p.people) {
      const role = person.roles.find((r) => r.companyId === c.id) ?? person.roles[0];
      lines.push(`- ${md(person.name)}${role ? `, ${md(role.title)}` : ''}`);
    }
    lines.push('');
  }
  if (p.links.length) {
    lines.push('## Relations', '');
    for (const l of p.links) lines.push(`- ${md(l.label)} ${md(l.company.name)}${l.fact ? ` (“${md(l.fact.sentence)}”)` : ''}`);
    lines.push('');
  }
  if (p.related.length) {
    lines.push('## Related companies', '');
    for (const r of p.related) lines.push(`- ${md(r.company.name)} (${r.articleIds.length} shared article${r.articleIds.length === 1 ? '' : 's'})`);
    lines.push('');
  }
  if (p.note.trim()) lines.push('## My note', '', md(p.note), '');
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

/** The profile as JSON: the dataset records plus the user's star and note. */
export function profileJson(p: Profile): string {
  return JSON.stringify(
    {
      company: p.company,
      parent: p.parent ? { id: p.parent.id, name: p.parent.name } : null,
      facts: p.facts,
      people: p.people,
      links: p.links.map((l) => ({ type: l.link.type, from: l.link.from, to: l.link.to, label: l.label, name: l.company.name, factId: l.fact?.id ?? null })),
      related: p.related.map((r) => ({ id: r.company.id, name: r.company.name, weight: r.weight, articleIds: r.articleIds })),
      articles: p.articles.map((a) => ({ id: a.article.id, title: a.article.title, mentions: a.mentions.length })),
      user: { starred: p.starred, note: p.note },
    },
    null,
    2,
  );
}
