import { useState } from 'preact/hooks';
import { sendMessage } from '../../lib/protocol/send';
import { exportDataset } from '../../lib/store/export';
import { exportUserData, importUserData } from '../../lib/store/backup';
import { saveText } from './format';
import { importFileOf } from '../../lib/library/articles';

const stamp = () => new Date().toISOString().slice(0, 10);

/**
 * Export the dataset, and back up or restore the user's own data (stars, notes, recent views,
 * library, settings). Restoring adds the backup's library articles and rebuilds the knowledge
 * with them; the rest of the dataset is not touched.
 */
export function BackupPanel() {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const run = async (work: () => Promise<string>) => {
    try {
      setMessage({ ok: true, text: await work() });
    } catch (error) {
      setMessage({ ok: false, text: (error as Error).message });
    }
  };

  const exportData = () =>
    run(async () => {
      const text = await exportDataset();
      if (!text) return 'There is no dataset to export yet.';
      saveText(`company-lens-dataset-${stamp()}.json`, text);
      return 'Dataset exported.';
    });

  const backup = () =>
    run(async () => {
      saveText(`company-lens-backup-${stamp()}.json`, await exportUserData());
      return 'Backup saved.';
    });

  const restore = (input: HTMLInputElement) =>
    run(async () => {
      const file = input.files?.[0];
      input.value = '';
      if (!file) return '';
      const done = await importUserData(await file.text());
      // The library goes through an import: it adds what is missing and rebuilds the knowledge.
      const files = done.library.map(importFileOf);
      const imported = files.length > 0 ? await sendMessage({ type: 'dataset.sync', source: { kind: 'files', files } }) : undefined;
      const library = imported?.ok ? `, ${imported.report?.files.reduce((sum, f) => sum + f.articles, 0) ?? 0} library articles` : imported ? ` (the library could not be restored: ${imported.error.message})` : '';
      const corrected = done.corrections ? await sendMessage({ type: 'corrections.restore', corrections: done.corrections }) : undefined;
      const corrections = corrected?.ok ? `, ${done.corrections!.length} corrections` : corrected ? ` (your corrections could not be restored: ${corrected.error.message})` : '';
      return `Restored ${done.stars} starred companies, ${done.notes} notes${library}${corrections} and your settings.`;
    });

  return (
    <section class="cl-card" aria-labelledby="backup-title">
      <h2 id="backup-title">Export and backup</h2>
      <div class="cl-actions">
        <button type="button" onClick={exportData} data-testid="export-dataset">
          Export dataset (JSON)
        </button>
        <button type="button" onClick={backup} data-testid="export-backup">
          Back up my data
        </button>
        <label class="cl-button">
          Restore a backup…
          <input type="file" accept=".json,application/json" class="cl-visually-hidden" data-testid="import-backup" onChange={(e) => void restore(e.target as HTMLInputElement)} />
        </label>
      </div>
      <p aria-live="polite" class={message?.ok === false ? 'cl-error' : 'cl-muted'} data-testid="backup-message">
        {message?.text}
      </p>
    </section>
  );
}
