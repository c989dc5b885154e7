import type { CardData } from '../../lib/cards/types';
import { CardActions, type CardActionHandlers } from './CardActions';
import { CardLinks } from './CardLinks';
import { FactItem } from './FactItem';

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

const KIND: Record<CardData['kind'], string> = {
  company: 'Company',
  product: 'Product or platform',
  investor: 'Investor',
  bank: 'Bank',
  government: 'Government body or regulator',
  media: 'Media',
  university: 'University',
  other: 'Organisation',
};

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The card body. Every dataset string is rendered as text by Preact, never as HTML. */
export function Card(props: CardProps) {
  const { state, alias, theme, pinned } = props;
  const name = state.status === 'ready' ? clip(state.data.name, 120) : alias ?? 'Company';
  return (
    <div class="cl-card" data-theme={theme} role="dialog" aria-label={`Company Lens: ${name}`} tabIndex={-1} data-status={state.status}>
      <div class="cl-head">
        <div class="cl-title">
          <h2 class="cl-name">{name}</h2>
          {state.status === 'ready' && <Subtitle data={state.data} onSwitch={props.onSwitch} />}
        </div>
        <button type="button" class="cl-btn cl-icon" aria-pressed={pinned} title={pinned ? 'Unpin' : 'Pin this card'} aria-label={pinned ? 'Unpin card' : 'Pin card'} data-action="pin" onClick={props.onPin}>
          <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" fill="currentColor">
            <path d="M10.5 1.5 14.5 5.5 13 6 10.5 8.5 11 12 9.5 13.5 6.8 10.8 2.5 15 1 15 1 13.5 5.2 9.2 2.5 6.5 4 5 7.5 5.5 10 3Z" />
          </svg>
        </button>
        <button type="button" class="cl-btn cl-icon" aria-label="Close card" title="Close (Esc)" data-action="close" onClick={props.onClose}>
          ×
        </button>
      </div>
      {state.status === 'loading' && <p class="cl-state" role="status">Loading…</p>}
      {state.status === 'missing' && <p class="cl-state" role="status">This company is not in the current dataset any more.</p>}
      {state.status === 'error' && <p class="cl-state" role="alert">Could not load the card: {state.message}</p>}
      {state.status === 'ready' && <Details data={state.data} alias={alias} onSwitch={props.onSwitch} />}
      {state.status === 'ready' && <CardActions site={props.site} onOpenProfile={props.onOpenProfile} onMute={props.onMute} onDisableSite={props.onDisableSite} />}
    </div>
  );
}

function Subtitle({ data, onSwitch }: { data: CardData; onSwitch(id: string): void }) {
  return (
    <div class="cl-sub">
      {KIND[data.kind]}
      {data.parent && (
        <>
          {' · part of '}
          <button type="button" class="cl-link" data-related={data.parent.id} onClick={() => onSwitch(data.parent!.id)}>
            {clip(data.parent.name, 80)}
          </button>
        </>
      )}
    </div>
  );
}

function Details({ data, alias, onSwitch }: { data: CardData; alias: string | null; onSwitch(id: string): void }) {
  const articles = data.articleCount === 1 ? '1 article' : `${data.articleCount} articles`;
  return (
    <>
      {data.description && (
        <p class="cl-desc" title={data.description}>
          {clip(data.description, 400)}
        </p>
      )}
      {data.description && <DescriptionSource source={data.descriptionSource} />}
      <p class="cl-meta">
        {data.headquarters && <span data-field="hq">HQ: {clip(data.headquarters, 80)}</span>}
        {data.founded !== undefined && <span data-field="founded">Founded {data.founded}</span>}
        <span data-field="articles">Mentioned in {articles} of the corpus</span>
        {alias && <span data-field="alias">Matched “{clip(alias, 60)}”</span>}
      </p>
      {data.facts.length > 0 ? (
        <>
          <h3 class="cl-section-title">Key facts</h3>
          <ul class="cl-section">
            {data.facts.map((f) => (
              <FactItem key={f.key} fact={f} />
            ))}
          </ul>
        </>
      ) : (
        <p class="cl-state">No deals or figures reported in the corpus.</p>
      )}
      <CardLinks data={data} onSwitch={onSwitch} />
    </>
  );
}

/** Says where the description comes from: "curated", or the sentence of the corpus it was read from. */
function DescriptionSource({ source }: { source: CardData['descriptionSource'] }) {
  if (!source) return null;
  if (source === 'curated') return <p class="cl-desc-source" data-source="curated">Description: curated</p>;
  return (
    <details class="cl-source" data-source="text">
      <summary class="cl-link">Source</summary>
      <span class="cl-source-title">{source.title}</span>
      <q>{source.sentence}</q>
    </details>
  );
}
