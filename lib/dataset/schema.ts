import { z } from 'zod';
import { AliasObject, OrgKind } from '../registry/schema';
import { MAX_ID, MAX_NAME } from './limits';

/**
 * The dataset: the one format used by the build, the background store, URL sync, file import
 * and export. Bump DATASET_VERSION on any incompatible change; older versions are refused with a
 * typed error rather than guessed at.
 */
export const DATASET_FORMAT = 'company-lens-dataset';
export const DATASET_VERSION = 1;

const Id = z.string().min(1).max(MAX_ID);
const Text = z.string().max(100_000);

/** A sum of money as written, normalised. `usd` is present when the text gives a USD figure. */
export const Money = z.strictObject({
  amount: z.number().nonnegative(),
  currency: z.string().regex(/^[A-Z]{3}$/),
  text: z.string().max(200),
  usd: z.number().nonnegative().optional(),
  /** "over", "about", "up to", ... when the text qualifies the figure. */
  qualifier: z.string().max(40).optional(),
});
export type Money = z.infer<typeof Money>;

/** A change as the text states it: "fell 2.8%" is { percent: 2.8, direction: 'down' }. */
export const Change = z.strictObject({ percent: z.number().nonnegative(), direction: z.enum(['up', 'down']) });
export type Change = z.infer<typeof Change>;

/** Another party named in a fact: a registry company when recognised, otherwise just a name. */
export const Party = z.strictObject({ name: z.string().max(MAX_NAME), companyId: Id.optional() });
export type Party = z.infer<typeof Party>;

export const ProfileLine = z.strictObject({
  field: z.enum(['description', 'headquarters', 'founded']),
  text: z.string().max(500),
  sentence: Text,
  articleId: Id,
});
export type ProfileLine = z.infer<typeof ProfileLine>;

export const Company = z.strictObject({
  id: Id,
  name: z.string().max(MAX_NAME),
  aliases: z.array(AliasObject),
  kind: OrgKind,
  parentId: Id.optional(),
  headquarters: z.string().max(300).optional(),
  founded: z.number().int().optional(),
  domain: z.string().max(300).optional(),
  tickers: z.array(z.string().max(30)).optional(),
  description: z.string().max(2_000),
  mentionCount: z.number().int().nonnegative(),
  articleCount: z.number().int().nonnegative(),
  /** Where the organisation is known from: the curated registry, the corpus text, or both. */
  origin: z.enum(['registry', 'text', 'both']).optional(),
  /** `curated` when the description is the registry's, `text` when it was read from a sentence. */
  descriptionSource: z.enum(['curated', 'text']).optional(),
  /** Identity lines read from the corpus, each with the sentence and article it came from. */
  profile: z.array(ProfileLine).max(50).optional(),
});
export type Company = z.infer<typeof Company>;

export const Article = z.strictObject({
  id: Id,
  title: z.string().max(2_000),
  /** Paragraphs joined by a blank line; mention offsets index into this string. */
  body: z.string().max(5_000_000),
  tags: z.array(z.string().max(200)),
  source: z.string().max(500),
  /** Position of the article within its source file, from 0. */
  position: z.number().int().nonnegative(),
  url: z.string().max(2_000).optional(),
  /** Publication date (YYYY, YYYY-MM or YYYY-MM-DD) when the text or file states one. */
  date: z.string().regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/).optional(),
  /** The publication, as a saved page or .html file names itself ("BBC News"). */
  publisher: z.string().max(500).optional(),
  byline: z.string().max(500).optional(),
  /** Set on articles of the user's library (not the bundled corpus or a synced dataset). */
  library: z.literal(true).optional(),
});
export type Article = z.infer<typeof Article>;

export const Mention = z.strictObject({
  companyId: Id,
  articleId: Id,
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** The text as it appears in the article. */
  alias: z.string().max(300),
});
export type Mention = z.infer<typeof Mention>;

const FactBase = {
  id: Id,
  companyId: Id,
  /** The sentence the fact was read from, verbatim. */
  sentence: Text,
  articleId: Id,
  /**
   * When the fact holds: the period the sentence states ("2004", "2004-Q4", "2004-H1"), else the
   * article's date; absent when neither is known.
   */
  date: z.string().regex(/^\d{4}(?:-(?:Q[1-4]|H[12]|\d{2}(?:-\d{2})?))?$/).optional(),
};

