import { describe, expect, it } from 'vitest';
import { CorpusError } from './errors';
import { decodeText } from './decode';

const bytes = (...values: number[]) => new Uint8Array(values);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

describe('decodeText: one decoder for every way in', () => {
  it('reads strict UTF-8 without a note', () => {
    const result = decodeText('a.txt', new TextEncoder().encode('Title\n\nIt paid £75m.'));
    expect(result).toEqual({ text: 'Title\n\nIt paid £75m.', encoding: 'utf-8' });
  });

  it('reads Windows-1252 bytes with a note, keeping the pound sign and curly quotes', () => {
    // 0xA3 is "£" and 0x93/0x94 are curly double quotes in Windows-1252; neither is valid UTF-8 here.
    const result = decodeText('w.txt', bytes(...ascii('Title\n\nIt paid '), 0xa3, ...ascii('75m for '), 0x93, ...ascii('Acme'), 0x94, 0x2e));
    expect(result.text).toBe('Title\n\nIt paid £75m for “Acme”.');
    expect(result.text).not.toContain('\ufffd');
    expect(result.encoding).toBe('windows-1252');
    expect(result.note).toMatch(/not UTF-8 \(first non-UTF-8 byte at line 3\), read as Windows-1252/);
  });

  it('follows a UTF-16 byte order mark', () => {
    const le = bytes(0xff, 0xfe, ...[...'£1'].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]));
    expect(decodeText('u16.txt', le)).toMatchObject({ text: '£1', encoding: 'utf-16le' });
  });

  it('strips a UTF-8 byte order mark and normalises line ends', () => {
    expect(decodeText('b.txt', bytes(0xef, 0xbb, 0xbf, ...ascii('T\r\nx'))).text).toBe('T\nx');
  });

  it('refuses binary and empty input by name, never returning replacement characters', () => {
    expect(() => decodeText('img.png', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0))).toThrow(CorpusError);
    expect(() => decodeText('img.png', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0))).toThrow(/^img\.png:\d*:? ?.*looks binary/);
    expect(() => decodeText('e.txt', bytes(0x20, 0x0a))).toThrow(/^e\.txt: is empty/);
  });
});
