import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CorpusError, MAX_DOCUMENT_BYTES, splitCorpus, splitText } from '.';

const seed = (name: string) => ({ name, text: readFileSync(`seeds/corpus/${name}`, 'utf8') });
const titles = (name: string) => splitCorpus([seed(name)]).map((a) => a.title);

describe('splitting the seed shapes', () => {
  it('cuts the TechCrunch dump after every #tag line', () => {
    const articles = splitCorpus([seed('001_15c9de84e5c8edb9.txt')]);
    expect(articles).toHaveLength(28);
    expect(articles[0].title).toBe('China Roundup: Beijing is tearing down the digital ‘walled gardens’');
    expect(articles[15].title).toBe('Alibaba Group will spend $3.6 billion to take control of Chinese supermarket giant Sun Art');
    expect(articles[27].title).toMatch(/^China Roundup: SoftBank leads Didi/);
    expect(articles[0].tags).toContain('xtransfer');
    expect(articles.every((a) => !a.body.includes('#alibaba-group'))).toBe(true);
    expect(articles.map((a) => a.id)).toEqual(articles.map((_, i) => `001_15c9de84e5c8edb9#${i}`));
  });
  it('opens a post at each repeated title, and at a lone title after a wide gap in such a feed', () => {
    expect(titles('002_ff21b8c45c01f2f6.txt')).toEqual([
      'Livestreaming a legit job now (and you won’t believe WHO is saying that)',
      'Brace Yourself… BIG Changes Are Coming to Singles Day This Year',
      'America tries to “mirror” China’s success… will it work?',
      'WeChat Pay vs Alipay: If you had to DELETE one of them, which one would it be?',
      'Why China’s Biggest Tech Giant Sued A Hot Sauce Brand',
      'How One Policy is Driving 300 Million Chinese Commuters Crazy…',
    ]);
    const posts = splitCorpus([seed('002_ff21b8c45c01f2f6.txt')]);
    expect(posts[0].body.startsWith('Not parents')).toBe(true);
    expect(posts[0].tags).toEqual(expect.arrayContaining(['shanghai', 'livestream']));
    expect(posts[5].tags).toEqual(expect.arrayContaining(['alibaba', 'tmall', 'taobao']));
  });
  it('keeps single articles whole, with a caption as the first paragraph', () => {
    expect(titles('000_ac9c781611834851.txt')).toEqual(['Is it Still Possible for Foreigners to Win in the China Tech Industry? (one hilarious story tells us how!)']);
    const [a] = splitCorpus([seed('003_c0c3c02e86188690.txt')]);
    expect(a.title).toBe('Alibaba');
    expect(a.body.split('\n\n')[0]).toMatch(/^The launch of Alibaba Group's new data centre.*Reuters$/);
    expect(titles('004_25157624c5494818.txt')).toHaveLength(1);
  });
  it('falls back to one article per file with the first line as title', () => {
    const [a] = splitText('notes.md', '# My notes\n\nAcme raised money.\nSecond line.\n\nMore.');
    expect(a).toMatchObject({ id: 'notes#0', title: 'My notes', body: 'Acme raised money.\nSecond line.\n\nMore.', source: 'notes.md', position: 0 });
  });
  it('is deterministic', () => {
    const docs = [seed('001_15c9de84e5c8edb9.txt'), seed('002_ff21b8c45c01f2f6.txt')];
    expect(JSON.stringify(splitCorpus(docs))).toBe(JSON.stringify(splitCorpus(docs)));
  });
});

describe('bad documents', () => {
  const fails = (doc: { name: string; text: string | Uint8Array }, code: string, message: RegExp) => {
    let error: unknown;
    try {
      splitCorpus([{ name: 'ok.txt', text: 'Title\n\nBody.' }, doc]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CorpusError);
    expect((error as CorpusError).code).toBe(code);
    expect((error as CorpusError).message).toMatch(message);
  };
  it('names an empty file', () => fails({ name: 'empty.txt', text: ' \n\n ' }, 'empty', /^empty\.txt: is empty/));
  it('names a binary file and its line', () => fails({ name: 'bin.txt', text: 'Title\nline\u0000x' }, 'binary', /^bin\.txt:2: looks binary/));
  it('names bytes that are neither UTF-8 nor Windows-1252, with the line', () =>
    fails({ name: 'other.txt', text: new Uint8Array([0x54, 0x0a, 0x41, 0xe9, 0x81, 0x42]) }, 'encoding', /^other\.txt:2: is neither UTF-8/));
  it('refuses files over 50 MB', () => fails({ name: 'big.txt', text: new Uint8Array(MAX_DOCUMENT_BYTES + 1) }, 'too-large', /^big\.txt: .*50 MB/));
  it('refuses a file of nothing but tags', () => fails({ name: 'tags.txt', text: '#a, #b' }, 'empty', /^tags\.txt: has no article text/));
  it('refuses two files that would share article ids', () => fails({ name: 'dir/ok.md', text: 'x' }, 'duplicate-name', /ok\.md: has the same name as ok\.txt/));
  it('decodes valid UTF-8 bytes, BOM and CRLF included', () => {
    const bytes = new TextEncoder().encode('\ufeffTitle\r\n\r\nBody – ok');
    expect(splitCorpus([{ name: 'u.txt', text: bytes }])[0]).toMatchObject({ title: 'Title', body: 'Body – ok' });
  });
});
