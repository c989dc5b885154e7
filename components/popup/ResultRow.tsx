import { highlightSlices } from '../../lib/search/highlight';
import { Highlighted } from '../shared/Highlighted';
import { KindBadge } from '../shared/KindBadge';
import type { Entry } from './entries';

interface Props {
  entry: Entry;
  id: string;
  selected: boolean;
  onPick(entry: Entry): void;
  onHover(): void;
}

/** One result: name (matches marked), kind, and a line of context. */
export function ResultRow({ entry, id, selected, onPick, onHover }: Props) {
  return (
    <li
      id={id}
      role="option"
      aria-selected={selected}
      aria-disabled={!entry.companyId}
      class={`cl-row${selected ? ' is-selected' : ''}`}
      data-kind={entry.kind}
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => onPick(entry)}
      onMouseMove={onHover}
    >
      <div class="cl-row-head">
        <span class="cl-row-name">
          <Highlighted slices={highlightSlices(entry.name, entry.terms)} />
        </span>
        <KindBadge kind={entry.kind} />
      </div>
      {/* A row found by name before the full-text index has loaded has no context yet; a space
          keeps its height, so the list does not jump when the context arrives. */}
      <div class="cl-row-context">{entry.context ? <Highlighted slices={highlightSlices(entry.context, entry.terms)} /> : '\u00a0'}</div>
    </li>
  );
}
