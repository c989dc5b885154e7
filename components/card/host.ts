import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CardClient } from '../../lib/cards/client';
import type { CardView, HoverTarget } from '../../lib/detect/hover';
import type { PageMention } from '../../lib/detect/scanner';
import type { CardState } from './Card';
import { loadCardSurface } from './load-surface';
import type { CardSurface } from './surface';
import { pageTheme } from './theme';

export interface CardHostDeps {
  ctx: ContentScriptContext;
  client: CardClient;
  /** The company id of a lexicon entry; '' while the ids have not arrived (see whenIds). */
  companyId(companyIndex: number): string;
  /** Settles when the company ids are here. */
  whenIds(): Promise<unknown>;
  site: string;
  openProfile(id: string, section?: 'corrections'): void;
  mute(id: string, name: string): void;
  unmute(id: string, name: string): void;
  disableSite(): void;
  enableSite(): void;
}

/** How long the undo note stays after a mute or a site turned off. */
const UNDO_MS = 12_000;

/**
 * The card on the page: what it shows and when, for the hover controller. Drawing and placing it
 * is the card surface's part (surface.tsx), loaded and mounted on first use and kept, so its live
 * region exists before it announces anything.
 */
export class CardHost implements CardView {
  isOpen = false;
  pinned = false;
  current: PageMention | null = null;
  private surface: CardSurface | null = null;
  private target: HoverTarget | null = null;
  private companyId = '';
  private state: CardState = { status: 'loading' };
  private theme: 'light' | 'dark' = 'light';
  private announce = '';
  private stopFollowing: (() => void) | null = null;
  private returnFocus: Element | null = null;
  private request = 0;

  constructor(private readonly deps: CardHostDeps) {}

  private mounting: Promise<CardSurface> | null = null;

  /**
   * Loads and mounts the surface once; concurrent callers (idle preparation, a hover) share it.
   * A failure (the extension reloaded under the page, say) is tried again by the next caller.
   */
  private mount(): Promise<CardSurface> {
    this.mounting ??= loadCardSurface()
      .then((mountSurface) => mountSurface(this.deps.ctx))
      .then((surface) => (this.surface = surface))
      .catch((error: unknown) => {
        this.mounting = null;
        throw error;
      });
    return this.mounting;
  }

  /**
   * Loads the card module when the browser is idle, once the page turns out to name companies:
   * loading it was most of the first card's cost. Nothing is added to the page yet: any element
   * added costs a large page a frame of layout (see prepare).
   */
  preload(): void {
    if (this.mounting || !canHost()) return;
    this.deps.ctx.requestIdleCallback(() => void loadCardSurface().catch(() => undefined), { timeout: 2_000 });
  }

  /**
   * Mounts the empty card when the pointer settles on a name, before the dwell ends: creating the
   * shadow root and injecting its styles are then done when the card opens, and the live region
   * exists before it has anything to announce.
   */
  prepare(): void {
    if (this.mounting || !canHost()) return;
    void this.mount()
      .then((surface) => {
        if (!this.isOpen) surface.renderLive('');
      })
      .catch(() => undefined);
  }

  containsEvent(event: Event): boolean {
    return !!this.surface && event.composedPath().includes(this.surface.shadowHost);
  }

  show(target: HoverTarget, { focus }: { focus: boolean }): void {
    // Another name while the card is open (the next-company key): follow the new one.
    if (this.current !== target.mention) {
      this.stopFollowing?.();
      this.stopFollowing = null;
    }
    this.target = target;
    this.current = target.mention;
    this.isOpen = true;
    this.theme = pageTheme(target.mention.range.startContainer);
    // Focus goes back where it was before the first card, not to the card itself.
    if (focus && !(this.surface && document.activeElement === this.surface.shadowHost)) this.returnFocus = document.activeElement;
    const id = this.deps.companyId(target.mention.companyIndex);
    if (id) return this.loadOrWarn(id, focus);
    // A name marked before the company ids arrived: the card says it is loading at once, and
    // loads when they are here, so a mark never ignores the pointer.
    const seq = ++this.request;
    this.state = { status: 'loading' };
    this.paint(focus).catch(() => undefined);
    void this.deps.whenIds().then(() => {
      if (seq !== this.request || this.current !== target.mention) return;
      const known = this.deps.companyId(target.mention.companyIndex);
      if (known) return this.loadOrWarn(known, false);
      this.state = { status: 'error', message: 'the list of companies could not be loaded' };
      this.paint(false).catch(() => undefined);
    });
  }

  /** Switches the open card to another company (a related one or the parent). */
  switchTo(id: string): void {
    this.pinned = true;
    this.loadOrWarn(id, true);
  }

  /** Without its surface there is no card to show an error in; the console says why. */
  private loadOrWarn(id: string, focus: boolean): void {
    this.load(id, focus).catch((error: unknown) => console.warn('[company-lens] the card could not be shown:', (error as Error)?.message ?? error));
  }

