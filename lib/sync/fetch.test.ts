import { describe, expect, it } from 'vitest';
import { checkSyncUrl, download } from './fetch';
import { fakeFetch } from '../../test/support/sync';
import type { SyncError } from './errors';

const URL_ = 'https://data.example.org/dataset.json';

async function failure(promise: Promise<unknown>): Promise<SyncError> {
  try {
    await promise;
  } catch (error) {
    return error as SyncError;
  }
  throw new Error('expected a failure');
}

function streamOf(chunks: Uint8Array[], failAtEnd = false): ReadableStream<Uint8Array> {
  return new ReadableStream({
    pull(controller) {
      const next = chunks.shift();
      if (next) controller.enqueue(next);
      else if (failAtEnd) controller.error(new TypeError('network error'));
      else controller.close();
    },
  });
}

describe('checkSyncUrl', () => {
  it('allows https anywhere and http only on this machine', () => {
    expect(checkSyncUrl('https://example.org/a.json').host).toBe('example.org');
    expect(checkSyncUrl('http://127.0.0.1:8080/a.json').port).toBe('8080');
    expect(checkSyncUrl('http://localhost/a.json').hostname).toBe('localhost');
    expect(() => checkSyncUrl('http://example.org/a.json')).toThrow(/https/);
    expect(() => checkSyncUrl('ftp://example.org/a.json')).toThrow(/https/);
    expect(() => checkSyncUrl('not a url')).toThrow(/not a web address/);
  });
});

describe('download', () => {
  it('returns the body and the validators', async () => {
    const result = await download(URL_, {
      fetchImpl: fakeFetch(() => new Response('{"a":1}', { headers: { etag: '"v1"', 'last-modified': 'Mon, 01 Jan 2024 00:00:00 GMT' } })),
    });
    expect(result).toMatchObject({ notModified: false, text: '{"a":1}', etag: '"v1"', lastModified: 'Mon, 01 Jan 2024 00:00:00 GMT' });
  });

  it('keeps the bytes as they came beside the text, a character split between chunks included', async () => {
    const bytes = new TextEncoder().encode('{"name":"Nestlé 日本"}');
    const chunks = [bytes.slice(0, 13), bytes.slice(13, 20), bytes.slice(20)];
    const result = await download(URL_, { fetchImpl: fakeFetch(() => new Response(streamOf(chunks))) });
    if (result.notModified) throw new Error('expected a body');
    expect(result.text).toBe('{"name":"Nestlé 日本"}');
    expect(new Uint8Array(await result.body.arrayBuffer())).toEqual(bytes);
    expect(await result.body.text()).toBe(result.text);
  });

  it('sends conditional headers and reports 304 as not modified', async () => {
    let seen: Record<string, string> = {};
    const result = await download(URL_, {
      etag: '"v1"',
      lastModified: 'yesterday',
      fetchImpl: fakeFetch((_, init) => {
        seen = init.headers as Record<string, string>;
        return new Response(null, { status: 304 });
      }),
    });
    expect(seen['if-none-match']).toBe('"v1"');
    expect(seen['if-modified-since']).toBe('yesterday');
    expect(result.notModified).toBe(true);
  });

  it.each([404, 500])('reports HTTP %i with the status', async (status) => {
    const error = await failure(download(URL_, { fetchImpl: fakeFetch(() => new Response('nope', { status })) }));
    expect(error.code).toBe('http');
    expect(error.message).toContain(String(status));
  });

  it('gives up after the time limit', async () => {
    const fetchImpl = fakeFetch((_, init) => new Promise<Response>((_, reject) => init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))));
    const error = await failure(download(URL_, { fetchImpl, timeoutMs: 50 }));
    expect(error.code).toBe('timeout');
  });

  it('refuses a body over the cap, declared or counted while streaming', async () => {
    const declared = await failure(download(URL_, { maxBytes: 10, fetchImpl: fakeFetch(() => new Response('x'.repeat(20), { headers: { 'content-length': '20' } })) }));
    expect(declared.code).toBe('too-large');
    const chunks = Array.from({ length: 5 }, () => new Uint8Array(8).fill(65));
    const streamed = await failure(download(URL_, { maxBytes: 30, fetchImpl: fakeFetch(() => new Response(streamOf(chunks))) }));
    expect(streamed.code).toBe('too-large');
  });

  it('reports a body cut short', async () => {
    const chunks = [new TextEncoder().encode('{"format":')];
    const error = await failure(download(URL_, { fetchImpl: fakeFetch(() => new Response(streamOf(chunks, true))) }));
    expect(error.code).toBe('truncated');
  });

  it('reports a cancelled download as the cancel reason', async () => {
    const controller = new AbortController();
    const fetchImpl = fakeFetch((_, init) => new Promise<Response>((_, reject) => init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))));
    const pending = failure(download(URL_, { fetchImpl, signal: controller.signal }));
    controller.abort(Object.assign(new Error('stop'), { code: 'cancelled' }));
    expect((await pending).code).toBe('cancelled');
  });
});
