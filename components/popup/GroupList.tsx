import type { Entry, Group } from './entries';
import { ResultRow } from './ResultRow';

interface Props {
  groups: Group[];
  selected: number;
  onPick(entry: Entry): void;
  onSelect(index: number): void;
  /** Shown under a group that has no rows, keyed by group title. */
  emptyNotes?: Record<string, string>;
}

export const rowId = (i: number) => `cl-row-${i}`;

/**
 * Groups of rows in one listbox; the search box keeps focus and points at the selected row with
 * aria-activedescendant, so arrow keys never leave the input.
 */
export function GroupList({ groups, selected, onPick, onSelect, emptyNotes = {} }: Props) {
  let n = 0;
  return (
    <ul id="cl-results" role="listbox" aria-label="Results" class="cl-groups">
      {groups.map((g) => (
        <li key={g.title} role="presentation" class="cl-group">
          <h2 class="cl-group-title">{g.title}</h2>
          {g.entries.length === 0 && emptyNotes[g.title] ? <p class="cl-muted cl-group-note">{emptyNotes[g.title]}</p> : null}
          <ul role="presentation">
            {g.entries.map((entry) => {
              const i = n++;
              return <ResultRow key={entry.key} entry={entry} id={rowId(i)} selected={i === selected} onPick={onPick} onHover={() => onSelect(i)} />;
            })}
          </ul>
        </li>
      ))}
    </ul>
  );
}
