export interface CardActionHandlers {
  onOpenProfile(): void;
  onMute(): void;
  /** Opens the profile at its corrections: they change the knowledge, so the card does not make them itself. */
  onCorrect(): void;
  onDisableSite(): void;
}

/** The card's actions, always in view at its foot; the site one names the site, on one line. */
export function CardActions({ site, onOpenProfile, onMute, onCorrect, onDisableSite }: CardActionHandlers & { site: string }) {
  return (
    <div class="cl-actions">
      <button type="button" class="cl-btn cl-primary" data-action="open" onClick={onOpenProfile}>
        Open profile
      </button>
      <button type="button" class="cl-btn" data-action="mute" onClick={onMute} title="Stop marking this name on every site">
        Mute
      </button>
      <button type="button" class="cl-btn" data-action="correct" onClick={onCorrect} title="Rename it, merge it with another, or mark it as not an organisation (on its profile)">
        Correct…
      </button>
      {site && (
        <button type="button" class="cl-btn cl-site" data-action="site-off" onClick={onDisableSite} title={`Stop marking company names on ${site}`}>
          Turn off on {site}
        </button>
      )}
    </div>
  );
}
