import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledDocuments, bundledRegistryText } from './bundled';

const seeds = new URL('../../seeds/', import.meta.url);

describe('the bundled corpus', () => {
  it('gives every seed article by its file name, in name order, with its text', () => {
    const names = readdirSync(new URL('corpus/', seeds)).filter((name) => name.endsWith('.txt')).sort();
    const documents = bundledDocuments();
    expect(documents.map((d) => d.name)).toEqual(names);
    for (const { name, text } of documents) expect(text).toBe(readFileSync(new URL(`corpus/${name}`, seeds), 'utf8'));
  });

  it('gives the bundled registry as its raw text', () => {
    expect(bundledRegistryText()).toBe(readFileSync(new URL('companies.json', seeds), 'utf8'));
  });
});
