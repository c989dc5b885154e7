export interface UndoToastProps {
  text: string;
  theme: 'light' | 'dark';
  onUndo(): void;
  onDismiss(): void;
}

/**
 * What a mute or "turn off on this site" leaves on the page once the card has closed: what was
 * done, and a way back. A status region, so it is announced; the Undo button is a real button.
 */
export function UndoToast({ text, theme, onUndo, onDismiss }: UndoToastProps) {
  return (
    <div class="cl-toast" data-theme={theme} role="status" data-testid="undo-toast">
      <span class="cl-toast-text">{text}</span>
      <button type="button" class="cl-btn" data-action="undo" onClick={onUndo}>
        Undo
      </button>
      <button type="button" class="cl-btn cl-icon" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
