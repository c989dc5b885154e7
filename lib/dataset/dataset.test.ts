import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRegistry } from '../registry/load';
import { buildDataset, buildInputHash } from './build';
import { datasetJsonSchema } from './jsonschema';
import { DatasetError, parseDataset } from './parse';
import { Dataset } from './schema';

const registryText = readFileSync('seeds/companies.json', 'utf8');
const registry = parseRegistry(registryText, 'seeds/companies.json');
const documents = readdirSync('seeds/corpus').map((name) => ({ name, text: readFileSync(`seeds/corpus/${name}`, 'utf8') }));
const built = buildDataset({ documents, registry, source: 'bundled seed corpus' });
const text = JSON.stringify(built);

describe('buildDataset', () => {
  it('produces a valid dataset that parses back unchanged', () => {
    expect(Dataset.parse(built)).toEqual(built);
    expect(parseDataset(text, 'seed')).toEqual(built);
    expect(built.articles).toHaveLength(37);
  });
  it('is byte-identical for the same input, whatever the document order', () => {
    const again = buildDataset({ documents: [...documents].reverse(), registry, source: 'bundled seed corpus' });
    expect(JSON.stringify(again)).toBe(text);
  });
  it('changes its content hash when an input changes', () => {
    const edited = documents.map((d, i) => (i === 0 ? { ...d, text: `${d.text} ` } : d));
    expect(buildDataset({ documents: edited, registry, source: 'x' }).meta.contentHash).not.toBe(built.meta.contentHash);
  });
  it('tells its content hash from the inputs alone, without building', () => {
    expect(buildInputHash({ documents: [...documents].reverse(), registry })).toBe(built.meta.contentHash);
    const edited = documents.map((d, i) => (i === 0 ? { ...d, text: `${d.text} ` } : d));
    expect(buildInputHash({ documents: edited, registry })).not.toBe(built.meta.contentHash);
  });
  it('counts mentions and weights shared sentences above shared articles', () => {
    const alibaba = built.companies.find((c) => c.id === 'alibaba-group')!;
    expect(alibaba.mentionCount).toBeGreaterThan(100);
    expect(built.mentions.filter((m) => m.companyId === 'alibaba-group')).toHaveLength(alibaba.mentionCount);
    const pair = built.relations.find((r) => r.a === 'alibaba-group' && r.b === 'sun-art-retail')!;
    expect(pair.weight).toBeGreaterThan(pair.articleIds.length);
    for (const m of built.mentions.slice(0, 200)) {
      const body = built.articles.find((a) => a.id === m.articleId)!.body;
      expect(body.slice(m.start, m.end)).toBe(m.alias);
    }
  });
  it('keeps every registry entry and adds the organisations the text names', () => {
    const ids = new Set(built.companies.map((c) => c.id));
    for (const e of registry.companies) expect(ids.has(e.id), e.id).toBe(true);
    const discovered = built.companies.filter((c) => c.origin === 'text');
    expect(discovered.length).toBeGreaterThan(0);
    for (const c of discovered) expect(c.mentionCount, c.id).toBeGreaterThan(0);
  });
  it('builds without a registry, every organisation from the text', () => {
    const bare = buildDataset({ documents, source: 'bundled seed corpus' });
    expect(bare.companies.every((c) => c.origin === 'text')).toBe(true);
    const names = new Set(bare.companies.map((c) => c.name));
    for (const name of ['Alibaba Group', 'Tencent', 'SoftBank']) expect(names.has(name) || bare.companies.some((c) => c.aliases.some((a) => a.text === name)), name).toBe(true);
  });
  it('records people with their roles', () => {
    const zhang = built.people.find((p) => p.name === 'Daniel Zhang')!;
    expect(zhang.companyIds).toEqual(['alibaba-group']);
    expect(zhang.roles.map((r) => r.title)).toContain('Chairman and Chief Executive Officer');
  });
});

