import type { Dataset } from '../dataset/schema';
import type { Registry } from '../registry/schema';
import type { SyncSource } from '../messages';
import type { GenerationRow, LibraryRow, SourceKind } from '../store/db';
import type { Article } from '../dataset/schema';
import type { BuildProgress } from '../dataset/build';
import { articleOf } from '../library/articles';
import { prepareImport, type PreparedImport } from '../library/import';
import { joinDatasets, registryOf } from '../library/merge';
import { SyncError } from './errors';
import { correctedHash } from '../corrections/apply';
import type { Correction } from '../corrections/schema';
import type { CorrectionChange } from '../store/corrections';
import { checkSyncUrl, download } from './fetch';
import { byStoreOrder } from '../store/library';
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
  /** With `pause`, the build may run in steps, calling it between them (lib/dataset/build.ts). */
  buildDataset(input: { documents: UserFile[]; articles?: Article[]; registry: Registry; source: string; corrections?: readonly Correction[]; pause?: (progress: BuildProgress) => Promise<void> }): Dataset | Promise<Dataset>;
  /** The content hash buildDataset would record for these inputs (lib/dataset/build.ts), when known. */
  buildHash?(input: { documents: UserFile[]; articles?: Article[]; registry: Registry }): string;
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
  /** The user's library as it stands: built into every dataset, whatever the source. */
  library: LibraryRow[];
  /** The active generation's synced dataset text, when it has one (see ArtifactRow 'base'). */
  readBase?(): Promise<string | undefined>;
  /**
   * The user's corrections the new dataset will be given (lib/corrections): they count in the
   * "unchanged" check, as the stored dataset has them applied.
   */
  corrections?: readonly Correction[];
}

/**
 * A sync job: a source the user chose, a change to the library (removing articles), or a change
 * to the user's corrections (the dataset is built again over the same source with them).
 */
export type SyncJob = SyncSource | { kind: 'library'; remove: string[] } | ({ kind: 'corrections' } & CorrectionChange);

export type Resolved =
  | { unchanged: true; prepared?: PreparedImport }
  | { unchanged: false; dataset: Dataset; sourceKind: SourceKind; http?: GenerationRow['http']; base?: Blob; prepared?: PreparedImport; remove?: string[] };

type Built = { dataset: Dataset; sourceKind: SourceKind; base?: Blob };

export const BUNDLED_LABEL = 'bundled seed corpus';

