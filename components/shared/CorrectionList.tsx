import { useEffect, useState } from 'preact/hooks';
import { describeCorrection } from '../../lib/corrections/describe';
import type { Correction, StoredCorrection } from '../../lib/corrections/schema';
import { getDb } from '../../lib/store/db';
import { storedCorrections } from '../../lib/store/corrections';
import { undoCorrections } from './corrections';

/**
 * The user's corrections, newest first, each with its undo. `only` narrows the list (the profile
 * shows the corrections of its company); `reload` changes whenever the list may have changed.
 */
export function CorrectionList({ only, reload, busy, onChanged, empty }: { only?: (c: Correction) => boolean; reload: unknown; busy?: boolean; onChanged?(): void; empty: string }) {
  const [rows, setRows] = useState<StoredCorrection[] | null>(null);
  const [error, setError] = useState('');
  const [undoing, setUndoing] = useState<number | null>(null);
  const [undone, setUndone] = useState(0);
  useEffect(() => {
    storedCorrections(getDb()).then(
      (all) => setRows(all.filter((c) => !only || only(c)).reverse()),
      (e: unknown) => setError(`Your corrections could not be read: ${e instanceof Error ? e.message : String(e)}`),
    );
  }, [reload, undone]);

  const undo = async (id: number) => {
    setUndoing(id);
    setError('');
    const outcome = await undoCorrections([id]);
    setUndoing(null);
    if (!outcome.ok) return setError(`Could not undo: ${outcome.message}`);
    setUndone((n) => n + 1);
    onChanged?.();
  };

  if (error && rows === null) return <p class="cl-error" role="alert">{error}</p>;
  if (rows === null) return <p class="cl-muted">Loading…</p>;
  return (
    <>
      {rows.length === 0 ? (
        <p class="cl-muted" data-testid="corrections-empty">{empty}</p>
      ) : (
        <ul class="cl-correction-list" data-testid="corrections">
          {rows.map((c) => (
            <li key={c.id} data-testid="correction" data-kind={c.kind}>
              <span>{describeCorrection(c)}</span> <span class="cl-muted">· {new Date(c.createdAt).toLocaleDateString()}</span>{' '}
              <button type="button" class="cl-link" disabled={busy || undoing !== null} onClick={() => void undo(c.id)} aria-label={`Undo: ${describeCorrection(c)}`}>
                {undoing === c.id ? 'Undoing…' : 'Undo'}
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p class="cl-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
