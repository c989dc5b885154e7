import { STAGE_LABELS } from '../../lib/sync/protocol';
import type { BuildProgress } from './useDatasetBuild';

/**
 * What every page shows while the first dataset is built, instead of an empty or missing state:
 * what is happening, the current stage, and that it all happens in this browser.
 */
export function BuildingNote({ progress, what }: { progress: BuildProgress | null; what: string }) {
  const stage = progress ? STAGE_LABELS[progress.stage] : 'Starting';
  const share = progress && progress.total > 0 ? progress.done / progress.total : undefined;
  return (
    <div class="cl-building" role="status" data-testid="building">
      <p>
        <strong>Building your dataset…</strong> {what}
      </p>
      <p class="cl-muted">
        {stage}. It is built from the bundled news corpus, in this browser; nothing is sent anywhere.
      </p>
      <progress aria-label="Dataset build" max={share === undefined ? undefined : 1} value={share} />
    </div>
  );
}
