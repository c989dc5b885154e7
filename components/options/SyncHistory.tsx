import type { SyncLogRow, SyncOutcome } from '../../lib/store/db';
import { formatCount, formatTime } from './format';

const OUTCOMES: Record<SyncOutcome, string> = {
  running: 'Running',
  ok: 'Done',
  unchanged: 'Unchanged',
  error: 'Failed',
  cancelled: 'Cancelled',
  interrupted: 'Interrupted',
};

/** The last syncs with their outcome, newest first. */
export function SyncHistory({ history }: { history: SyncLogRow[] }) {
  return (
    <section class="cl-card" aria-labelledby="history-title">
      <h2 id="history-title">Recent syncs</h2>
      {history.length === 0 ? (
        <p class="cl-muted">No syncs yet.</p>
      ) : (
        <table class="cl-history" data-testid="history">
          <thead>
            <tr>
              <th scope="col">Started</th>
              <th scope="col">Source</th>
              <th scope="col">Outcome</th>
            </tr>
          </thead>
          <tbody>
            {history.map((row) => (
              <tr key={row.id} data-outcome={row.outcome}>
                <td>{formatTime(row.startedAt)}</td>
                <td class="cl-wrap">{row.source}</td>
                <td>
                  <span class={`cl-outcome cl-outcome-${row.outcome}`}>{OUTCOMES[row.outcome]}</span>
                  {row.error && <span class="cl-muted"> — {row.error.message}</span>}
                  {row.outcome === 'ok' && row.counts && <span class="cl-muted"> — {formatCount(row.counts.companies)} companies</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
