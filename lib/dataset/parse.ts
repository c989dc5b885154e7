import { formatPath } from '../util/path';
import { Dataset, DATASET_FORMAT, DATASET_VERSION } from './schema';

/**
 * Reads a dataset from text (a URL download, an imported file, the bundled build) and checks
 * what the schema cannot: unique ids and references that resolve. Every failure is a
 * DatasetError whose message names the origin and the field path or id at fault.
 */
export const DATASET_ERROR_CODES = ['invalid-json', 'schema', 'version', 'duplicate-id', 'dangling-reference', 'empty'] as const;
export type DatasetErrorCode = (typeof DATASET_ERROR_CODES)[number];

export class DatasetError extends Error {
  readonly name = 'DatasetError';
  constructor(
    readonly code: DatasetErrorCode,
    readonly origin: string,
    detail: string,
    /** Field path such as "facts[3].companyId", when one field is to blame. */
    readonly path?: string,
  ) {
    super(`${origin}: ${detail}`);
  }
}


export function parseDataset(text: string, origin: string): Dataset {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new DatasetError('invalid-json', origin, `is not valid JSON (${(e as Error).message})`);
  }
  // Any JSON value but null has no "format" unless it is our object, so no shape check is needed.
  const head = (raw ?? {}) as { format?: unknown; version?: unknown };
  if (head.format === DATASET_FORMAT && head.version !== DATASET_VERSION) {
    throw new DatasetError('version', origin, `has dataset version ${JSON.stringify(head.version)}; this extension reads version ${DATASET_VERSION}`, 'version');
  }
  const parsed = Dataset.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = formatPath(issue.path);
    throw new DatasetError('schema', origin, `${path}: ${issue.message}`, issue.path.length > 0 ? path : undefined);
  }
  const data = parsed.data;
  if (data.companies.length === 0) throw new DatasetError('empty', origin, 'has no companies', 'companies');
  checkReferences(data, origin);
  return data;
}

function unique(list: readonly { id: string }[], field: string, origin: string): Set<string> {
  const ids = new Set<string>();
  list.forEach((item, i) => {
    if (ids.has(item.id)) throw new DatasetError('duplicate-id', origin, `${field}[${i}].id "${item.id}" is used twice`, `${field}[${i}].id`);
    ids.add(item.id);
  });
  return ids;
}

function checkReferences(data: Dataset, origin: string): void {
  const companies = unique(data.companies, 'companies', origin);
  const articles = unique(data.articles, 'articles', origin);
  unique(data.facts, 'facts', origin);
  unique(data.people, 'people', origin);
  // The store keys relations by their pair: a pair listed twice would fail the write itself.
  const pairs = new Set<string>();
  data.relations.forEach((r, i) => {
    const pair = JSON.stringify([r.a, r.b]);
    if (pairs.has(pair)) throw new DatasetError('duplicate-id', origin, `relations[${i}] repeats the pair "${r.a}" and "${r.b}"`, `relations[${i}]`);
    pairs.add(pair);
  });
  const need = (set: Set<string>, id: string | undefined, path: string, what: string) => {
    if (id !== undefined && !set.has(id)) throw new DatasetError('dangling-reference', origin, `${path} names ${what} "${id}", which is not in the dataset`, path);
  };
  data.companies.forEach((c, i) => need(companies, c.parentId, `companies[${i}].parentId`, 'company'));
  data.mentions.forEach((m, i) => {
    need(companies, m.companyId, `mentions[${i}].companyId`, 'company');
    need(articles, m.articleId, `mentions[${i}].articleId`, 'article');
  });
  data.facts.forEach((f, i) => {
    need(companies, f.companyId, `facts[${i}].companyId`, 'company');
    need(articles, f.articleId, `facts[${i}].articleId`, 'article');
    const v = f.values as Record<string, unknown>;
    for (const key of ['acquirer', 'target', 'holder'] as const) {
      const party = v[key] as { companyId?: string } | undefined;
      need(companies, party?.companyId, `facts[${i}].values.${key}.companyId`, 'company');
    }
    for (const key of ['leadInvestors', 'investors'] as const) {
      ((v[key] as { companyId?: string }[] | undefined) ?? []).forEach((p, j) =>
        need(companies, p.companyId, `facts[${i}].values.${key}[${j}].companyId`, 'company'),
      );
    }
  });
  data.people.forEach((p, i) => {
    p.companyIds.forEach((id, j) => need(companies, id, `people[${i}].companyIds[${j}]`, 'company'));
    p.articleIds.forEach((id, j) => need(articles, id, `people[${i}].articleIds[${j}]`, 'article'));
    p.roles.forEach((r, j) => {
      need(companies, r.companyId, `people[${i}].roles[${j}].companyId`, 'company');
      need(articles, r.articleId, `people[${i}].roles[${j}].articleId`, 'article');
    });
  });
  data.relations.forEach((r, i) => {
    need(companies, r.a, `relations[${i}].a`, 'company');
    need(companies, r.b, `relations[${i}].b`, 'company');
    r.articleIds.forEach((id, j) => need(articles, id, `relations[${i}].articleIds[${j}]`, 'article'));
  });
}
