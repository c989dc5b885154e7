import type { DatasetStatus } from '../../lib/store/read';
import { formatCount, formatTime } from './format';

/** What the extension knows right now: counts, where it came from and when, in plain words. */
export function StatusCard({ status, loading, building }: { status: DatasetStatus; loading: boolean; building: boolean }) {
  if (loading) return <section class="cl-card" aria-busy="true"><p class="cl-muted">Reading the dataset…</p></section>;
  if (!status.version) {
    return (
      <section class="cl-card" aria-labelledby="status-title" aria-busy={building}>
        <h2 id="status-title">Dataset</h2>
        {building ? (
          <p data-testid="status-building">Building your dataset… Its progress is shown below.</p>
        ) : (
          <p data-testid="status-empty">No dataset yet. Sync one below; the bundled corpus is a good start.</p>
        )}
      </section>
    );
  }
  const counts: [string, number][] = [
    ['Companies', status.companies],
    ['Articles', status.articles],
    ['Facts', status.facts],
    ['People', status.people],
  ];
  return (
    <section class="cl-card" aria-labelledby="status-title" data-testid="status">
      <h2 id="status-title">Dataset</h2>
      <dl class="cl-counts">
        {counts.map(([label, n]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd data-testid={`count-${label.toLowerCase()}`}>{formatCount(n)}</dd>
          </div>
        ))}
      </dl>
      <dl class="cl-facts">
        <dt>Source</dt>
        <dd data-testid="status-source">{status.source}</dd>
        <dt>Synced</dt>
        <dd>{formatTime(status.syncedAt)}</dd>
      </dl>
    </section>
  );
}
