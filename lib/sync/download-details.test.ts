import { describe, expect, it } from 'vitest';
import { checkSyncUrl, download, permissionPattern } from './fetch';
import type { ImportFile } from '../messages';
import { checkFiles, looksBinary, MAX_FILE_CHARS } from './files';
import { fakeFetch } from './testing';
import { SyncError } from './errors';

/** The download's request and its messages, and the file checks' limits, as a user meets them. */

const URL_ = 'https://data.example.org/dataset.json';

async function failure(promise: Promise<unknown>): Promise<SyncError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(SyncError);
    return error as SyncError;
  }
  throw new Error('expected a failure');
}

describe('download requests', () => {
  it('asks for JSON without cookies or cache, and no conditions on a first download', async () => {
    let seen: RequestInit = {};
    let url = '';
    await download(URL_, {
      fetchImpl: fakeFetch((input, init) => {
        url = String(input);
        seen = init;
        return new Response('{}');
      }),
    });
    expect(url).toBe(URL_);
    expect(seen).toMatchObject({ cache: 'no-store', credentials: 'omit', redirect: 'follow', headers: { accept: 'application/json' } });
    expect(Object.keys(seen.headers as object)).toEqual(['accept']);
  });

  it('reports progress against the declared size and returns the content type', async () => {
    const calls: [number, number][] = [];
    const result = await download(URL_, {
      fetchImpl: fakeFetch(() => new Response('{"x":1}', { headers: { 'content-length': '7', 'content-type': 'application/json' } })),
      onProgress: (done, total) => calls.push([done, total]),
    });
    expect(result).toMatchObject({ notModified: false, text: '{"x":1}', contentType: 'application/json' });
    expect(calls.at(-1)).toEqual([7, 7]);
    const plain = await download(URL_, { fetchImpl: fakeFetch(() => new Response('{}', { headers: { 'content-type': '' } })) });
    expect(plain).toMatchObject({ contentType: '', etag: undefined, lastModified: undefined });
  });

  it('reads an empty body as empty text', async () => {
    expect(await download(URL_, { fetchImpl: fakeFetch(() => new Response(null)) })).toMatchObject({ notModified: false, text: '' });
  });

  it('calls a body shorter than its declared length cut off, unless it was compressed', async () => {
    const short = await failure(download(URL_, { fetchImpl: fakeFetch(() => new Response('{}', { headers: { 'content-length': '50' } })) }));
    expect(short).toMatchObject({ code: 'truncated', message: 'The download stopped before the end of the dataset.', detail: URL_ });
    const gzipped = await download(URL_, { fetchImpl: fakeFetch(() => new Response('{}', { headers: { 'content-length': '50', 'content-encoding': 'gzip' } })) });
    expect(gzipped).toMatchObject({ text: '{}' });
  });

  it('says how large a refused dataset is, in megabytes', async () => {
    const big = await failure(download(URL_, { maxBytes: 1024 * 1024, fetchImpl: fakeFetch(() => new Response('{}', { headers: { 'content-length': String(3 * 1024 * 1024 + 200_000) } })) }));
    expect(big.message).toBe('The dataset is 3.2 MB, more than the 1 MB limit.');
  });

  it('names the host it could not reach, and the HTTP status with its text', async () => {
    const offline = await failure(download(URL_, { fetchImpl: fakeFetch(() => Promise.reject(new TypeError('Failed to fetch'))) }));
    expect(offline).toMatchObject({ code: 'network', message: 'Could not reach data.example.org. Check the address and your connection.', detail: 'TypeError: Failed to fetch' });
    const missing = await failure(download(URL_, { fetchImpl: fakeFetch(() => new Response('', { status: 404, statusText: 'Not Found' })) }));
    expect(missing.message).toBe('The server answered 404 Not Found instead of the dataset.');
    const bare = await failure(download(URL_, { fetchImpl: fakeFetch(() => new Response('', { status: 503 })) }));
    expect(bare.message).toBe('The server answered 503 instead of the dataset.');
  });

  it('states the time limit in seconds', async () => {
    const fetchImpl = fakeFetch((_, init) => new Promise<Response>((_, reject) => init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))));
    const slow = await failure(download(URL_, { fetchImpl, timeoutMs: 1_400 }));
    expect(slow.message).toBe('The server did not send the dataset within 1 seconds.');
  });
});

