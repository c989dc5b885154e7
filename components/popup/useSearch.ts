import { useEffect, useMemo, useState } from 'preact/hooks';
import { openSearchIndex } from '../../lib/search/load';
import { SearchSession } from '../../lib/search/session';
import type { SearchIndex } from '../../lib/search/query';
import { resultGroups, type Group } from './entries';

export type SearchState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; groups: Group[]; suggestions: string[] }
  | { status: 'no-data' }
  | { status: 'error'; message: string };

/**
 * Search-as-you-type over the stored index. The index starts loading as soon as the popup
 * mounts, before the first keystroke, and every keystroke supersedes the previous search.
 */
export function useSearch(query: string): SearchState {
  const [index, setIndex] = useState<Promise<SearchIndex | null> | null>(null);
  const [state, setState] = useState<SearchState>({ status: 'idle' });
  useEffect(() => {
    const loading = openSearchIndex();
    loading.catch(() => undefined);
    setIndex(loading);
  }, []);
  const session = useMemo(() => (index ? new SearchSession(() => index) : null), [index]);

  useEffect(() => {
    if (!session) return;
    if (!query.trim()) {
      session.cancel();
      setState({ status: 'idle' });
      return;
    }
    setState((s) => (s.status === 'ready' ? s : { status: 'loading' }));
    let live = true;
    session
      .run(query)
      .then(async (results) => {
        if (!live) return;
        if (!results) {
          // Null is either "superseded" (live is then false) or "no dataset stored yet".
          if (!(await index)) setState({ status: 'no-data' });
          return;
        }
        const groups = resultGroups(results);
        const suggestions = groups.length ? [] : ((await index)?.suggest(query) ?? []);
        if (live) setState({ status: 'ready', groups, suggestions });
      })
      .catch((error: unknown) => live && setState({ status: 'error', message: (error as Error)?.message ?? String(error) }));
    return () => {
      live = false;
    };
  }, [session, query]);
  return state;
}
