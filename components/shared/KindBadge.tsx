const LABELS: Record<string, string> = {
  company: 'Company',
  product: 'Product',
  investor: 'Investor',
  media: 'Media',
  other: 'Organisation',
  person: 'Person',
  article: 'Article',
};

/** A small label for the kind of a result or company; unknown kinds show as "Organisation". */
export function KindBadge({ kind }: { kind: string }) {
  return <span class={`cl-badge cl-badge-${LABELS[kind] ? kind : 'other'}`}>{LABELS[kind] ?? LABELS.other}</span>;
}
