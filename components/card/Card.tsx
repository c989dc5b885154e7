import type { CardData } from '../../lib/cards/types';
import { CardActions, type CardActionHandlers } from './CardActions';
import { CardHeader } from './CardHeader';
import { CardLinks } from './CardLinks';
import { CardFacts } from './CardFacts';
import { CardSummary } from './CardSummary';
import { clip } from './clip';

export type CardState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'missing' }
  | { status: 'ready'; data: CardData };

export interface CardProps extends CardActionHandlers {
  state: CardState;
  /** The alias that matched on the page, when the card is for the name under the pointer. */
  alias: string | null;
  theme: 'light' | 'dark';
  pinned: boolean;
  site: string;
  onPin(): void;
  onClose(): void;
  onSwitch(id: string): void;
}



/**
 * The card: a header (name, kind, pin, close) and the actions stay in view, and only the middle
 * scrolls, so "Open profile" is never below an edge the reader cannot see. The middle is built of
 * sections in reading-value order (summary, key facts, related, people); a new section is one
 * more component in `CardBody`. Every dataset string is rendered as text by Preact, never as HTML.
 */
export function Card(props: CardProps) {
  const { state, alias, theme, pinned } = props;
  const name = state.status === 'ready' ? clip(state.data.name, 120) : alias ?? 'Company';
  return (
    <div class="cl-card" data-theme={theme} role="dialog" aria-label={`Company Lens: ${name}`} tabIndex={-1} data-status={state.status}>
      <CardHeader name={name} data={state.status === 'ready' ? state.data : null} pinned={pinned} onPin={props.onPin} onClose={props.onClose} onSwitch={props.onSwitch} />
      <div class="cl-body">
        {state.status === 'loading' && <p class="cl-state" role="status">Loading…</p>}
        {state.status === 'missing' && <p class="cl-state" role="status">This company is not in the current dataset any more.</p>}
        {state.status === 'error' && <p class="cl-state" role="alert">Could not load the card: {state.message}</p>}
        {state.status === 'ready' && <CardBody data={state.data} onSwitch={props.onSwitch} onOpenProfile={props.onOpenProfile} />}
      </div>
      {state.status === 'ready' && <CardActions site={props.site} onOpenProfile={props.onOpenProfile} onMute={props.onMute} onCorrect={props.onCorrect} onDisableSite={props.onDisableSite} />}
    </div>
  );
}

function CardBody({ data, onSwitch, onOpenProfile }: { data: CardData; onSwitch(id: string): void; onOpenProfile(): void }) {
  return (
    <>
      <CardSummary data={data} onOpenProfile={onOpenProfile} />
      <CardFacts facts={data.facts} mention={data.mention} />
      <CardLinks data={data} onSwitch={onSwitch} />
    </>
  );
}

