import { STAGE_LABELS, SYNC_STAGES, type ProgressEvent } from '../../lib/sync/protocol';
import { formatCount } from './format';

type Progress = Extract<ProgressEvent, { kind: 'progress' }>;

/**
 * The running sync: which stage, how far, and a cancel button. The status line is a polite live
 * region so screen readers hear stage changes without being flooded by every batch.
 */
export function SyncProgress({ progress, onCancel }: { progress: Progress | null; onCancel(): void }) {
  return (
    <div class="cl-progress" hidden={!progress} data-testid="progress">
      <p aria-live="polite" role="status" data-testid="progress-stage">
        {progress ? `${STAGE_LABELS[progress.stage]}${progress.total > 0 ? ` — ${formatCount(progress.done)} of ${formatCount(progress.total)}` : ''}` : ''}
      </p>
      {progress && (
        <>
          <progress
            aria-label="Sync progress"
            max={progress.total > 0 ? progress.total : undefined}
            value={progress.total > 0 ? progress.done : undefined}
          />
          <ol class="cl-stages" aria-label="Stages">
            {SYNC_STAGES.map((stage) => {
              const at = SYNC_STAGES.indexOf(progress.stage);
              const mine = SYNC_STAGES.indexOf(stage);
              const state = mine < at ? 'done' : mine === at ? 'current' : 'todo';
              return (
                <li key={stage} class={`cl-stage-${state}`} aria-current={state === 'current' ? 'step' : undefined}>
                  {STAGE_LABELS[stage]}
                </li>
              );
            })}
          </ol>
          <button type="button" onClick={onCancel} data-testid="cancel">
            Cancel sync
          </button>
        </>
      )}
    </div>
  );
}
