import { z } from 'zod';
import { Dataset } from './schema';

/** The dataset's JSON Schema, as written to docs/dataset.schema.json by `npm run dataset -- --schema`. */
export function datasetJsonSchema(): string {
  const schema = z.toJSONSchema(Dataset, { target: 'draft-2020-12', io: 'input' });
  return `${JSON.stringify({ ...schema, title: 'Company Lens dataset' }, null, 2)}\n`;
}
