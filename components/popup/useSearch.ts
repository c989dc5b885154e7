import { useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { openSearchIndex, wantKeysFor } from '../../lib/search/load';
import { SearchSession } from '../../lib/search/session';
import type { SearchIndex } from '../../lib/search/query';
import { nearNames } from '../../lib/search/rank';
import { resultGroups, type Group } from './entries';

export type SearchState =
  | { status: 'idle' }
  | { status: 'loading' }
  /** `partial`: names only, from the quick index; full-text results follow when it has loaded. */
  | { status: 'ready'; groups: Group[]; suggestions: string[]; partial: boolean }
  | { status: 'no-data' }
  | { status: 'error'; message: string };

type Loading = { status: 'loading' | 'done' | 'no-data' } | { status: 'error'; message: string };

/**
 * Search-as-you-type over the stored index. The index starts loading as soon as the popup
 * mounts, before the first keystroke: the quick index (names) arrives within milliseconds and
 * answers first, then the full-text index replaces it and the current query is searched again.
 * Every keystroke supersedes the previous search.
 * A change of `generation` (a dataset was built meanwhile) reads the index again.
 */
export function useSearch(query: string, generation = 0): SearchState {
  const [index, setIndex] = useState<SearchIndex | null>(null);
  const [loading, setLoading] = useState<Loading>({ status: 'loading' });
  const [state, setState] = useState<SearchState>({ status: 'idle' });
  // A layout effect starts the read before the first paint rather than after it.
  useLayoutEffect(() => {
    let live = true;
    // `generation` changes when the first dataset has been built: the index is read again.
    if (generation) setLoading({ status: 'loading' });
    openSearchIndex((next) => live && setIndex(next)).then(
      (full) => live && setLoading({ status: full ? 'done' : 'no-data' }),
      (error: unknown) => live && setLoading({ status: 'error', message: (error as Error)?.message ?? String(error) }),
    );
    return () => {
      live = false;
    };
  }, [generation]);
  const session = useMemo(() => (index ? new SearchSession(async () => index) : null), [index]);

  // A layout effect, so that a search starts in the same task as the keystroke or the index that
  // prompted it, rather than a frame later after the paint (the search itself is asynchronous).
  useLayoutEffect(() => {
    if (!query.trim()) {
      session?.cancel();
      setState({ status: 'idle' });
      return;
    }
    if (!session || !index || !index.covers(query)) {
      // Typed before the names have loaded: their first letter's lines are read first.
      if (loading.status === 'loading') wantKeysFor(query);
      setState(loading.status === 'no-data' ? { status: 'no-data' } : loading.status === 'error' ? loading : { status: 'loading' });
      return;
    }
    let live = true;
    session
      .run(query)
      .then((results) => {
        if (!live || !results) return;
        const groups = resultGroups(results);
        const partial = !index.complete;
        // A name search that found nothing says little: the full text may still find it.
        if (!groups.length && partial) setState(loading.status === 'error' ? loading : { status: 'loading' });
        else setState({ status: 'ready', groups, suggestions: groups.length ? [] : nearNames(query, index.suggest(query)), partial });
      })
      .catch((error: unknown) => live && setState({ status: 'error', message: (error as Error)?.message ?? String(error) }));
    return () => {
      live = false;
    };
  }, [session, query, loading]);
  return state;
}
