import type { CardData } from '../../lib/cards/types';
import { clip } from './clip';

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

interface Props {
  name: string;
  data: CardData | null;
  pinned: boolean;
  onPin(): void;
  onClose(): void;
  onSwitch(id: string): void;
}

/** The card's name, what kind of organisation it is (and its parent), pin and close. */
export function CardHeader({ name, data, pinned, onPin, onClose, onSwitch }: Props) {
  return (
    <div class="cl-head">
      <div class="cl-title">
        <h2 class="cl-name">{name}</h2>
        {data && (
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
        )}
      </div>
      <button type="button" class="cl-btn cl-icon" aria-pressed={pinned} title={pinned ? 'Unpin' : 'Pin this card'} aria-label={pinned ? 'Unpin card' : 'Pin card'} data-action="pin" onClick={onPin}>
        <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" fill="currentColor">
          <path d="M10.5 1.5 14.5 5.5 13 6 10.5 8.5 11 12 9.5 13.5 6.8 10.8 2.5 15 1 15 1 13.5 5.2 9.2 2.5 6.5 4 5 7.5 5.5 10 3Z" />
        </svg>
      </button>
      <button type="button" class="cl-btn cl-icon" aria-label="Close card" title="Close (Esc)" data-action="close" onClick={onClose}>
        ×
      </button>
    </div>
  );
}
