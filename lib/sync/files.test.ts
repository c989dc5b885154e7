import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFiles, looksBinary } from './files';

const corpus = join(import.meta.dirname, '../../seeds/corpus');

describe('file checks', () => {
  it('accepts every seed document, Chinese text included', () => {
    const files = readdirSync(corpus).map((name) => ({ name, text: readFileSync(join(corpus, name), 'utf8') }));
    expect(files.length).toBeGreaterThan(0);
    expect(checkFiles(files)).toMatchObject({ kind: 'articles' });
    expect(looksBinary('阿里巴巴集团宣布……')).toBe(false);
  });

  it('tolerates a stray replacement character but not a binary file read as text', () => {
    expect(looksBinary(`${'plain words '.repeat(200)}\ufffd`)).toBe(false);
    expect(looksBinary('\ufffd\ufffdPNG\r\n\u001a\n'.repeat(20))).toBe(true);
    expect(looksBinary('abc\u0000def')).toBe(true);
  });

  it('names the file at fault and keeps the others', () => {
    expect(checkFiles([{ name: 'ok.txt', text: 'fine' }, { name: 'blank.md', text: '\n\n' }, { name: 'report.pdf', text: '%PDF' }])).toEqual({
      kind: 'articles',
      documents: [{ name: 'ok.txt', text: 'fine' }],
      refused: [
        { name: 'blank.md', reason: 'is empty', code: 'empty-file' },
        { name: 'report.pdf', reason: 'is not a .txt, .md, .html, .zip or dataset .json file', code: 'unsupported-file' },
      ],
    });
    expect(() => checkFiles([{ name: 'a.json', text: '{}' }, { name: 'b.txt', text: 'x' }])).toThrow(/either one dataset/);
    expect(() => checkFiles([])).toThrow(/No file was chosen/);
    expect(checkFiles([{ name: 'DATA.JSON', text: '{}' }])).toMatchObject({ kind: 'dataset' });
  });

  it('makes a lone file that cannot be imported the sync error, by its code', () => {
    expect(() => checkFiles([{ name: 'blank.md', text: '  ' }])).toThrow(expect.objectContaining({ code: 'empty-file', message: '"blank.md" is empty.' }));
    expect(() => checkFiles([{ name: 'photo.txt', text: '\u0000'.repeat(200) }])).toThrow(expect.objectContaining({ code: 'binary-file' }));
    expect(() => checkFiles([{ name: 'notes.pdf', text: 'x' }])).toThrow(expect.objectContaining({ code: 'unsupported-file' }));
    // Refused by the page that read it (too large to read): the same error, with the page's code.
    expect(() => checkFiles([], [{ name: 'huge.txt', reason: 'is larger than 20 MB', code: 'too-large' }])).toThrow(expect.objectContaining({ code: 'too-large' }));
  });
});
