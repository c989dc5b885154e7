import { useEffect, useRef, useState } from 'preact/hooks';
import { setNote, starCompany } from '../../lib/store/user';

/** Saving waits for a pause in typing, so a note is not rewritten on every keystroke. */
const SAVE_DELAY_MS = 400;

type SaveState = 'idle' | 'pending' | 'saved' | 'error';

/** The user's star and private note; both are kept apart from the dataset and survive syncs. */
export function UserData({ companyId, starred: initialStar, note: initialNote, onChange }: { companyId: string; starred: boolean; note: string; onChange(starred: boolean, note: string): void }) {
  const [starred, setStarred] = useState(initialStar);
  const [note, setNoteText] = useState(initialNote);
  const [save, setSave] = useState<SaveState>('idle');
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const latest = useRef(initialNote);

  const flush = () => {
    if (timer.current === undefined) return;
    clearTimeout(timer.current);
    timer.current = undefined;
    setNote(companyId, latest.current).then(
      () => setSave('saved'),
      () => setSave('error'),
    );
  };
  // Leaving the page must not drop the last keystrokes still waiting for the timer.
  useEffect(() => {
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [companyId]);

  const toggleStar = () => {
    const next = !starred;
    setStarred(next);
    onChange(next, latest.current);
    starCompany(companyId, next).catch(() => setStarred(!next));
  };
  const onInput = (text: string) => {
    setNoteText(text);
    latest.current = text;
    onChange(starred, text);
    setSave('pending');
    clearTimeout(timer.current);
    timer.current = setTimeout(flush, SAVE_DELAY_MS);
  };
  const saveText = { idle: '', pending: 'Saving…', saved: 'Saved', error: 'Could not save the note' }[save];
  return (
    <section class="cl-user" aria-labelledby="cl-user-title">
      <h2 id="cl-user-title">Yours</h2>
      <button type="button" class="cl-star" aria-pressed={starred} onClick={toggleStar}>
        {starred ? '★ Starred' : '☆ Star'}
      </button>
      <label class="cl-note-label" for="cl-note">
        Private note <span class={save === 'error' ? 'cl-error' : 'cl-muted'} data-testid="note-status">{saveText}</span>
      </label>
      <textarea id="cl-note" rows={4} maxLength={20_000} value={note} placeholder="Only you see this; it stays when the dataset is re-synced." onInput={(e) => onInput(e.currentTarget.value)} onBlur={flush} />
    </section>
  );
}
