import { useRef } from 'preact/hooks';
import { STAGE_LABELS, SYNC_STAGES, type ProgressEvent, type SyncStage } from '../../lib/sync/protocol';
import { formatCount } from './format';

type Progress = Extract<ProgressEvent, { kind: 'progress' }>;

/**
 * The running sync: which stage, how far, and a cancel button. The status line is a polite live
 * region so screen readers hear stage changes without being flooded by every batch.
 */
export function SyncProgress({ progress, onCancel }: { progress: Progress | null; onCancel(): void }) {
  const furthest = useFurthestStage(progress);
  const shown = furthest ?? progress?.stage;
  // A report of an earlier stage (saving goes on while the indexes are prepared) moves the bar
  // but not the label: the stages shown only move forward.
  const own = progress && shown === progress.stage && progress.total > 0 ? progress : null;
  return (
    <div class="cl-progress" hidden={!progress} data-testid="progress">
      <p aria-live="polite" role="status" data-testid="progress-stage">
        {progress && shown ? `${STAGE_LABELS[shown]}${own ? ` — ${formatCount(own.done)} of ${formatCount(own.total)}` : ''}` : ''}
      </p>
      {progress && (
        <>
          <progress
            aria-label="Sync progress"
            max={own ? own.total : undefined}
            value={own ? own.done : undefined}
          />
          <ol class="cl-stages" aria-label="Stages">
            {SYNC_STAGES.map((stage) => {
              const at = SYNC_STAGES.indexOf(shown ?? progress.stage);
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

/** The furthest stage the running sync has reported (one sync is one `startedAt`). */
function useFurthestStage(progress: Progress | null): SyncStage | null {
  const seen = useRef<{ startedAt: number; stage: SyncStage } | null>(null);
  if (!progress) return (seen.current = null);
  const last = seen.current;
  if (!last || last.startedAt !== progress.startedAt || SYNC_STAGES.indexOf(progress.stage) > SYNC_STAGES.indexOf(last.stage)) {
    seen.current = { startedAt: progress.startedAt, stage: progress.stage };
  }
  return seen.current!.stage;
}
