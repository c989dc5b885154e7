import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { SyncResult } from '../../lib/sync/protocol';

/** What the popup says after "Add this page": the article's organisations, or what went wrong. */
function outcomeText(result: SyncResult | undefined): { ok: boolean; text: string } {
  if (!result) return { ok: false, text: 'The extension did not answer; try again.' };
  if (!result.ok) return { ok: false, text: result.error.message };
  const file = result.report?.files[0];
  if (!file || file.articles === 0) return { ok: true, text: 'This page is already in your library.' };
  const names = [...file.discovered, ...file.known];
  return { ok: true, text: names.length > 0 ? `Saved to your library. Organisations: ${names.slice(0, 6).join(', ')}${names.length > 6 ? '…' : ''}.` : 'Saved to your library.' };
}

/**
 * "Add this page": saves the article of the tab the popup was opened on to the user's library.
 * Nothing is read from the page before this click.
 */
export function AddPageButton({ tabId }: { tabId?: number }) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const add = async () => {
    setBusy(true);
    setOutcome(null);
    try {
      const id = tabId ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
      if (id === undefined) return setOutcome({ ok: false, text: 'No page to add.' });
      // Loaded on the click: the message schemas are not part of the popup's first script.
      const { sendMessage } = await import('../../lib/protocol/send');
      setOutcome(outcomeText(await sendMessage({ type: 'library.addPage', tabId: id })));
    } catch (error) {
      setOutcome({ ok: false, text: `The page could not be added: ${(error as Error).message}` });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="cl-add-page">
      <button type="button" disabled={busy} onClick={() => void add()} data-testid="add-page">
        {busy ? 'Adding this page…' : 'Add this page'}
      </button>
      {outcome && (
        <p role="status" class={outcome.ok ? 'cl-muted' : 'cl-error'} data-testid="add-page-outcome">
          {outcome.text}
        </p>
      )}
    </div>
  );
}
