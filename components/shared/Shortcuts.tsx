/**
 * The keyboard ways into Company Lens, as the manifest suggests them (wxt.config.ts `commands`);
 * the browser lets the user change them on its extension shortcuts page.
 */
export const SHORTCUTS: { keys: string; what: string }[] = [
  { keys: 'Alt+Shift+L', what: 'Open the search' },
  { keys: 'Alt+Shift+N', what: 'Next company name on the page, with its card' },
  { keys: 'Alt+Shift+P', what: 'Previous company name on the page' },
  { keys: 'Alt+Shift+K', what: 'Card for the name at the selection' },
  { keys: 'Esc', what: 'Close the card' },
];

export function Shortcuts() {
  return (
    <dl class="cl-shortcuts">
      {SHORTCUTS.map((s) => (
        <div key={s.keys}>
          <dt>
            <kbd>{s.keys}</kbd>
          </dt>
          <dd>{s.what}</dd>
        </div>
      ))}
    </dl>
  );
}
