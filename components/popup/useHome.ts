import { useEffect, useState } from 'preact/hooks';
import type { Company } from '../../lib/dataset/schema';
import { askPageMentions, findPageTab } from './page-mentions';
import { loadStore } from './store';
import type { Group, Entry } from './entries';

export interface HomeState {
  loading: boolean;
  groups: Group[];
  /** Why "On this page" is empty, when it is. */
  pageNote: string;
}

const companyEntry = (c: Company, context = c.description): Entry => ({
  key: `company:${c.id}`,
  kind: c.kind,
  name: c.name,
  context,
  companyId: c.id,
  terms: [],
});

async function onThisPage(tabId: number | undefined): Promise<{ entries: Entry[]; note: string }> {
  // After the search index's first part too, like the store: asking the page competes with it.
  const { getCompanies } = await loadStore();
  const tab = await findPageTab(tabId);
  const answer = tab === null ? null : await askPageMentions(tab);
  if (!answer) return { entries: [], note: 'Company Lens cannot read this page.' };
  const sorted = [...answer.mentions].sort((a, b) => b.count - a.count);
  const companies = new Map((await getCompanies(sorted.map((m) => m.companyId))).map((c) => [c.id, c]));
  const entries = sorted.flatMap((m) => {
    const c = companies.get(m.companyId);
    const times = m.count === 1 ? 'once' : `${m.count} times`;
    return c ? [companyEntry(c, `Named ${times} on this page · ${c.description}`)] : [];
  });
  return { entries, note: entries.length ? '' : 'No known companies on this page.' };
}

/**
 * What the popup shows before anything is typed: companies on the current page, then starred,
 * then recently viewed ones. Each part loads independently so a slow page cannot hold up the
 * starred list. A change of `refresh` (a dataset built meanwhile, the site switched) reads them again.
 */
export function useHome(tabId?: number, refresh: string | number = 0): HomeState {
  const [state, setState] = useState<HomeState>({ loading: true, groups: [], pageNote: '' });
  useEffect(() => {
    let live = true;
    (async () => {
      const [page, stars, recent] = await Promise.all([
        onThisPage(tabId).catch(() => ({ entries: [], note: 'Company Lens cannot read this page.' })),
        loadStore().then((store) => store.listStars().then((s) => store.getCompanies(s.map((x) => x.companyId)))),
        loadStore().then((store) => store.listRecent(8).then((r) => store.getCompanies(r.map((x) => x.companyId)))),
      ]);
      if (!live) return;
      const groups: Group[] = [
        { title: 'On this page', entries: page.entries },
        { title: 'Starred', entries: stars.map((c) => ({ ...companyEntry(c), key: `star:${c.id}` })) },
        { title: 'Recently viewed', entries: recent.map((c) => ({ ...companyEntry(c), key: `recent:${c.id}` })) },
      ];
      setState({ loading: false, groups: groups.filter((g) => g.entries.length > 0 || g.title === 'On this page'), pageNote: page.note });
    })().catch(() => live && setState({ loading: false, groups: [], pageNote: 'Could not read your starred and recent companies.' }));
    return () => {
      live = false;
    };
  }, [tabId, refresh]);
  return state;
}
