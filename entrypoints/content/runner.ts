import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Settings } from '../../lib/settings/values';
import { loadLexicon, type LoadedLexicon } from '../../lib/detect/lexicon-client';
import { allowedHere, startApp, type ContentApp } from './app';

/**
 * The content script's lifecycle: starts detection when the settings allow it and the lexicon
 * has arrived, stops it when they stop allowing it, asks again while the knowledge base is still
 * filling after install, and swaps in a new lexicon when the background announces a new dataset
 * (the old marks stay until the new scan is ready to start, so the page never flickers empty).
 */
export class ContentRunner {
  app: ContentApp | null = null;
  /** The load or swap under way; `page.mentions` waits for it. */
  starting: Promise<void> | null = null;
  private retries = 0;

  constructor(
    private readonly ctx: ContentScriptContext,
    public settings: Settings,
  ) {}

  /** Starts (or restarts with a newer lexicon); `pending` is a lexicon request already sent. */
  start(pending?: Promise<LoadedLexicon>): Promise<void> {
    this.starting ??= (pending ?? loadLexicon())
      .then((loaded) => {
        // Right after install the knowledge base may still be filling: ask again shortly.
        if (loaded === null && this.retries++ < 10) this.ctx.setTimeout(() => void this.start(), 1_500);
        if (!loaded || loaded === 'off' || this.ctx.isInvalid || !allowedHere(this.settings)) return;
        if (this.app?.version === loaded.version) return;
        this.app?.dispose();
        this.app = startApp(this.ctx, loaded.lexicon, loaded.version, () => this.settings);
      })
      .catch((error) => console.warn('[company-lens] detection unavailable:', (error as Error).message))
      .finally(() => (this.starting = null));
    return this.starting;
  }

  applySettings(next: Settings): void {
    this.settings = next;
    if (!allowedHere(next)) {
      this.app?.dispose();
      this.app = null;
    } else if (this.app) this.app.session.applySettings(next);
    else void this.start();
  }

  /** The background switched datasets: load its lexicon unless this tab already has it. */
  datasetChanged(version: string): void {
    void (this.starting ?? Promise.resolve()).then(() => {
      if (allowedHere(this.settings) && this.app?.version !== version) void this.start();
    });
  }

  dispose(): void {
    this.app?.dispose();
    this.app = null;
  }
}
