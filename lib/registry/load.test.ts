import { describe, expect, it } from 'vitest';
import { RegistryError, parseRegistry, slugify, tagIndex } from './load';

const FILE = 'seeds/test-registry.json';

/** One entry per line, so entry i sits on line 3 + i and the tests can check reported lines. */
function doc(entries: object[], tail = ''): string {
  const lines = entries.map((e) => '    ' + JSON.stringify({ kind: 'company', description: 'A test entry.', ...e }));
  return `{\n  "companies": [\n${lines.join(',\n')}\n  ]${tail}\n}\n`;
}

function errorOf(text: string): RegistryError {
  try {
    parseRegistry(text, FILE);
  } catch (e) {
    expect(e).toBeInstanceOf(RegistryError);
    const err = e as RegistryError;
    expect(err.file).toBe(FILE);
    expect(err.message).toContain(FILE);
    return err;
  }
  throw new Error('expected parseRegistry to throw');
}

describe('parseRegistry', () => {
  it('parses a good registry and fills in defaults', () => {
    const registry = parseRegistry(
      doc(
        [
          { id: 'alibaba-group', name: 'Alibaba Group', aliases: ['Alibaba', { text: 'BABA', caseSensitive: true }], founded: 1999, domain: 'alibabagroup.com' },
          { id: 'taobao', name: 'Taobao', kind: 'product', parent: 'alibaba-group' },
          { id: 'ant-group', name: 'Ant Group', aliases: [{ text: 'Ant', ambiguous: true, context: ['Alipay'] }] },
        ],
        ',\n  "excludedTags": {"china": "place"}',
      ),
      FILE,
    );
    expect(registry.companies.map((c) => c.id)).toEqual(['alibaba-group', 'taobao', 'ant-group']);
    expect(registry.companies[1].aliases).toEqual([]);
    expect(registry.excludedTags).toEqual({ china: 'place' });
  });

  it('reports a JSON syntax error with the line and column', () => {
    const err = errorOf('{\n  "companies": [\n    {"id": "a",}\n  ]\n}\n');
    expect(err.line).toBe(3);
    expect(err.message).toMatch(new RegExp(`^${FILE}:3:\\d+: invalid JSON`));
  });

  it('reports truncated JSON at its end', () => {
    const err = errorOf('{\n  "companies": [\n    {"id": "a"');
    expect(err.line).toBe(3);
  });

  it('names the field path and the entry for a schema error', () => {
    const err = errorOf(doc([{ id: 'a', name: 'A' }, { id: 'b', name: 'B', founded: '1999' }]));
    expect(err.path).toBe('companies[1].founded');
    expect(err.message).toContain('companies[1].founded');
    expect(err.message).toContain('"b"');
    expect(err.message).toMatch(/expected number/);
    expect(err.line).toBe(4);
  });

  it('names the field inside a bad alias object rather than the whole alias union', () => {
    const err = errorOf(doc([{ id: 'ant-group', name: 'Ant Group', aliases: [{ text: 'Ant', ambiguous: 'yes' }] }]));
    expect(err.path).toBe('companies[0].aliases[0].ambiguous');
    expect(err.message).toMatch(/expected boolean/);
  });

  it('rejects ids that are not kebab-case', () => {
    const err = errorOf(doc([{ id: 'Alibaba Group', name: 'Alibaba Group' }]));
    expect(err.path).toBe('companies[0].id');
    expect(err.message).toContain('kebab-case');
  });

  it('rejects unknown fields, naming the entry', () => {
    const err = errorOf(doc([{ id: 'a', name: 'A', website: 'a.com' }]));
    expect(err.path).toBe('companies[0]');
    expect(err.message).toContain('website');
  });

  it('rejects a missing companies list', () => {
    const err = errorOf('{"excludedTags": {}}');
    expect(err.path).toBe('companies');
  });

  it('rejects duplicate ids, pointing at the second one', () => {
    const err = errorOf(doc([{ id: 'jd-com', name: 'JD.com' }, { id: 'x', name: 'X' }, { id: 'jd-com', name: 'Jingdong' }]));
    expect(err.path).toBe('companies[2].id');
    expect(err.message).toContain('duplicate id "jd-com"');
    expect(err.line).toBe(5);
  });

  it('rejects an alias shared by two entries, ignoring case and white space', () => {
    const err = errorOf(doc([{ id: 'a', name: 'A', aliases: ['Tencent  Holdings'] }, { id: 'b', name: 'B', aliases: ['x', 'tencent holdings'] }]));
    expect(err.path).toBe('companies[1].aliases[1]');
    expect(err.message).toContain('"tencent holdings"');
    expect(err.message).toContain('"a"');
    expect(err.line).toBe(4);
  });

  it('rejects an alias repeated within one entry, including object form', () => {
    const err = errorOf(doc([{ id: 'jd-com', name: 'JD.com', aliases: ['JD', { text: 'jd', caseSensitive: true }] }]));
    expect(err.path).toBe('companies[0].aliases[1]');
    expect(err.message).toContain('this entry');
  });

  it('rejects an alias equal to another entry name, even a later one', () => {
    const err = errorOf(doc([{ id: 'alibaba-group', name: 'Alibaba Group', aliases: ['Taobao'] }, { id: 'taobao', name: 'Taobao' }]));
    expect(err.path).toBe('companies[0].aliases[0]');
    expect(err.message).toContain('"Taobao"');
    expect(err.message).toContain('name of "taobao"');
  });

  it('rejects two entries with the same name', () => {
    const err = errorOf(doc([{ id: 'a', name: 'Acme' }, { id: 'b', name: 'ACME' }]));
    expect(err.path).toBe('companies[1].name');
  });

  it('rejects an unknown parent', () => {
    const err = errorOf(doc([{ id: 'taobao', name: 'Taobao', parent: 'alibaba' }]));
    expect(err.path).toBe('companies[0].parent');
    expect(err.message).toContain('unknown parent "alibaba"');
  });

  it('rejects parent cycles, naming the chain', () => {
    const err = errorOf(doc([{ id: 'x', name: 'X', parent: 'a' }, { id: 'a', name: 'A', parent: 'b' }, { id: 'b', name: 'B', parent: 'a' }]));
    expect(err.path).toBe('companies[1].parent');
    expect(err.message).toContain('a → b → a');
  });

  it('rejects an entry that is its own parent', () => {
    const err = errorOf(doc([{ id: 'a', name: 'A', parent: 'a' }]));
    expect(err.message).toContain('a → a');
  });
});

describe('slugify and tagIndex', () => {
  it('slugifies the way corpus tags are written', () => {
    expect(slugify('JD.com')).toBe('jd-com');
    expect(slugify('U.S. Securities and Exchange Commission')).toBe('u-s-securities-and-exchange-commission');
    expect(slugify('  The Wall Street Journal ')).toBe('the-wall-street-journal');
    expect(slugify('Düsseldorf')).toBe('dusseldorf');
    expect(slugify('#SinglesDay')).toBe('singlesday');
    expect(slugify('阿里巴巴')).toBe('');
  });

  it('maps ids, names and aliases to entry ids', () => {
    const registry = parseRegistry(
      doc([
        { id: 'tencent', name: 'Tencent', aliases: ['Tencent Holdings', '腾讯'] },
        { id: 'meituan', name: 'Meituan', aliases: ['Meituan Dianping'] },
      ]),
      FILE,
    );
    const index = tagIndex(registry);
    expect(index.get('tencent-holdings')).toBe('tencent');
    expect(index.get('meituan-dianping')).toBe('meituan');
    expect(index.get('meituan')).toBe('meituan');
    expect(index.has('')).toBe(false);
  });
});