export function describeSource(source: SyncJob): string {
  if (source.kind === 'bundled') return BUNDLED_LABEL;
  if (source.kind === 'url') return source.url;
  if (source.kind === 'library') return `removing ${source.remove.length} article${source.remove.length === 1 ? '' : 's'} from your library`;
  if (source.kind === 'corrections') return source.replace ? 'restoring your corrections' : source.undo?.length ? 'undoing your correction' : 'applying your correction';
  // The history names what was synced: a few file names, then how many more.
  const names = [...source.files, ...(source.refused ?? [])].map((f) => f.name);
  return names.length <= 3 ? names.join(', ') : `${names.slice(0, 2).join(', ')} and ${names.length - 2} more files`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const withLibraryLabel = (label: string, library: readonly LibraryRow[]) => (library.length > 0 ? `${label} + your library (${plural(library.length, 'article')})` : label);

/** Work done between two pauses of a build, so a cancel is heard within about this long. */
const BUILD_SLICE_MS = 200;

/** Reports a build's progress and lets messages (a cancel) in every BUILD_SLICE_MS of work. */
function pauses(ctx: SourceContext): (progress: BuildProgress) => Promise<void> {
  let last = performance.now();
  return async ({ done, total }) => {
    ctx.progress('build', done, total);
    if (performance.now() - last < BUILD_SLICE_MS) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
    last = performance.now();
    if (ctx.signal.aborted) throw ctx.signal.reason;
  };
}

/** The bundled corpus and the library, built together so evidence in one counts in the other. */
async function build(ctx: SourceContext, library: readonly LibraryRow[]): Promise<Dataset> {
  ctx.progress('build', 0, 1);
  const dataset = await ctx.kb.buildDataset({ documents: ctx.kb.bundledDocuments(), articles: library.map(articleOf), registry: ctx.kb.bundledRegistry(), source: withLibraryLabel(BUNDLED_LABEL, library), corrections: ctx.corrections, pause: pauses(ctx) });
  ctx.progress('build', 1, 1);
  return dataset;
}

/** A synced dataset with the library joined in, and its text kept for the next library change. */
async function overSynced(ctx: SourceContext, text: string, origin: string, sourceKind: SourceKind, library: readonly LibraryRow[], body?: Blob): Promise<Built> {
  const synced = parseText(ctx, text, origin);
  // A downloaded dataset is kept as the bytes that came (`body`), which reads back as the same text.
  const base = body ?? new Blob([text]);
  if (library.length === 0) return { dataset: synced, sourceKind, base };
  ctx.progress('build', 0, 1);
  const own = await ctx.kb.buildDataset({ documents: [], articles: library.map(articleOf), registry: registryOf(synced.companies), source: '', corrections: ctx.corrections, pause: pauses(ctx) });
  const dataset = joinDatasets(synced, own, withLibraryLabel(synced.meta.source, library));
  ctx.progress('build', 1, 1);
  return { dataset, sourceKind, base };
}


/** The dataset for a changed library, over the source the user synced last. */
async function rebuild(ctx: SourceContext, changed: readonly LibraryRow[]): Promise<Built> {
  // In the order the store reads the library back (lib/store/library.ts), so a dataset built
  // right after an import equals the one the next change builds, and that change stays small.
  const library = [...changed].sort(byStoreOrder);
  const active = ctx.active;
  if (!active || active.sourceKind === 'bundled') return { dataset: await build(ctx, library), sourceKind: 'bundled' };
  const text = await ctx.readBase?.();
  if (text === undefined) {
    throw new SyncError('unsupported-file', 'The synced dataset was stored by an earlier version without its original: sync it again, then change your library.');
  }
  // The origin of the synced dataset, without the library part of the label.
  return overSynced(ctx, text, active.http?.url ?? active.meta.source.replace(/ \+ your library \(.*\)$/, ''), active.sourceKind, library);
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
  return { unchanged: false, ...(await overSynced(ctx, result.text, url.href, 'url', ctx.library, result.body)), http: { url: url.href, etag: result.etag, lastModified: result.lastModified } };
}

export async function resolveSource(source: SyncJob, ctx: SourceContext): Promise<Resolved> {
  if (source.kind === 'url') return fromUrl(ctx, source.url);
  if (source.kind === 'bundled') {
    ctx.progress('fetch', 1, 1);
    // The inputs' hash answers "unchanged" before seconds of building (the build is deterministic).
    const activeBundled = ctx.active?.sourceKind === 'bundled' ? ctx.active.meta.contentHash : undefined;
    const articles = ctx.library.map(articleOf);
    const corrected = (hash: string | undefined) => hash && correctedHash(hash, ctx.corrections ?? []);
    if (activeBundled && corrected(ctx.kb.buildHash?.({ documents: ctx.kb.bundledDocuments(), articles, registry: ctx.kb.bundledRegistry() })) === activeBundled) return { unchanged: true };
    const dataset = await build(ctx, ctx.library);
    // The build is deterministic, so the same hash means the same dataset: nothing to write.
    const same = ctx.active?.sourceKind === 'bundled' && ctx.active.meta.contentHash === corrected(dataset.meta.contentHash);
    return same ? { unchanged: true } : { unchanged: false, dataset, sourceKind: 'bundled' };
  }
  if (source.kind === 'corrections') return { unchanged: false, ...(await rebuild(ctx, ctx.library)), http: ctx.active?.http };
  if (source.kind === 'library') {
    const removed = new Set(source.remove);
    const library = ctx.library.filter((row) => !removed.has(row.id));
    if (library.length === ctx.library.length) return { unchanged: true };
    return { unchanged: false, ...(await rebuild(ctx, library)), http: ctx.active?.http, remove: source.remove };
  }
  ctx.progress('fetch', 0, source.files.length);
  const checked = checkFiles(source.files, source.refused);
  ctx.progress('fetch', source.files.length, source.files.length);
  if (checked.kind === 'dataset') {
    return { unchanged: false, ...(await overSynced(ctx, checked.file.text, checked.file.name, 'files', ctx.library)) };
  }
  const prepared = prepareImport(checked.documents, checked.refused, new Set(ctx.library.map((row) => row.id)), Date.now());
  if (prepared.change.add.length === 0) return { unchanged: true, prepared };
  return { unchanged: false, ...(await rebuild(ctx, [...ctx.library, ...prepared.change.add])), http: ctx.active?.http, prepared };
}
