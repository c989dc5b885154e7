import type { SyncResult } from '../../lib/sync/protocol';
import { formatCount } from './format';
import { ImportReport } from './ImportReport';

/**
 * The outcome of the latest sync. Errors are in plain words with the technical detail folded
 * away; every failure repeats that the previous dataset is still in use, because that is what a
 * user worries about first.
 */
export function SyncOutcome({ result }: { result: SyncResult | null }) {
  if (!result) return null;
  if (result.ok && result.report) {
    return (
      <div class="cl-ok" role="status" data-testid="sync-ok">
        <ImportReport report={result.report} />
        <p>
          Knowledge base: {formatCount(result.status.companies)} companies, {formatCount(result.status.articles)} articles.
        </p>
      </div>
    );
  }
  if (result.ok) {
    const text =
      result.outcome === 'unchanged'
        ? 'Already up to date: the source has not changed.'
        : `Synced: ${formatCount(result.status.companies)} companies, ${formatCount(result.status.articles)} articles.`;
    return (
      <p class="cl-ok" role="status" data-testid="sync-ok">
        {text}
      </p>
    );
  }
  const { error } = result;
  // A cancel is the user's own choice, not a failure.
  if (error.code === 'cancelled')
    return (
      <p class="cl-muted" role="status" data-testid="sync-cancelled" data-code={error.code}>
        Sync cancelled.{result.status.version ? ' Company Lens keeps using the previous dataset.' : ''}
      </p>
    );
  return (
    <div class="cl-error" role="alert" data-testid="sync-error" data-code={error.code}>
      <p>
        <strong>The sync failed.</strong> {error.message}
      </p>
      {result.status.version && <p class="cl-muted">Company Lens keeps using the previous dataset.</p>}
      {error.detail && (
        <details>
          <summary>Details</summary>
          <p>
            <code>{error.code}</code>: {error.detail}
          </p>
        </details>
      )}
    </div>
  );
}
