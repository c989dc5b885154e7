import { SyncError } from './errors';

/**
 * Downloads a dataset from a URL with the limits a background worker needs: HTTPS only (plain
 * http for this machine, for local testing), a time limit, a size cap counted while streaming
 * (a server can lie about or omit Content-Length), and conditional requests so an unchanged
 * dataset is not downloaded again.
 */

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export interface DownloadOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  maxBytes?: number;
  etag?: string;
  lastModified?: string;
  fetchImpl?: typeof fetch;
  onProgress?: (done: number, total: number) => void;
}

export type Download =
  | { notModified: true }
  /**
   * `body` holds the bytes as they arrived (after any content encoding), for keeping the dataset
   * as a Blob: made from the bytes, a Blob of a 40 MB dataset took a fifth of the time it took from
   * the decoded text, which had to be encoded to UTF-8 again on the worker's thread.
   */
  | { notModified: false; text: string; body: Blob; etag?: string; lastModified?: string; contentType: string };

/** Checks a user-typed address; returns the parsed URL or throws 'bad-url'. */
export function checkSyncUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new SyncError('bad-url', `"${raw}" is not a web address.`);
  }
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname)) return url;
  throw new SyncError('bad-url', 'Use an https:// address. Plain http:// is only allowed for localhost and 127.0.0.1.', url.href);
}

/** The origin pattern to ask host permission for (ports are not part of match patterns). */
export function permissionPattern(url: URL): string {
  return `${url.protocol}//${url.hostname}/*`;
}

function mb(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}

export async function download(raw: string, options: DownloadOptions = {}): Promise<Download> {
  const url = checkSyncUrl(raw);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const controller = new AbortController();
  const timeoutError = new SyncError('timeout', `The server did not send the dataset within ${Math.round(timeoutMs / 1000)} seconds.`, url.href);
  const timer = setTimeout(() => controller.abort(timeoutError), timeoutMs);
  const onAbort = () => controller.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', onAbort, { once: true });
  // Whatever aborted the request is the real error; the fetch's own AbortError says less.
  const reason = (fallback: SyncError) => (controller.signal.aborted ? controller.signal.reason : fallback);
  try {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.etag) headers['if-none-match'] = options.etag;
    if (options.lastModified) headers['if-modified-since'] = options.lastModified;
    let response: Response;
    try {
      response = await (options.fetchImpl ?? fetch)(url.href, { headers, signal: controller.signal, cache: 'no-store', credentials: 'omit', redirect: 'follow' });
    } catch (error) {
      throw reason(new SyncError('network', `Could not reach ${url.host}. Check the address and your connection.`, String(error)));
    }
    if (response.status === 304) return { notModified: true };
    if (!response.ok) {
      throw new SyncError('http', `The server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''} instead of the dataset.`, url.href);
    }
    const contentType = response.headers.get('content-type') ?? '';
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (declared > maxBytes) throw new SyncError('too-large', `The dataset is ${mb(declared)}, more than the ${mb(maxBytes)} limit.`, url.href);
    const { text, body, bytes } = await readCapped(response, maxBytes, Number.isFinite(declared) ? declared : 0, options.onProgress, reason);
    // With a content encoding, Content-Length counts compressed bytes, so only plain bodies compare.
    if (declared > bytes && !response.headers.get('content-encoding')) {
      throw new SyncError('truncated', 'The download stopped before the end of the dataset.', url.href);
    }
    return {
      notModified: false,
      text,
      body,
      contentType,
      etag: response.headers.get('etag') ?? undefined,
      lastModified: response.headers.get('last-modified') ?? undefined,
    };
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}

async function readCapped(
  response: Response,
  maxBytes: number,
  total: number,
  onProgress: DownloadOptions['onProgress'],
  reason: (fallback: SyncError) => unknown,
): Promise<{ text: string; body: Blob; bytes: number }> {
  if (!response.body) return { text: '', body: new Blob([]), bytes: 0 };
  const reader = response.body.getReader();
  const decoder = new TextDecoder('utf-8');
  const parts: string[] = [];
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let bytes = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      if (bytes > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw new SyncError('too-large', `The dataset is larger than the ${mb(maxBytes)} limit.`);
      }
      parts.push(decoder.decode(value, { stream: true }));
      chunks.push(value);
      onProgress?.(bytes, total);
    }
  } catch (error) {
    if (error instanceof SyncError) throw error;
    throw reason(new SyncError('truncated', 'The download stopped before the end of the dataset.', String(error)));
  }
  parts.push(decoder.decode());
  return { text: parts.join(''), body: new Blob(chunks), bytes };
}
