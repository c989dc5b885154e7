import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { Message, PRIVILEGED, TabMessage } from '../messages';

describe('the library messages', () => {
  it('parse, and the ones that change the library are privileged', () => {
    expect(z.safeParse(TabMessage, { type: 'page.read' }).success).toBe(true);
    expect(z.safeParse(Message, { type: 'library.addPage', tabId: 3 }).success).toBe(true);
    expect(z.safeParse(Message, { type: 'library.remove', ids: ['lib-1'] }).success).toBe(true);
    expect(z.safeParse(Message, { type: 'library.remove', ids: [] }).success).toBe(false);
    const files = [{ name: 'a.html', text: 'x', notes: ['read as Windows-1252'], page: { title: 'T', url: 'https://e.example/a' } }];
    expect(z.safeParse(Message, { type: 'dataset.sync', source: { kind: 'files', files, refused: [{ name: 'b.png', reason: 'is not text' }] } }).success).toBe(true);
    for (const type of ['library.addPage', 'library.remove'] as const) expect(PRIVILEGED.has(type)).toBe(true);
  });
});