export const Fact = z.discriminatedUnion('type', [
  z.strictObject({
    ...FactBase,
    type: z.literal('funding'),
    values: z.strictObject({
      amount: Money.optional(),
      round: z.string().max(100).optional(),
      leadInvestors: z.array(Party).default([]),
      investors: z.array(Party).default([]),
    }),
  }),
  z.strictObject({
    ...FactBase,
    type: z.literal('valuation'),
    values: z.strictObject({ amount: Money }),
  }),
  z.strictObject({
    ...FactBase,
    type: z.literal('acquisition'),
    values: z.strictObject({
      acquirer: Party,
      target: Party,
      amount: Money.optional(),
      stakePercent: z.number().min(0).max(100).optional(),
    }),
  }),
  z.strictObject({
    ...FactBase,
    type: z.literal('stake'),
    values: z.strictObject({ holder: Party, target: Party, percent: z.number().min(0).max(100) }),
  }),
  z.strictObject({
    ...FactBase,
    type: z.literal('ipo'),
    values: z.strictObject({
      venue: z.string().max(200).optional(),
      amount: Money.optional(),
      valuation: Money.optional(),
      /** Offer price of one share ("priced its offering at HK$226 a share"). */
      sharePrice: Money.optional(),
    }),
  }),
  z.strictObject({
    ...FactBase,
    type: z.literal('revenue'),
    values: z.strictObject({
      /** What was measured when more specific than revenue: "European sales", "turnover". */
      metric: z.string().max(200).optional(),
      amount: Money.optional(),
      change: Change.optional(),
      /** Signed change of datasets written before `change`; new facts use `change`. */
      changePercent: z.number().optional(),
      period: z.string().max(200).optional(),
    }),
  }),
  z.strictObject({
    ...FactBase,
    type: z.literal('metric'),
    values: z.strictObject({
      metric: z.string().max(200),
      value: z.number().optional(),
      amount: Money.optional(),
      unit: z.string().max(50).optional(),
      change: Change.optional(),
      /** Signed change of datasets written before `change`; new facts use `change`. */
      changePercent: z.number().optional(),
      period: z.string().max(200).optional(),
    }),
  }),
  z.strictObject({
    ...FactBase,
    type: z.literal('founding'),
    values: z.strictObject({
      year: z.number().int().optional(),
      founders: z.array(z.string().max(300)).default([]),
    }),
  }),
  z.strictObject({
    ...FactBase,
    type: z.literal('headquarters'),
    values: z.strictObject({ place: z.string().max(300) }),
  }),
  z.strictObject({
    ...FactBase,
    type: z.literal('legal'),
    /** Legal or regulatory action against the company, and who took it when stated. */
    values: z.strictObject({ action: z.enum(['probe', 'fine', 'ban', 'lawsuit']), by: Party.optional(), amount: Money.optional() }),
  }),
  z.strictObject({
    ...FactBase,
    type: z.literal('partnership'),
    values: z.strictObject({ partner: Party }),
  }),
  z.strictObject({
    ...FactBase,
    type: z.literal('rival'),
    values: z.strictObject({ rival: Party }),
  }),
  z.strictObject({
    ...FactBase,
    type: z.literal('commitment'),
    /** Money the company has committed to spend or invest, on what and over what period when stated. */
    values: z.strictObject({ amount: Money, purpose: z.string().max(300).optional(), period: z.string().max(200).optional() }),
  }),
  z.strictObject({
    ...FactBase,
    type: z.literal('leadership'),
    values: z.strictObject({
      person: z.string().max(300),
      role: z.string().max(300),
      /** What the sentence says of the role, when it says: held before, newly appointed, or being left. */
      status: z.enum(['former', 'appointed', 'left']).optional(),
    }),
  }),
]);
export type Fact = z.infer<typeof Fact>;
export type FactType = Fact['type'];

export const Person = z.strictObject({
  id: Id,
  name: z.string().max(300),
  roles: z.array(
    z.strictObject({
      title: z.string().max(300),
      companyId: Id.optional(),
      articleId: Id,
      sentence: Text,
    }),
  ),
  companyIds: z.array(Id),
  articleIds: z.array(Id),
});
export type Person = z.infer<typeof Person>;

/** Undirected, weighted co-mention relation; `a < b` so each pair appears once. */
export const Relation = z.strictObject({
  a: Id,
  b: Id,
  weight: z.number().nonnegative(),
  articleIds: z.array(Id),
});
export type Relation = z.infer<typeof Relation>;

/**
 * A typed relation between two organisations, each with the fact it was read from (`factId`), or
 * from the curated registry (`unit-of` by its parent links, no fact). Direction reads "from
 * <type> to": an investor `invested-in` a company, an acquirer `acquired` a target.
 */
export const LinkType = z.enum(['invested-in', 'acquired', 'holds-stake-in', 'unit-of', 'partner', 'rival', 'regulator-of']);
export type LinkType = z.infer<typeof LinkType>;
export const Link = z.strictObject({ from: Id, to: Id, type: LinkType, factId: Id.optional() });
export type Link = z.infer<typeof Link>;

export const DatasetMeta = z.strictObject({
  /** Human-readable origin: "bundled seed corpus", a URL, "your files". */
  source: z.string().max(2_000),
  /** Hash of the inputs; the same inputs give the same dataset byte for byte. */
  contentHash: z.string().max(100),
  generator: z.string().max(200),
});

export const Dataset = z.strictObject({
  format: z.literal(DATASET_FORMAT),
  version: z.literal(DATASET_VERSION),
  meta: DatasetMeta,
  companies: z.array(Company),
  articles: z.array(Article),
  mentions: z.array(Mention),
  facts: z.array(Fact),
  people: z.array(Person),
  relations: z.array(Relation),
  /** Typed relations; datasets written before them have none. */
  links: z.array(Link).optional(),
});
export type Dataset = z.infer<typeof Dataset>;
