import type { SyncSource } from '../../lib/messages';
import type { SyncErrorInfo } from '../../lib/sync/errors';
import { FileSource } from './FileSource';
import { UrlSource } from './UrlSource';

interface Props {
  busy: boolean;
  start(source: SyncSource): unknown;
  fail(error: SyncErrorInfo): void;
}

/** The three places a dataset can come from. Buttons are disabled while a sync runs. */
export function SourcePanel({ busy, start, fail }: Props) {
  return (
    <section class="cl-card" aria-labelledby="sources-title">
      <h2 id="sources-title">Sync</h2>
      <div class="cl-source">
        <h3 id="bundled-title">Bundled corpus</h3>
        <p class="cl-muted">Rebuild the knowledge base from the articles that come with Company Lens.</p>
        <button type="button" disabled={busy} onClick={() => start({ kind: 'bundled' })} data-testid="sync-bundled" aria-describedby="bundled-title">
          Rebuild from the bundled corpus
        </button>
      </div>
      <UrlSource busy={busy} start={start} fail={fail} />
      <FileSource busy={busy} start={start} fail={fail} />
    </section>
  );
}
