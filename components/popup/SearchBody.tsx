import type { Entry } from './entries';
import { GroupList } from './GroupList';
import type { SearchState } from './useSearch';

interface Props {
  state: SearchState;
  selected: number;
  onPick(entry: Entry): void;
  onSelect(index: number): void;
  onSuggest(name: string): void;
}

/** The body of the popup while a query is typed: results, or why there are none. */
export function SearchBody({ state, selected, onPick, onSelect, onSuggest }: Props) {
  switch (state.status) {
    case 'idle':
    case 'loading':
      return <p class="cl-muted cl-note">Searching…</p>;
    case 'no-data':
      return <p class="cl-note">No dataset yet. Sync one from the options page to start searching.</p>;
    case 'error':
      return (
        <p class="cl-note cl-error" role="alert">
          Search is unavailable: {state.message}. Re-syncing the dataset from the options page rebuilds the index.
        </p>
      );
    case 'ready':
      if (state.groups.length) {
        return (
          <>
            <GroupList groups={state.groups} selected={selected} onPick={onPick} onSelect={onSelect} />
            {state.partial ? (
              <p class="cl-muted cl-note" data-testid="partial-note">
                Names so far; descriptions and articles are still loading…
              </p>
            ) : null}
          </>
        );
      }
      return (
        <div class="cl-note" data-testid="no-results">
          <p>Nothing found.</p>
          {state.suggestions.length ? (
            <p>
              Did you mean{' '}
              {state.suggestions.map((s, i) => (
                <span key={s}>
                  {i ? ', ' : ''}
                  <button type="button" class="cl-linkish" onClick={() => onSuggest(s)}>
                    {s}
                  </button>
                </span>
              ))}
              ?
            </p>
          ) : null}
        </div>
      );
  }
}