describe('parseDataset errors', () => {
  const code = (input: string) => {
    try {
      parseDataset(input, 'https://example.test/d.json');
    } catch (e) {
      expect(e).toBeInstanceOf(DatasetError);
      expect((e as DatasetError).message.startsWith('https://example.test/d.json: ')).toBe(true);
      return [(e as DatasetError).code, (e as DatasetError).message] as const;
    }
    throw new Error('expected a DatasetError');
  };
  const mutate = (f: (d: any) => void) => {
    const d = JSON.parse(text);
    f(d);
    return JSON.stringify(d);
  };
  it('invalid JSON', () => expect(code('{"format":')[0]).toBe('invalid-json'));
  it('another version', () => expect(code(mutate((d) => (d.version = 99)))).toEqual(['version', expect.stringContaining('version 99')]));
  it('a wrong field, with its path', () => {
    expect(code(mutate((d) => (d.facts[2].companyId = 5)))).toEqual(['schema', expect.stringContaining('facts[2].companyId')]);
  });
  it.each(['companies', 'articles', 'facts', 'people'])('a duplicate id in %s, named by its path', (list) => {
    const [errorCode, message] = code(mutate((d) => (d[list][1].id = d[list][0].id)));
    expect(errorCode).toBe('duplicate-id');
    expect(message).toContain(`${list}[1].id`);
  });
  it('a relation pair listed twice', () => {
    const [errorCode, message] = code(mutate((d) => d.relations.push({ ...d.relations[0] })));
    expect(errorCode).toBe('duplicate-id');
    expect(message).toMatch(/relations\[\d+\] repeats the pair "[^"]+" and "[^"]+"/);
  });
  it('a dangling reference', () => {
    expect(code(mutate((d) => (d.facts[0].companyId = 'no-such-co')))).toEqual(['dangling-reference', expect.stringContaining('"no-such-co"')]);
    expect(code(mutate((d) => (d.mentions[3].articleId = 'gone#1')))[1]).toContain('mentions[3].articleId');
  });
  it('an empty dataset', () => expect(code(mutate((d) => Object.assign(d, { companies: [], mentions: [], facts: [], people: [], relations: [] })))[0]).toBe('empty'));
});

describe('JSON Schema and CLI', () => {
  it('docs/dataset.schema.json is up to date (npm run dataset -- --schema docs/dataset.schema.json)', () => {
    expect(readFileSync('docs/dataset.schema.json', 'utf8')).toBe(datasetJsonSchema());
  });
  // The CLI runs in a Node of its own (with tsx's loader, without npx's start-up): a build of the
  // seed corpus takes seconds on a busy machine, so these tests have a generous time limit.
  const CLI_TIMEOUT_MS = 120_000;
  const cli = (args: string[]) => {
    try {
      return { code: 0, out: execFileSync(process.execPath, ['--import', 'tsx', 'scripts/dataset.ts', ...args], { encoding: 'utf8', stdio: 'pipe' }) };
    } catch (e) {
      const err = e as { status: number; stderr: string };
      return { code: err.status, out: err.stderr };
    }
  };
  it('writes the dataset and a coverage report', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'cl-')), 'd.json');
    const run = cli(['--out', out]);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(new RegExp(`Counts: ${built.companies.length} companies, 37 articles`));
    expect(run.out).toMatch(/Registry entries the corpus never mentions/);
    expect(run.out).toMatch(/Organisations discovered in the text \(\d+\): company \d+/);
    expect(run.out).toMatch(/Least certain discovered names \(\d+\):\n  \S.* \((?:company|product|investor|bank|government|media|university|other); \d+ for, \d+ against: /);
    // Same bytes as the in-process build from strings: the CLI reads files as bytes.
    expect(readFileSync(out, 'utf8') === `${text}\n`).toBe(true);
  }, CLI_TIMEOUT_MS);
  it('reads a Windows-1252 file as the options page does, keeping its pound sign, and says so', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cl-'));
    writeFileSync(join(dir, 'w.txt'), Buffer.concat([Buffer.from('Zorblax results\n\nZorblax Ltd made a profit of '), Buffer.from([0xa3]), Buffer.from('75m last year.')]));
    const out = join(dir, 'out.json');
    const run = cli(['--out', out, '--corpus', dir]);
    expect(run.code).toBe(0);
    const built = JSON.parse(readFileSync(out, 'utf8')) as Dataset;
    expect(built.articles[0].body).toBe('Zorblax Ltd made a profit of £75m last year.');
  }, CLI_TIMEOUT_MS);
  it('fails with the file named and writes nothing on bad input', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cl-'));
    writeFileSync(join(dir, 'b.txt'), Buffer.from([0x54, 0x0a, 0x00, 0x01]));
    const out = join(dir, 'out.json');
    const bad = cli(['--out', out, '--corpus', dir]);
    expect(bad).toEqual({ code: 1, out: expect.stringMatching(/b\.txt: refused: looks binary[^]*no readable article/) });
    expect(existsSync(out)).toBe(false);
    writeFileSync(join(dir, 'a.txt'), 'Title\n\nFine.');
    const reg = join(dir, 'reg.json');
    writeFileSync(reg, JSON.stringify({ companies: [{ id: 'a', name: 'A', kind: 'company', description: 'x' }, { id: 'a', name: 'B', kind: 'company', description: 'y' }] }));
    const dup = cli(['--out', out, '--registry', reg]);
    expect(dup.code).toBe(1);
    expect(dup.out).toMatch(/reg\.json.*companies\[1\]\.id.*duplicate id "a"/);
    expect(readdirSync(dir).sort()).toEqual(['a.txt', 'b.txt', 'reg.json']);
  }, CLI_TIMEOUT_MS);
});
