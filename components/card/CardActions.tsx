export interface CardActionHandlers {
  onOpenProfile(): void;
  onMute(): void;
  onDisableSite(): void;
}

/** The card's actions; each says what it does in plain words, the site one names the site. */
export function CardActions({ site, onOpenProfile, onMute, onDisableSite }: CardActionHandlers & { site: string }) {
  return (
    <div class="cl-actions">
      <button type="button" class="cl-btn cl-primary" data-action="open" onClick={onOpenProfile}>
        Open full profile
      </button>
      <button type="button" class="cl-btn" data-action="mute" onClick={onMute}>
        Mute this name
      </button>
      {site && (
        <button type="button" class="cl-btn" data-action="site-off" onClick={onDisableSite}>
          Turn off on {site}
        </button>
      )}
    </div>
  );
}
