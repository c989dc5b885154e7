import { useRef, useState } from 'preact/hooks';
import type { SyncSource } from '../../lib/messages';
import type { SyncErrorInfo } from '../../lib/sync/errors';
import { MAX_FILE_CHARS } from '../../lib/sync/files';
import { extensionOf, MAX_FILE_BYTES, readFiles } from '../../lib/library/files';
import { formatCount } from './format';

interface Props {
  busy: boolean;
  start(source: SyncSource): unknown;
  fail(error: SyncErrorInfo): void;
}

const MAX_TOTAL_BYTES = 200 * 1024 * 1024;
const parseHtml = (html: string) => new DOMParser().parseFromString(html, 'text/html');

/**
 * The user's own files, dropped or picked, added to their library. Files are read here as bytes
 * with the same decoder and reader-mode extraction as the CLI (lib/library/files.ts), because
 * this page has a DOM for .html files; the background receives text and builds the knowledge.
 * A dataset .json is read as it is and replaces the synced dataset.
 */
export function FileSource({ busy, start, fail }: Props) {
  const [over, setOver] = useState(false);
  const [reading, setReading] = useState<{ done: number; total: number } | null>(null);
  const cancelRead = useRef<AbortController | null>(null);

  const take = async (list: FileList | null | undefined) => {
    const files = [...(list ?? [])];
    if (files.length === 0) return;
    if (files.reduce((sum, f) => sum + f.size, 0) > MAX_TOTAL_BYTES) {
      fail({ code: 'too-large', message: `These files are more than ${MAX_TOTAL_BYTES / 1024 / 1024} MB together. Import them in smaller groups.` });
      return;
    }
    if (files.some((f) => extensionOf(f.name) === 'json')) {
      const huge = files.find((f) => f.size > MAX_FILE_CHARS);
      if (huge) return fail({ code: 'too-large', message: `"${huge.name}" is too large (the limit is ${MAX_FILE_CHARS / 1024 / 1024} MB per file).` });
      start({ kind: 'files', files: await Promise.all(files.map(async (f) => ({ name: f.name, text: await f.text() }))) });
      return;
    }
    const controller = new AbortController();
    cancelRead.current = controller;
    setReading({ done: 0, total: files.length });
    try {
      // A file too large is refused by name without being read into memory; zips are checked by
      // what they expand to.
      const refusedBySize = files.filter((f) => extensionOf(f.name) !== 'zip' && f.size > MAX_FILE_BYTES);
      const inputs = await Promise.all(files.filter((f) => !refusedBySize.includes(f)).map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
      const read = await readFiles(inputs, parseHtml, (done, total) => setReading({ done, total }), controller.signal);
      const refused = [...refusedBySize.map((f) => ({ name: f.name, reason: `is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`, code: 'too-large' as const })), ...read.refused];
      setReading(null);
      start({ kind: 'files', files: read.documents, refused });
    } catch (error) {
      setReading(null);
      if (!controller.signal.aborted) fail({ code: 'internal', message: `The files could not be read: ${(error as Error).message}` });
    } finally {
      cancelRead.current = null;
    }
  };

  return (
    <div class="cl-source" aria-labelledby="files-title">
      <h3 id="files-title">Add to your library</h3>
      <p class="cl-muted">Articles as .txt, .md or .html files, or a .zip of them, are added to your library and kept through every sync. Or one dataset .json.</p>
      <label
        class={`cl-drop${over ? ' cl-drop-over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          if (!busy && !reading) void take(e.dataTransfer?.files);
        }}
      >
        <span>Drop files here, or choose them</span>
        <input
          type="file"
          multiple
          accept=".txt,.md,.markdown,.html,.htm,.zip,.json,text/plain,text/markdown,text/html,application/zip,application/json"
          disabled={busy || reading !== null}
          data-testid="file-input"
          onChange={(e) => {
            const input = e.target as HTMLInputElement;
            void take(input.files).finally(() => (input.value = ''));
          }}
        />
      </label>
      {reading && (
        <div class="cl-progress" data-testid="reading">
          <p role="status" aria-live="polite">
            Reading your files — {formatCount(reading.done)} of {formatCount(reading.total)}
          </p>
          <progress aria-label="Reading progress" max={reading.total} value={reading.done} />
          <button type="button" onClick={() => cancelRead.current?.abort()} data-testid="cancel-reading">
            Cancel
          </button>
        </div>
      )}
    </div>
  );
}
