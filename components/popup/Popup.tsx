import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { flatten, type Entry } from './entries';
import { GroupList, rowId } from './GroupList';
import { SearchBody } from './SearchBody';
import { AddPageButton } from './AddPageButton';
import { BuildingNote } from '../shared/BuildingNote';
import { useDatasetBuild } from '../shared/useDatasetBuild';
import { Shortcuts } from '../shared/Shortcuts';
import { SiteSwitch } from './SiteSwitch';
import { StatusLine, useStoreStatus } from './StatusLine';
import { useSiteSettings } from './useSiteSettings';
import { useHome } from './useHome';
import { useSearch } from './useSearch';
import { openProfile } from './open';

interface Props {
  initialQuery?: string;
  /** The tab "On this page" describes, when popup.html was opened for a given tab. */
  tabId?: number;
}

/** The toolbar popup: a search box over grouped results, or the home lists when it is empty. */
export function Popup({ initialQuery = '', tabId }: Props) {
  const [query, setQuery] = useState(initialQuery);
  // The selection follows a row, not a position: results are refined while the user moves
  // (names first, then full text), and the row under the cursor must stay the same one.
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  // While the first dataset is built the popup says so, and reads everything again when it is done.
  const [generation, setGeneration] = useState(0);
  const status = useStoreStatus(generation);
  const empty = status !== null && status !== 'error' && status.syncedAt === null;
  const build = useDatasetBuild(empty);
  useEffect(() => setGeneration(build.finished), [build.finished]);
  const building = empty && !build.failed;
  const search = useSearch(query, generation);
  const site = useSiteSettings(tabId);
  const home = useHome(tabId, `${generation}:${site.on}`);
  const searching = query.trim() !== '';
  const groups = searching ? (search.status === 'ready' ? search.groups : []) : home.groups;
  const rows = flatten(groups);
  const found = selectedKey === null ? -1 : rows.findIndex((r) => r.key === selectedKey);
  const selected = found >= 0 ? found : 0;
  const setSelected = (index: number) => setSelectedKey(rows[index]?.key ?? null);

  // Focused as soon as it is in the page (not after the first paint, as useEffect would), so
  // that letters typed right after the popup opens are not lost; they go on after any typed
  // before the popup's script ran (see main.tsx).
  useLayoutEffect(() => {
    const box = input.current;
    box?.focus();
    box?.setSelectionRange(box.value.length, box.value.length);
  }, []);
  useEffect(() => setSelectedKey(null), [query]);

  const pick = (entry: Entry | undefined) => {
    if (entry?.companyId) void openProfile(entry.companyId);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (rows.length) setSelected((selected + (e.key === 'ArrowDown' ? 1 : rows.length - 1)) % rows.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      pick(rows[selected]);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      if (query) setQuery('');
      else window.close();
    }
  };

  return (
    <div class="cl-popup">
      <header class="cl-search">
        <input
          ref={input}
          type="search"
          value={query}
          placeholder="Search companies, people, articles"
          aria-label="Search companies, people and articles"
          role="combobox"
          aria-expanded={rows.length > 0}
          aria-controls="cl-results"
          aria-activedescendant={rows.length ? rowId(selected) : undefined}
          autocomplete="off"
          spellcheck={false}
          onInput={(e) => setQuery(e.currentTarget.value)}
          onKeyDown={onKeyDown}
        />
      </header>
      <main class="cl-body" aria-live="polite">
        {building ? (
          <BuildingNote progress={build.progress} what="Search and the hover cards start as soon as it is ready." />
        ) : searching ? (
          <SearchBody state={search} selected={selected} onPick={pick} onSelect={setSelected} onSuggest={setQuery} />
        ) : home.loading ? (
          <p class="cl-muted cl-note">Loading…</p>
        ) : (
          <>
            <SiteSwitch site={site} />
            <GroupList groups={home.groups} selected={selected} onPick={pick} onSelect={setSelected} emptyNotes={{ 'On this page': site.host && !site.on ? 'Company Lens is off on this site.' : home.pageNote }} />
            <details class="cl-help">
              <summary>Keyboard shortcuts</summary>
              <Shortcuts />
            </details>
          </>
        )}
      </main>
      <AddPageButton tabId={tabId} />
      <StatusLine status={status} building={building} />
    </div>
  );
}
