import type { OrgKind } from '../registry/schema';

/**
 * What a hover card shows for one company: a small, plain-data summary assembled in the
 * background, so the content script never touches the store and never receives whole articles.
 */
export interface CardSource {
  articleId: string;
  title: string;
  sentence: string;
}

export interface CardFact {
  /** Stable key for lists and tests: `funding-largest`, `valuation`, `acquisition-0`, ... */
  key: string;
  label: string;
  text: string;
  source: CardSource | null;
}

export interface CardLink {
  id: string;
  name: string;
}

/** A typed relation seen from the card's company: "Acquired by" Y, with the fact it was read from. */
export interface CardRelation extends CardLink {
  /** Stable key for lists and tests: `${type}:${other id}` plus `:in` when the company is the object. */
  key: string;
  label: string;
  /** The sentence the relation was read from; null for the registry's parent links. */
  source: CardSource | null;
}

export interface CardData {
  id: string;
  name: string;
  kind: OrgKind;
  description: string;
  /** The sentence a description derived from the corpus was read from; absent when curated. */
  descriptionSource?: CardSource;
  parent?: CardLink;
  headquarters?: string;
  founded?: number;
  domain?: string;
  facts: CardFact[];
  /** With no facts: the most informative sentence naming the company, with its article and date. */
  mention?: CardSource & { date?: string };
  /** Typed relations, shown before co-occurrence. */
  links: CardRelation[];
  /** Companies only named together with this one ("Also named with"), heaviest first. */
  related: (CardLink & { weight: number })[];
  people: { name: string; role: string }[];
  articleCount: number;
  mentionCount: number;
}
