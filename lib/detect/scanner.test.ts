// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { Lexicon } from './lexicon';
import { PageScanner, chunkEnd, type PageMention } from './scanner';
import { PageWatcher } from './watch';

// happy-dom has no StaticRange; the scanner only reads its four boundary fields.
(globalThis as { StaticRange?: unknown }).StaticRange ??= class {
  constructor(init: StaticRangeInit) {
    Object.assign(this, init);
  }
};

const lexicon = Lexicon.build([
  { id: 'alibaba', name: 'Alibaba Group', aliases: [{ text: 'Alibaba' }] },
  { id: 'ant-group', name: 'Ant Group', aliases: [{ text: 'Ant', ambiguous: true, context: ['Alipay'] }] },
  { id: 'visa', name: 'Visa Inc.', aliases: [{ text: 'Visa', ambiguous: true }] },
]);

function scanner(onMentions?: (m: PageMention[]) => void) {
  return new PageScanner(lexicon, lexicon.resolver(), { onMentions, sliceMs: 1 });
}
const found = (s: PageScanner) =>
  s.mentions.map((m) => [m.range.startContainer.textContent!.slice(m.range.startOffset), lexicon.companyIds[m.companyIndex]]);
const names = (s: PageScanner) =>
  s.mentions.map((m) => {
    const r = document.createRange();
    r.setStart(m.range.startContainer, m.range.startOffset);
    r.setEnd(m.range.endContainer, m.range.endOffset);
    return [r.toString(), lexicon.companyIds[m.companyIndex]];
  });

describe('PageScanner', () => {
  it('finds a name split across inline elements and maps it to a DOM range', async () => {
    document.body.innerHTML = '<p>Shares of <b>Alibaba</b> Group rose.</p><p>Visa application</p>';
    const s = scanner();
    await s.scanDocument(document);
    expect(names(s)).toEqual([['Alibaba Group', 'alibaba']]);
    expect(s.mentions[0].range.startContainer).toBe(document.querySelector('b')!.firstChild);
  });

  it('applies the ambiguity rule across the whole page, whatever the order', async () => {
    document.body.innerHTML = '<p>An Ant colony.</p><div>Later: Ant Group said so.</div>';
    const s = scanner();
    const reported: string[] = [];
    await s.scanDocument(document);
    expect(names(s).map((n) => n[0]).sort()).toEqual(['Ant', 'Ant Group']);
    const again = new PageScanner(lexicon, lexicon.resolver(), { onMentions: (m) => reported.push(...m.map((x) => String(x.block))) });
    document.body.innerHTML = '<p>An ant colony and a visa application.</p>';
    await again.scanDocument(document);
    expect(again.mentions).toEqual([]);
    expect(reported).toEqual([]);
  });

  it('scans the part in view first, then the rest, exactly once', async () => {
    document.body.innerHTML = '<p>Alibaba one</p><p id="view">Alibaba two</p><p>Alibaba three</p>';
    const s = scanner();
    await s.scanDocument(document, document.getElementById('view'));
    expect(found(s).map((f) => f[0])).toEqual(['Alibaba two', 'Alibaba three', 'Alibaba one']);
    expect(s.stats.blocks).toBe(3);
  });

  it('scans open shadow roots', async () => {
    document.body.innerHTML = '<div id="h"></div>';
    document.getElementById('h')!.attachShadow({ mode: 'open' }).innerHTML = '<p>Inside Alibaba</p>';
    const s = scanner();
    await s.scanDocument(document);
    await s.run();
    expect(names(s)).toEqual([['Alibaba', 'alibaba']]);
    expect(s.knownScopes.size).toBe(2);
  });

  it('finds the mention at a caret position and nothing beside it', async () => {
    document.body.innerHTML = '<p>see <b>Alibaba</b> Group now</p>';
    const s = scanner();
    await s.scanDocument(document);
    const b = document.querySelector('b')!.firstChild!;
    const after = b.parentNode!.nextSibling!;
    expect(s.mentionAt(b, 3)?.companyIndex).toBe(0);
    expect(s.mentionAt(after, 3)?.companyIndex).toBe(0);
    expect(s.mentionAt(after, 9)).toBeNull();
    expect(s.mentionAt(document.querySelector('p')!.firstChild!, 1)).toBeNull();
  });

  it('rescans what the page changes and forgets what it removed', async () => {
    document.body.innerHTML = '<ul><li>Alibaba</li></ul>';
    const s = scanner();
    await s.scanDocument(document);
    const w = new PageWatcher(s, { delayMs: 1 });
    w.observe(document);
    const li = document.createElement('li');
    li.innerHTML = 'More from <i>Ant</i> Group';
    document.querySelector('ul')!.append(li);
    document.querySelector('li')!.remove();
    // The watcher's own timer rescans once the mutation records have arrived.
    await vi.waitFor(() => expect(names(s)).toEqual([['Ant Group', 'ant-group']]), { timeout: 30_000 });
    w.disconnect();
  });

  it('forgets a mention whose range can no longer be read, and keeps the rest', async () => {
    // Firefox cuts off a frame's former document, and with it the ranges over its text: reading
    // their start then throws ("can't access dead object").
    document.body.innerHTML = '<p>Alibaba</p><p>Ant Group</p>';
    const forgotten: PageMention[] = [];
    const s = new PageScanner(lexicon, lexicon.resolver(), { sliceMs: 1, onForgotten: (m) => forgotten.push(...m) });
    await s.scanDocument(document);
    const cut = s.mentions.find((m) => lexicon.companyIds[m.companyIndex] === 'alibaba')!;
    Object.defineProperty(cut, 'range', {
      get: () => {
        throw new TypeError("can't access dead object");
      },
    });
    await s.rescan([]);
    expect(names(s)).toEqual([['Ant Group', 'ant-group']]);
    expect(forgotten).toEqual([cut]);
  });

  it('reports counts per company', async () => {
    document.body.innerHTML = '<p>Alibaba and Alibaba and Ant Group</p>';
    const s = scanner();
    await s.scanDocument(document);
    expect([...s.counts()].map(([c, v]) => [lexicon.companyIds[c], v.count])).toEqual([
      ['alibaba', 2],
      ['ant-group', 1],
    ]);
  });
});

describe('chunkEnd', () => {
  it('cuts at a line break, else a space, near the limit', () => {
    const text = 'a'.repeat(10) + '\n' + 'b'.repeat(10) + ' ' + 'c'.repeat(10);
    expect(chunkEnd(text, 0, 25)).toBe(11);
    expect(chunkEnd(text, 12, 25)).toBe(22);
    expect(chunkEnd(text, 0, 100)).toBe(text.length);
  });
});