describe('sync addresses', () => {
  it('allows plain http only for this machine, IPv6 loopback included', () => {
    expect(checkSyncUrl('http://[::1]:3000/d.json').hostname).toBe('[::1]');
    expect(checkSyncUrl('  https://data.example/d.json  ').href).toBe('https://data.example/d.json');
    const e = (() => {
      try {
        checkSyncUrl('http://data.example/d.json');
      } catch (error) {
        return error as SyncError;
      }
    })();
    expect(e).toMatchObject({ code: 'bad-url', detail: 'http://data.example/d.json' });
  });

  it('asks permission for the whole host, whatever the port and path', () => {
    expect(permissionPattern(new URL('https://data.example:8443/a/b.json?x=1'))).toBe('https://data.example/*');
    expect(permissionPattern(new URL('http://127.0.0.1:8080/d.json'))).toBe('http://127.0.0.1/*');
  });
});

describe('file limits', () => {
  /** The files refused when `files` are checked as articles. */
  const refusedOf = (files: ImportFile[]) => {
    const checked = checkFiles(files);
    if (checked.kind !== 'articles') throw new Error(`checked as ${checked.kind}`);
    return checked.refused;
  };

  it('refuses an article file over the size limit by name, and a dataset file too', () => {
    const huge = 'a'.repeat(MAX_FILE_CHARS + 1);
    expect(refusedOf([{ name: 'ok.txt', text: 'fine' }, { name: 'big.txt', text: huge }])).toEqual([{ name: 'big.txt', code: 'too-large', reason: 'is too large (the limit is 20 MB per file)' }]);
    expect(refusedOf([{ name: 'exact.txt', text: 'a'.repeat(MAX_FILE_CHARS) }])).toEqual([]);
    expect(() => checkFiles([{ name: 'big.json', text: huge }])).toThrow(expect.objectContaining({ code: 'too-large', message: '"big.json" is too large (the limit is 20 MB per file).' }));
  });

  it('keeps the files a page refused beside the ones checked here', () => {
    const before = [{ name: 'huge.zip', reason: 'is larger than 20 MB', code: 'too-large' as const }];
    expect(checkFiles([{ name: 'a.txt', text: 'fine' }], before)).toEqual({ kind: 'articles', documents: [{ name: 'a.txt', text: 'fine' }], refused: before });
    expect(() => checkFiles([], [{ name: 'odd.bin', reason: 'is odd' }])).toThrow(expect.objectContaining({ code: 'unsupported-file', message: '"odd.bin" is odd.' }));
  });

  it('counts control characters, but not tabs, line and page breaks, as signs of a binary file', () => {
    const text = 'words\tand\r\nlines\f'.repeat(100);
    expect(looksBinary(text)).toBe(false);
    expect(looksBinary(`${'x'.repeat(500)}${'\u0001'.repeat(9)}`)).toBe(true);
    // Up to 1% of a long text (and at least eight characters) may be odd.
    expect(looksBinary(`${'x'.repeat(2_000)}${'\u0002'.repeat(20)}`)).toBe(false);
    expect(looksBinary(`${'x'.repeat(2_000)}${'\u0002'.repeat(21)}`)).toBe(true);
    expect(looksBinary(`${'x'.repeat(100)}${'\ufffd'.repeat(8)}`)).toBe(false);
  });

  it('judges a long file by its beginning', () => {
    expect(looksBinary(`${'x'.repeat(70_000)}\u0000`)).toBe(false);
    expect(looksBinary(`${'\u0001'.repeat(700)}${'x'.repeat(70_000)}`)).toBe(true);
  });
});
