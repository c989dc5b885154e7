import { useState } from 'preact/hooks';
import type { SyncSource } from '../../lib/messages';
import type { SyncErrorInfo } from '../../lib/sync/errors';
import { MAX_FILE_CHARS } from '../../lib/sync/files';

interface Props {
  busy: boolean;
  start(source: SyncSource): unknown;
  fail(error: SyncErrorInfo): void;
}

const MAX_TOTAL_BYTES = 50 * 1024 * 1024;

/**
 * The user's own files, dropped or picked. Sizes are checked before reading, because a huge file
 * would otherwise be read into memory and then copied into a message; the content checks
 * (empty, binary, mixed) are the background's, so they are the same for every way in.
 */
export function FileSource({ busy, start, fail }: Props) {
  const [over, setOver] = useState(false);

  const take = async (list: FileList | null | undefined) => {
    const files = [...(list ?? [])];
    if (files.length === 0) return;
    const huge = files.find((f) => f.size > MAX_FILE_CHARS);
    if (huge) {
      fail({ code: 'too-large', message: `"${huge.name}" is too large (the limit is ${MAX_FILE_CHARS / 1024 / 1024} MB per file).` });
      return;
    }
    if (files.reduce((sum, f) => sum + f.size, 0) > MAX_TOTAL_BYTES) {
      fail({ code: 'too-large', message: `These files are more than ${MAX_TOTAL_BYTES / 1024 / 1024} MB together. Import them in smaller groups.` });
      return;
    }
    const read = await Promise.all(files.map(async (f) => ({ name: f.name, text: await f.text() })));
    start({ kind: 'files', files: read });
  };

  return (
    <div class="cl-source" aria-labelledby="files-title">
      <h3 id="files-title">From your files</h3>
      <p class="cl-muted">Articles as .txt or .md (added to the bundled corpus), or one dataset .json.</p>
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
          if (!busy) void take(e.dataTransfer?.files);
        }}
      >
        <span>Drop files here, or choose them</span>
        <input
          type="file"
          multiple
          accept=".txt,.md,.markdown,.json,text/plain,text/markdown,application/json"
          disabled={busy}
          data-testid="file-input"
          onChange={(e) => {
            const input = e.target as HTMLInputElement;
            void take(input.files).finally(() => (input.value = ''));
          }}
        />
      </label>
    </div>
  );
}
