import { DATASET_FORMAT, DATASET_VERSION, type Dataset } from '../../lib/dataset/schema';
import { readSearchIndexDirect } from '../../lib/store/direct';

/**
 * Small valid datasets for tests (unit and e2e). `tag` changes names and the content hash so two
 * datasets are easy to tell apart; `companies` scales the dataset for batch and timing tests.
 */
export function makeDataset(tag: string, companies = 3, source = `test ${tag}`): Dataset {
  const ids = Array.from({ length: companies }, (_, i) => `${tag}-co-${i}`);
  const articleId = `${tag}-article-0`;
  const names = ids.map((_, i) => `${tag[0].toUpperCase()}${tag.slice(1)} Company ${i}`);
  const body = names.slice(0, 3).join(' and ') + ' signed a deal.';
  return {
    format: DATASET_FORMAT,
    version: DATASET_VERSION,
    meta: { source, contentHash: `hash-${tag}-${companies}`, generator: 'test' },
    companies: ids.map((id, i) => ({
      id,
      name: names[i],
      aliases: [{ text: `${tag}${i}corp` }],
      kind: 'company' as const,
      description: `Test company ${i} of dataset ${tag}.`,
      mentionCount: i < 3 ? 1 : 0,
      articleCount: i < 3 ? 1 : 0,
    })),
    articles: [{ id: articleId, title: `${tag} news`, body, tags: [], source: `${tag}.txt`, position: 0 }],
    mentions: names.slice(0, 3).map((name, i) => {
      const start = body.indexOf(name);
      return { companyId: ids[i], articleId, start, end: start + name.length, alias: name };
    }),
    facts: [
      {
        id: `${tag}-fact-0`,
        companyId: ids[0],
        type: 'headquarters' as const,
        values: { place: `${tag} City` },
        sentence: body,
        articleId,
      },
    ],
    people: [
      {
        id: `${tag}-person-0`,
        name: `${tag} Person`,
        roles: [{ title: 'chief executive', companyId: ids[0], articleId, sentence: body }],
        companyIds: [ids[0]],
        articleIds: [articleId],
      },
    ],
    relations: companies > 1 ? [{ a: ids[0], b: ids[1], weight: 1, articleIds: [articleId] }] : [],
  };
}

/** The serialised search index of the active dataset as text, for assertions on it. */
export async function getSearchIndex(): Promise<{ version: string; json: string } | null> {
  const stored = await readSearchIndexDirect();
  return stored && { version: stored.version, json: await stored.blob.text() };
}
