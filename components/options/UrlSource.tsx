import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { SyncSource } from '../../lib/messages';
import { SyncError } from '../../lib/sync/errors';
import { checkSyncUrl, permissionPattern } from '../../lib/sync/fetch';
import { sendMessage } from '../../lib/protocol/send';
import { SCHEDULE_CHOICES } from '../../lib/sync/schedule';
import type { SyncErrorInfo } from '../../lib/sync/errors';

interface Props {
  busy: boolean;
  start(source: SyncSource): unknown;
  fail(error: SyncErrorInfo): void;
}

/**
 * Sync from a URL. Host access is asked for on the click (the browser only shows its prompt
 * during a user gesture, so the request is the handler's first await); the periodic choice is
 * sent to the background, which stores it out of content scripts' reach and keeps an alarm.
 */
export function UrlSource({ busy, start, fail }: Props) {
  const [url, setUrl] = useState('');
  const [everyHours, setEveryHours] = useState(0);

  useEffect(() => {
    void sendMessage({ type: 'schedule.get' }).then((saved) => {
      if (!saved) return;
      setUrl(saved.url);
      setEveryHours(saved.everyHours);
    });
  }, []);

  const submit = async (event: Event) => {
    event.preventDefault();
    let parsed: URL;
    try {
      parsed = checkSyncUrl(url);
    } catch (error) {
      fail((error as SyncError).toInfo());
      return;
    }
    // A refusal is not final here: a server that allows any origin can still be read, and the
    // background reports a clear 'permission' error when it cannot.
    await browser.permissions.request({ origins: [permissionPattern(parsed)] }).catch(() => false);
    await sendMessage({ type: 'schedule.set', schedule: { url: parsed.href, everyHours } });
    start({ kind: 'url', url: parsed.href });
  };

  return (
    <form class="cl-source" onSubmit={submit} aria-labelledby="url-title">
      <h3 id="url-title">From a URL</h3>
      <p class="cl-muted">A dataset JSON file served over https:// (http:// only for localhost).</p>
      <label for="sync-url">Dataset address</label>
      <input
        id="sync-url"
        type="url"
        required
        placeholder="https://example.org/company-lens.json"
        value={url}
        onInput={(e) => setUrl((e.target as HTMLInputElement).value)}
        data-testid="url-input"
      />
      <label for="sync-every">Sync again</label>
      <select id="sync-every" value={everyHours} onChange={(e) => setEveryHours(Number((e.target as HTMLSelectElement).value))} data-testid="url-every">
        {SCHEDULE_CHOICES.map((c) => (
          <option key={c.hours} value={c.hours}>
            {c.label}
          </option>
        ))}
      </select>
      <button type="submit" disabled={busy} data-testid="sync-url">
        Sync from URL
      </button>
    </form>
  );
}
