import { BackupPanel } from './BackupPanel';
import { LibraryPanel } from './LibraryPanel';
import { CorrectionsCard } from './CorrectionsCard';
import { SyncOutcome } from './SyncOutcome';
import { SettingsPanel } from './SettingsPanel';
import { SourcePanel } from './SourcePanel';
import { StatusCard } from './StatusCard';
import { SyncHistory } from './SyncHistory';
import { SyncProgress } from './SyncProgress';
import { useDatasetSync } from './useDatasetSync';

/** The options page: dataset status and sync, history, backup, and the detection settings. */
export function OptionsPage() {
  const sync = useDatasetSync();
  const busy = sync.progress !== null;
  return (
    <main class="cl-options">
      <header>
        <h1>Company Lens</h1>
        <p class="cl-muted">Everything stays in this browser: the dataset, your stars and notes, your settings.</p>
      </header>
      <StatusCard status={sync.status} loading={sync.loading} building={busy} />
      <SourcePanel busy={busy} start={sync.start} fail={sync.fail} />
      <section class="cl-card cl-sync-state" aria-label="Sync progress and outcome">
        <SyncProgress progress={sync.progress} onCancel={sync.cancel} />
        {!busy && <SyncOutcome result={sync.last} />}
        {!busy && !sync.last && <p class="cl-muted">No sync running.</p>}
      </section>
      <LibraryPanel version={sync.status.version} busy={busy} onResult={sync.show} />
      <CorrectionsCard version={sync.status.version} busy={busy} />
      <SyncHistory history={sync.history} />
      <SettingsPanel />
      <BackupPanel />
    </main>
  );
}
