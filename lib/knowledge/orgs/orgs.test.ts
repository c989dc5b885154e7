import { describe, expect, it } from 'vitest';
import type { RegistryEntry } from '../../registry/schema';
import { analyseArticle, organisations, registryKeys, resolveOrgs, type DiscoveredOrg } from '.';

/** Made-up organisations in the forms news uses; no name here is a real one. */
const A = [
  'Quorvel Motor Corporation said it would build a plant in Ohio. Shares in Quorvel rose 3%.',
  'The Federal Pricing Authority (FPA) opened an inquiry. "We are concerned," said Maria Santos, an analyst at Brellin Capital.',
  'Mr Haldane, the chairman, said the deal with Tosk Media was done. Quorvel Cloud, the group\'s computing unit, grew fast.',
  'Shanghai-based Xelora, which helps small exporters collect payments, was founded in 2017.',
  'The FPA said Quorvel had answered its questions.',
].join('\n\n');
const B = 'Vantro Holdings and Quorvel agreed a deal. Vantro\'s chief executive, Jonas Pell, said the firm Norrick would advise.';

const byName = (orgs: DiscoveredOrg[], name: string) => orgs.find((o) => o.name === name || o.aliases.includes(name));

describe('organisation discovery', () => {
  const orgs = resolveOrgs([analyseArticle('a', A), analyseArticle('b', B)]);
  const names = orgs.map((o) => o.name);

  it('finds organisations by legal form, head noun and cue words', () => {
    for (const name of ['Quorvel Motor Corporation', 'Federal Pricing Authority', 'Brellin Capital', 'Tosk Media', 'Quorvel Cloud', 'Xelora', 'Vantro Holdings', 'Norrick']) {
      expect(byName(orgs, name), name).toBeDefined();
    }
  });
  it('leaves out people, places and dates', () => {
    for (const name of ['Maria Santos', 'Haldane', 'Mr Haldane', 'Ohio', 'Shanghai', 'Jonas Pell']) expect(byName(orgs, name), name).toBeUndefined();
  });
  it('resolves short forms, acronyms and legal forms to one entity, keeping units apart', () => {
    const motor = byName(orgs, 'Quorvel Motor Corporation')!;
    expect(byName(orgs, 'FPA')?.name).toBe('Federal Pricing Authority');
    expect(byName(orgs, 'Vantro')?.id).toBe(byName(orgs, 'Vantro Holdings')?.id);
    expect(byName(orgs, 'Quorvel')!.id).toBe(motor.id);
    expect(byName(orgs, 'Quorvel Cloud')!.id).not.toBe(motor.id);
    expect(names.filter((n) => /^Quorvel Cloud$/.test(n))).toHaveLength(1);
  });
  it('takes a double-barrelled name as the full name of the organisation its first part names', () => {
    const text = 'Profits at luxury carmaker Dovrik fell. Dovrik-Selm\'s woes hid a strong year. Its Dovrik-Backed unit grew.';
    const found = resolveOrgs([analyseArticle('c', text)]);
    const dovrik = byName(found, 'Dovrik')!;
    expect(dovrik.aliases).toContain('Dovrik-Selm');
    expect(dovrik.aliases).not.toContain('Dovrik-Backed');
  });
  it('reads kinds and a sourced profile from the text', () => {
    expect(byName(orgs, 'Federal Pricing Authority')!.kind).toBe('government');
    expect(byName(orgs, 'Brellin Capital')!.kind).toBe('investor');
    const xelora = byName(orgs, 'Xelora')!;
    const description = xelora.profile.find((p) => p.field === 'description')!;
    expect(description.text).toBe('which helps small exporters collect payments');
    expect(description.sentence).toContain('Shanghai-based Xelora');
    expect(description.articleId).toBe('a');
    expect(xelora.profile.find((p) => p.field === 'headquarters')?.text).toBe('Shanghai');
    expect(xelora.profile.find((p) => p.field === 'founded')?.text).toBe('2017');
  });
  it('keeps ids stable when articles are added', () => {
    const more = resolveOrgs([analyseArticle('a', A), analyseArticle('b', B), analyseArticle('c', 'Tosk Media, the broadcaster, said profits rose.')]);
    for (const o of orgs) expect(more.find((m) => m.key === o.key)?.id, o.name).toBe(o.id);
  });
  it('lets a name confirmed in one article count in another', () => {
    const alone = resolveOrgs([analyseArticle('x', 'Last year Pellow bought a factory.')]);
    expect(alone.find((o) => o.name === 'Pellow')).toBeUndefined();
    const linked = resolveOrgs([analyseArticle('x', 'Last year Pellow bought a factory.'), analyseArticle('y', 'Shares in Pellow fell.')]);
    expect(linked.find((o) => o.name === 'Pellow')).toBeDefined();
  });
  it('never throws on odd input', () => {
    for (const text of ['', '   ', 'A', '(((', 'Inc. Ltd. plc', '\u0000\uFFFF', 'X'.repeat(10_000)]) expect(() => resolveOrgs([analyseArticle('z', text)])).not.toThrow();
  });
});

describe('registry layer', () => {
  const entry: RegistryEntry = { id: 'quorvel-motor', name: 'Quorvel Motor', aliases: ['QVM'], kind: 'company', description: 'Curated text.' };
  const discovered = resolveOrgs([analyseArticle('a', A)], registryKeys([entry]));
  const merged = organisations(discovered, [entry]);
  it('attaches the registry id, kind and aliases to the matching discovered entity', () => {
    const q = merged.find((o) => o.id === 'quorvel-motor')!;
    expect(q.entry).toBe(entry);
    expect(q.aliases.map((a) => a.text)).toEqual(expect.arrayContaining(['QVM', 'Quorvel Motor Corporation']));
    expect(merged.filter((o) => o.name === 'Quorvel Motor Corporation')).toHaveLength(0);
  });
  it('keeps discovered names case-sensitive', () => {
    const tosk = merged.find((o) => o.name === 'Tosk Media')!;
    expect(tosk.aliases.every((a) => a.caseSensitive)).toBe(true);
  });
});
