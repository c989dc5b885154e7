import type { Dataset } from '../dataset/schema';
import type { Registry } from '../registry/schema';
import type { SyncSource } from '../messages';
import type { GenerationRow, SourceKind } from '../store/db';
import { SyncError } from './errors';
import { checkSyncUrl, download } from './fetch';
import { checkFiles, type UserFile } from './files';
import type { SyncStage } from './protocol';

/**
 * Turns a sync source into a validated dataset. The knowledge-base functions come in through
 * `KnowledgeBase` so that tests can make any one of them fail, and so this file does not care
 * whether the bundled corpus was imported by Vite or read from disk.
 */

export interface KnowledgeBase {
  bundledDocuments(): UserFile[];
  bundledRegistry(): Registry;
  buildDataset(input: { documents: UserFile[]; registry: Registry; source: string }): Dataset;
  parseDataset(text: string, origin: string): Dataset;
  buildSearchIndex(dataset: Dataset): string;
}

export interface SourceContext {
  kb: KnowledgeBase;
  signal: AbortSignal;
  progress(stage: SyncStage, done: number, total: number): void;
  /** The active generation, for conditional requests and the "unchanged" check. */
  active?: GenerationRow;
  fetchImpl?: typeof fetch;
  hasHostPermission?(url: URL): Promise<boolean>;
  /**
   * Set for syncs the user did not start right now (the schedule): they run only while the host
   * permission is held, so a schedule can never make the worker read a host the user has not
   * allowed, even one whose server lets any origin read it.
   */
  requirePermission?: boolean;
  timeoutMs?: number;
  maxBytes?: number;
}

export type Resolved =
  | { unchanged: true }
  | { unchanged: false; dataset: Dataset; sourceKind: SourceKind; http?: GenerationRow['http'] };

export const BUNDLED_LABEL = 'bundled seed corpus';

export function describeSource(source: SyncSource): string {
  if (source.kind === 'bundled') return BUNDLED_LABEL;
  if (source.kind === 'url') return source.url;
  return source.files.length === 1 ? source.files[0].name : `${source.files.length} files`;
}

function build(ctx: SourceContext, extra: UserFile[], label: string): Dataset {
  ctx.progress('build', 0, 1);
  const documents = [...ctx.kb.bundledDocuments(), ...extra];
  const dataset = ctx.kb.buildDataset({ documents, registry: ctx.kb.bundledRegistry(), source: label });
  ctx.progress('build', 1, 1);
  return dataset;
}

/** Parses dataset JSON text, telling an HTML page and a cut-off download apart from bad JSON. */
function parseText(ctx: SourceContext, text: string, origin: string): Dataset {
  ctx.progress('parse', 0, 1);
  const start = text.trimStart();
  if (start.startsWith('<')) throw new SyncError('not-json', 'This is a web page (HTML), not a dataset file.', origin);
  if (start === '') throw new SyncError('empty-file', 'The dataset is empty.', origin);
  if (!start.startsWith('{')) throw new SyncError('not-json', 'This is not a dataset file: it does not contain JSON.', origin);
  const end = text.trimEnd();
  if (!end.endsWith('}')) throw new SyncError('truncated', 'The dataset is cut off before its end.', origin);
  const dataset = ctx.kb.parseDataset(text, origin);
  ctx.progress('parse', 1, 1);
  return { ...dataset, meta: { ...dataset.meta, source: origin } };
}

async function fromUrl(ctx: SourceContext, raw: string): Promise<Resolved> {
  const url = checkSyncUrl(raw);
  const permitted = ctx.hasHostPermission ? await ctx.hasHostPermission(url) : !ctx.requirePermission;
  if (!permitted && ctx.requirePermission) {
    throw new SyncError(
      'permission',
      `The scheduled sync from ${url.host} did not run: Company Lens is not allowed to read from it. Sync from this address once and allow access when asked.`,
      url.href,
    );
  }
  const previous = ctx.active?.http?.url === url.href ? ctx.active.http : undefined;
  ctx.progress('fetch', 0, 0);
  let result;
  try {
    result = await download(url.href, {
      signal: ctx.signal,
      timeoutMs: ctx.timeoutMs,
      maxBytes: ctx.maxBytes,
      etag: previous?.etag,
      lastModified: previous?.lastModified,
      fetchImpl: ctx.fetchImpl,
      onProgress: (done, total) => ctx.progress('fetch', done, total),
    });
  } catch (error) {
    // Without host permission a server that does not allow other origins looks unreachable.
    if (!permitted && error instanceof SyncError && error.code === 'network') {
      throw new SyncError(
        'permission',
        `Could not read from ${url.host}: either the server is unreachable or Company Lens may not read from it. Check the address, sync again and allow access when asked.`,
        error.detail,
      );
    }
    throw error;
  }
  if (result.notModified) return { unchanged: true };
  const dataset = parseText(ctx, result.text, url.href);
  return { unchanged: false, dataset, sourceKind: 'url', http: { url: url.href, etag: result.etag, lastModified: result.lastModified } };
}

export async function resolveSource(source: SyncSource, ctx: SourceContext): Promise<Resolved> {
  if (source.kind === 'url') return fromUrl(ctx, source.url);
  if (source.kind === 'bundled') {
    ctx.progress('fetch', 1, 1);
    const dataset = build(ctx, [], BUNDLED_LABEL);
    // The build is deterministic, so the same hash means the same dataset: nothing to write.
    const same = ctx.active?.sourceKind === 'bundled' && ctx.active.meta.contentHash === dataset.meta.contentHash;
    return same ? { unchanged: true } : { unchanged: false, dataset, sourceKind: 'bundled' };
  }
  ctx.progress('fetch', 0, source.files.length);
  const checked = checkFiles(source.files);
  ctx.progress('fetch', source.files.length, source.files.length);
  if (checked.kind === 'dataset') {
    return { unchanged: false, dataset: parseText(ctx, checked.file.text, checked.file.name), sourceKind: 'files' };
  }
  const label = `${BUNDLED_LABEL} + ${describeSource(source)}`;
  return { unchanged: false, dataset: build(ctx, checked.documents, label), sourceKind: 'files' };
}
