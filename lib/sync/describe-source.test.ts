import { describe, expect, it } from 'vitest';
import { describeSource } from './sources';

/** The label the sync history shows for each kind of source. */

const file = (name: string) => ({ name, text: 'x' });

describe('describeSource', () => {
  it('names the bundled corpus and a URL as such', () => {
    expect(describeSource({ kind: 'bundled' })).toBe('bundled seed corpus');
    expect(describeSource({ kind: 'url', url: 'https://data.example/d.json' })).toBe('https://data.example/d.json');
  });

  it('counts the articles removed from the library, in the singular for one', () => {
    expect(describeSource({ kind: 'library', remove: ['a'] })).toBe('removing 1 article from your library');
    expect(describeSource({ kind: 'library', remove: ['a', 'b'] })).toBe('removing 2 articles from your library');
  });

  it('lists up to three file names, refused ones included, then how many more', () => {
    expect(describeSource({ kind: 'files', files: [file('a.txt')] })).toBe('a.txt');
    expect(describeSource({ kind: 'files', files: [file('a.txt'), file('b.md')], refused: [{ name: 'c.pdf', reason: 'unsupported', code: 'unsupported-file' }] })).toBe('a.txt, b.md, c.pdf');
    expect(describeSource({ kind: 'files', files: ['a', 'b', 'c', 'd', 'e'].map((n) => file(`${n}.txt`)) })).toBe('a.txt, b.txt and 3 more files');
  });
});