  private async load(id: string, focus: boolean): Promise<void> {
    const seq = ++this.request;
    this.companyId = id;
    const cached = this.deps.client.peek(id);
    this.state = cached === undefined ? { status: 'loading' } : cached ? { status: 'ready', data: cached } : { status: 'missing' };
    await this.paint(focus);
    if (cached !== undefined) return;
    try {
      const data = await this.deps.client.get(id);
      if (seq !== this.request) return;
      this.state = data ? { status: 'ready', data } : { status: 'missing' };
    } catch (error) {
      if (seq !== this.request) return;
      this.state = { status: 'error', message: (error as Error).message };
    }
    await this.paint(false);
  }

  hide({ restoreFocus = false }: { restoreFocus?: boolean } = {}): void {
    if (!this.isOpen) return;
    const hadFocus = !!this.surface && this.surface.shadow.activeElement !== null;
    this.isOpen = false;
    this.pinned = false;
    this.current = null;
    this.target = null;
    this.request++;
    this.stopFollowing?.();
    this.stopFollowing = null;
    this.announce = '';
    this.surface?.renderLive('');
    if ((restoreFocus || hadFocus) && this.returnFocus instanceof HTMLElement) this.returnFocus.focus({ preventScroll: true });
    this.returnFocus = null;
  }

  private undoTimer = 0;

  /** True when the focused control of the card was reached by keyboard (it shows its focus ring). */
  private usingKeyboard(): boolean {
    return !!this.surface?.shadow.activeElement?.matches(':focus-visible');
  }

  /**
   * Leaves a note with an Undo button on the page (focused when the action came from the
   * keyboard). It outlives this host's detection (turning the site off disposes it), because the
   * surface belongs to the page's content script.
   */
  private offerUndo(text: string, undo: () => void, focus: boolean): void {
    const surface = this.surface;
    if (!surface) return;
    clearTimeout(this.undoTimer);
    const back = document.activeElement;
    const dismiss = () => {
      clearTimeout(this.undoTimer);
      const hadFocus = surface.shadow.activeElement?.closest('.cl-toast');
      surface.renderToast(null);
      if (hadFocus && back instanceof HTMLElement) back.focus({ preventScroll: true });
    };
    const note = surface.renderToast({ text, theme: this.theme, onUndo: () => (dismiss(), undo()), onDismiss: dismiss });
    if (note) showInTopLayer(note);
    // A keyboard user gets the Undo button focused; a pointer user keeps their place on the page.
    if (focus) note?.querySelector<HTMLElement>('[data-action="undo"]')?.focus({ preventScroll: true });
    this.undoTimer = this.deps.ctx.setTimeout(dismiss, UNDO_MS);
  }

  private async paint(focus: boolean): Promise<void> {
    const surface = await this.mount();
    if (!this.isOpen || !this.target) return;
    const { state, target } = this;
    const alias = this.deps.companyId(target.mention.companyIndex) === this.companyId ? target.text : null;
    if (state.status === 'ready') this.announce = `Company card: ${state.data.name}. ${state.data.description}`;
    const card = surface.renderCard(
      {
        state,
        alias,
        theme: this.theme,
        pinned: this.pinned,
        site: this.deps.site,
        onPin: () => {
          this.pinned = !this.pinned;
          void this.paint(false);
        },
        onClose: () => this.hide({ restoreFocus: true }),
        onSwitch: (id) => this.switchTo(id),
        onOpenProfile: () => this.deps.openProfile(this.companyId),
        onCorrect: () => this.deps.openProfile(this.companyId, 'corrections'),
        onMute: () => {
          const keyboard = this.usingKeyboard();
          this.hide({ restoreFocus: true });
          if (state.status !== 'ready') return;
          const { id, name } = state.data;
          this.deps.mute(id, name);
          this.offerUndo(`“${name}” is muted on every site.`, () => this.deps.unmute(id, name), keyboard);
        },
        onDisableSite: () => {
          const keyboard = this.usingKeyboard();
          this.hide({ restoreFocus: true });
          this.deps.disableSite();
          this.offerUndo(`Company Lens is off on ${this.deps.site}.`, () => this.deps.enableSite(), keyboard);
        },
      },
      this.announce,
    );
    if (!card) return;
    showInTopLayer(card);
    this.stopFollowing ??= surface.follow(target, card);
    if (focus) card.focus({ preventScroll: true });
  }
}

/**
 * Puts the card in the browser's top layer (a manual popover): above every z-index on the page,
 * above a full-screen element, and positioned against the viewport even when the page transforms
 * <html> (which would otherwise become the containing block of a fixed element).
 */
function showInTopLayer(card: HTMLElement): void {
  if (typeof card.showPopover !== 'function' || card.matches(':popover-open')) return;
  try {
    card.popover = 'manual';
    card.showPopover();
  } catch {
    // Not connected yet or popover unsupported: the card's own fixed position and z-index remain.
  }
}

/**
 * Only HTML documents can host the card: an SVG or XML document cannot hold its shadow root (a
 * card asked for there fails on its own, visibly, instead of an error in the background).
 */
function canHost(): boolean {
  return document.documentElement instanceof HTMLElement;
}
