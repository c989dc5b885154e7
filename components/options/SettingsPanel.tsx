import { useEffect, useState } from 'preact/hooks';
import { DWELL_MAX_MS, DWELL_MIN_MS, getSettings, normaliseHost, watchSettings, type MarkStyle, type Settings } from '../../lib/settings/settings';
import { setMuted, setSiteDisabled, updateSettings } from '../shared/settings-changes';

const STYLES: { value: MarkStyle; label: string }[] = [
  { value: 'underline', label: 'Dotted underline' },
  { value: 'background', label: 'Soft background' },
  { value: 'none', label: 'No marks (hover still works)' },
];

/**
 * Detection settings: on/off, how names are marked, the hover delay, sites where detection is
 * off and muted names. Each change is sent to the background, the settings' one writer, and every
 * open tab follows it, because the content scripts watch the stored item.
 */
export function SettingsPanel() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState('');
  const [site, setSite] = useState('');

  useEffect(() => {
    void getSettings().then(setSettings);
    return watchSettings(setSettings);
  }, []);

  const save = (work: Promise<Settings>) =>
    work.then(
      (next) => {
        setSettings(next);
        setError('');
      },
      (e: Error) => setError(e.message),
    );

  if (!settings) return <section class="cl-card" aria-busy="true"><p class="cl-muted">Loading settings…</p></section>;

  const addSite = (e: Event) => {
    e.preventDefault();
    const host = normaliseHost(site);
    if (!host) return setError(`“${site}” is not a site name such as news.example.com.`);
    setSite('');
    void save(setSiteDisabled(host, true));
  };

  return (
    <section class="cl-card" aria-labelledby="settings-title" data-testid="settings-panel">
      <h2 id="settings-title">On-page detection</h2>
      <label>
        <input type="checkbox" checked={settings.enabled} onChange={(e) => void save(updateSettings({ enabled: (e.target as HTMLInputElement).checked }))} />{' '}
        Mark company names on web pages and show cards on hover
      </label>

      <fieldset disabled={!settings.enabled} style={{ border: 0, padding: 0, margin: '12px 0 0' }}>
        <legend>How names are marked</legend>
        {STYLES.map((s) => (
          <label key={s.value} style={{ display: 'block' }}>
            <input type="radio" name="mark-style" value={s.value} checked={settings.markStyle === s.value} onChange={() => void save(updateSettings({ markStyle: s.value }))} /> {s.label}
          </label>
        ))}
        <label style={{ display: 'block', marginTop: '12px' }}>
          Hover delay before a card opens: <strong>{settings.dwellMs} ms</strong>
          <input
            type="range"
            min={DWELL_MIN_MS}
            max={DWELL_MAX_MS}
            step={50}
            value={settings.dwellMs}
            aria-valuetext={`${settings.dwellMs} milliseconds`}
            style={{ display: 'block', width: '100%', maxWidth: '360px' }}
            onChange={(e) => void save(updateSettings({ dwellMs: Number((e.target as HTMLInputElement).value) }))}
          />
        </label>
        <p class="cl-muted">Shorter opens cards sooner; longer avoids cards while the pointer wanders. The default is 300 ms.</p>
      </fieldset>

      <h3>Sites where detection is off</h3>
      <ItemList
        empty="None: detection runs on every site."
        items={settings.disabledSites.map((s) => ({ key: s, label: s }))}
        action="Turn on again"
        onAction={(host) => void save(setSiteDisabled(host, false))}
      />
      <form onSubmit={addSite} class="cl-actions" style={{ marginTop: '8px' }}>
        <label class="cl-visually-hidden" for="cl-add-site">Site to turn off</label>
        <input id="cl-add-site" type="text" placeholder="news.example.com" value={site} onInput={(e) => setSite((e.target as HTMLInputElement).value)} />
        <button type="submit">Turn off on this site</button>
      </form>

      <h3 style={{ marginTop: '16px' }}>Muted names</h3>
      <ItemList
        empty="No muted names. Use “Mute” in a card to stop marking one."
        items={settings.muted.map((m) => ({ key: m.id, label: m.name }))}
        action="Unmute"
        onAction={(id) => {
          const name = settings.muted.find((m) => m.id === id);
          if (name) void save(setMuted(name, false));
        }}
      />
      {error && <p class="cl-error" role="alert">{error}</p>}
    </section>
  );
}

function ItemList(props: { empty: string; items: { key: string; label: string }[]; action: string; onAction(key: string): void }) {
  if (props.items.length === 0) return <p class="cl-muted">{props.empty}</p>;
  return (
    <ul style={{ paddingLeft: '18px', margin: '4px 0' }}>
      {props.items.map((item) => (
        <li key={item.key} style={{ margin: '2px 0' }}>
          <span class="cl-wrap">{item.label}</span>{' '}
          <button type="button" aria-label={`${props.action}: ${item.label}`} onClick={() => props.onAction(item.key)}>
            {props.action}
          </button>
        </li>
      ))}
    </ul>
  );
}
