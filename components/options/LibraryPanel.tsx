import { useEffect, useMemo, useState } from 'preact/hooks';
import { sendMessage } from '../../lib/protocol/send';
import { browser } from 'wxt/browser';
import type { LibraryRow } from '../../lib/store/db';
import { getDb } from '../../lib/store/db';
import { libraryRows } from '../../lib/store/library';
import type { SyncResult } from '../../lib/sync/protocol';
import { formatCount } from './format';
import { readerPath } from '../reader/source';

type Listed = Omit<LibraryRow, 'body' | 'pending'>;

/** The library's articles without their text: the list never needs it. */
async function listLibrary(): Promise<Listed[]> {
  return (await libraryRows(getDb())).map(({ body: _, pending: __, ...row }) => row).reverse();
}

const SHOWN = 300;

/**
 * The user's library: every article they imported or saved, searchable by title, publisher and
 * origin, removable one by one or all that match. `version` changes after every sync, so the
 * list is read again when an import or removal has switched in.
 */
export function LibraryPanel({ version, busy, onResult }: { version: string; busy: boolean; onResult(result: SyncResult): void }) {
  const [rows, setRows] = useState<Listed[] | null>(null);
  const [query, setQuery] = useState('');
  useEffect(() => void listLibrary().then(setRows, () => setRows([])), [version]);
  const matching = useMemo(() => {
    const q = query.trim().toLowerCase();
    return (rows ?? []).filter((r) => !q || `${r.title} ${r.publisher ?? ''} ${r.origin}`.toLowerCase().includes(q));
  }, [rows, query]);

  const remove = async (ids: string[]) => {
    const result = await sendMessage({ type: 'library.remove', ids });
    onResult(result);
    setRows(await listLibrary());
  };

  return (
    <section class="cl-card" aria-labelledby="library-title" data-testid="library">
      <h2 id="library-title">Your library</h2>
      {rows === null ? (
        <p class="cl-muted">Loading…</p>
      ) : rows.length === 0 ? (
        <p class="cl-muted">No articles yet. Add files above, or save a page you are reading with “Add this page” in the toolbar popup.</p>
      ) : (
        <>
          <p class="cl-muted" data-testid="library-count">
            {formatCount(rows.length)} article{rows.length === 1 ? '' : 's'}
          </p>
          <div class="cl-actions">
            <input type="search" placeholder="Search your library" aria-label="Search your library" value={query} onInput={(e) => setQuery((e.target as HTMLInputElement).value)} />
            <button type="button" disabled={busy || matching.length === 0} onClick={() => void remove(matching.map((r) => r.id))} data-testid="library-remove-matching">
              Remove {query.trim() ? `these ${formatCount(matching.length)}` : 'all'}
            </button>
          </div>
          <ul class="cl-library-list">
            {matching.slice(0, SHOWN).map((row) => (
              <li key={row.id} data-testid="library-row">
                <a href={browser.runtime.getURL(readerPath(row.id))} target="_blank" rel="noopener">
                  {row.title}
                </a>
                <span class="cl-muted">
                  {' '}
                  · {[row.publisher, row.published?.slice(0, 10), row.url ?? row.origin].filter(Boolean).join(' · ')}
                </span>{' '}
                <button type="button" class="cl-link" disabled={busy} onClick={() => void remove([row.id])} aria-label={`Remove “${row.title}”`}>
                  Remove
                </button>
              </li>
            ))}
            {matching.length > SHOWN && <li class="cl-muted">… and {formatCount(matching.length - SHOWN)} more (search to narrow)</li>}
          </ul>
        </>
      )}
    </section>
  );
}
