import { zipSync } from 'fflate';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { readFiles } from './files';

const parseHtml = (html: string) => parseHTML(html).document as unknown as Document;
const utf8 = (s: string) => new TextEncoder().encode(s);
const body = 'Zentrova Widgets, a maker of garden robots, said on Tuesday it had raised £12m from investors. '.repeat(4);

const html = `<!doctype html><html><head><title>Zentrova raises money</title>
<meta property="og:site_name" content="Daily Example"><meta name="author" content="A. Writer">
<meta property="article:published_time" content="2024-03-05T10:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/b">Business</a></nav>
<article><h1>Zentrova raises money</h1><p>${body}</p><p>The firm was founded in 2019 in Leeds.</p></article>
<footer>© Example</footer><script>var tracking = 1;</script></body></html>`;

describe('readFiles', () => {
  it('reads text, Windows-1252 text and HTML, and refuses bad files by name while keeping the rest', async () => {
    const result = await readFiles(
      [
        { name: 'a.txt', bytes: utf8(`Title A\n\n${body}`) },
        { name: 'w.txt', bytes: new Uint8Array([...utf8('Title W\n\nPaid '), 0xa3, ...utf8('5m.')]) },
        { name: 'page.html', bytes: utf8(html) },
        { name: 'empty.md', bytes: utf8('  \n') },
        { name: 'photo.png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0]) },
        { name: 'bin.txt', bytes: new Uint8Array([0x41, 0, 0, 1, 2, 3]) },
      ],
      parseHtml,
    );
    expect(result.documents.map((d) => d.name)).toEqual(['a.txt', 'w.txt', 'page.html']);
    expect(result.documents[1]).toMatchObject({ text: 'Title W\n\nPaid £5m.', notes: [expect.stringMatching(/Windows-1252/)] });
    const page = result.documents[2];
    expect(page.page).toMatchObject({ title: 'Zentrova raises money', siteName: 'Daily Example', byline: 'A. Writer', published: '2024-03-05T10:00:00Z' });
    expect(page.text.split('\n\n')).toContain('The firm was founded in 2019 in Leeds.');
    expect(page.text).not.toMatch(/tracking|Home|©/);
    expect(result.refused.map((r) => r.name)).toEqual(['photo.png', 'empty.md', 'bin.txt']);
    expect(result.refused[1].reason).toMatch(/is empty/);
    expect(result.refused[2].reason).toMatch(/looks binary/);
  });

  it('opens a zip of articles, skipping folders and refusing what is not an article', async () => {
    const zip = zipSync({ 'dir/one.txt': utf8(`One\n\n${body}`), 'dir/two.md': utf8(`Two\n\n${body}`), 'dir/x.exe': new Uint8Array([1, 2]), '__MACOSX/dir/._one.txt': new Uint8Array([0]) });
    const result = await readFiles([{ name: 'set.zip', bytes: zip }], parseHtml);
    expect(result.documents.map((d) => d.name)).toEqual(['set.zip/dir/one.txt', 'set.zip/dir/two.md']);
    expect(result.refused).toEqual([{ name: 'set.zip/dir/x.exe', reason: expect.stringMatching(/not a \.txt/) }]);
    expect((await readFiles([{ name: 'bad.zip', bytes: utf8('not a zip') }], parseHtml)).refused[0]).toMatchObject({ name: 'bad.zip', reason: expect.stringMatching(/not a readable zip/) });
  });
});
