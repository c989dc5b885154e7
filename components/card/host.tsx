import { computePosition, flip, offset, shift, size, type VirtualElement } from '@floating-ui/dom';
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { CardClient } from '../../lib/cards/client';
import type { CardView, HoverTarget } from '../../lib/detect/hover';
import type { PageMention } from '../../lib/detect/scanner';
import { Card, type CardState } from './Card';
import { pageTheme } from './theme';
import './card.css';

export interface CardHostDeps {
  ctx: ContentScriptContext;
  client: CardClient;
  companyId(companyIndex: number): string;
  site: string;
  openProfile(id: string): void;
  mute(id: string, name: string): void;
  disableSite(): void;
}

/**
 * The card's place on the page: a WXT shadow-root UI appended to <html> (outside <body>, which
 * page frameworks own), mounted on first use and kept, so its live region exists before it
 * announces anything. Placement uses floating-ui: below the name, flipped above when there is no
 * room, shifted to stay on screen.
 */
export class CardHost implements CardView {
  isOpen = false;
  pinned = false;
  current: PageMention | null = null;
  private ui: ShadowRootContentScriptUi<HTMLElement> | null = null;
  private target: HoverTarget | null = null;
  private companyId = '';
  private state: CardState = { status: 'loading' };
  private theme: 'light' | 'dark' = 'light';
  private announce = '';
  private stopFollowing: (() => void) | null = null;
  private returnFocus: Element | null = null;
  private request = 0;

  constructor(private readonly deps: CardHostDeps) {}

  private mounting: Promise<HTMLElement> | null = null;

  /** Creates the shadow-root UI once; concurrent callers (idle preparation, a hover) share it. */
  private mount(): Promise<HTMLElement> {
    this.mounting ??= createShadowRootUi(this.deps.ctx, {
      name: 'company-lens-card',
      position: 'inline',
      anchor: () => document.documentElement,
      append: 'last',
      onMount: (container) => container,
      onRemove: (container) => container && render(null, container),
    }).then((ui) => {
      this.ui = ui;
      ui.mount();
      return ui.mounted!;
    });
    return this.mounting;
  }

  /**
   * Mounts the empty card UI when the browser is idle, once the page turns out to name companies.
   * Creating the shadow root and injecting its styles was most of the first card's cost, and the
   * live region should exist before it has anything to announce.
   */
  prepare(): void {
    // Only in HTML documents: an SVG or XML document cannot host the card's shadow root (a card
    // asked for there fails on its own, visibly, instead of an error in the background).
    if (this.mounting || !(document.documentElement instanceof HTMLElement)) return;
    this.deps.ctx.requestIdleCallback(
      () =>
        void this.mount()
          .then((container) => {
            if (!this.isOpen) render(<LiveRegion text="" />, container);
          })
          .catch(() => (this.mounting = null)),
      { timeout: 2_000 },
    );
  }

  containsEvent(event: Event): boolean {
    return !!this.ui && event.composedPath().includes(this.ui.shadowHost);
  }

  show(target: HoverTarget, { focus }: { focus: boolean }): void {
    this.target = target;
    this.current = target.mention;
    this.isOpen = true;
    this.theme = pageTheme(target.mention.range.startContainer);
    if (focus) this.returnFocus = document.activeElement;
    void this.load(this.deps.companyId(target.mention.companyIndex), focus);
  }

  /** Switches the open card to another company (a related one or the parent). */
  switchTo(id: string): void {
    this.pinned = true;
    void this.load(id, true);
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
    const hadFocus = !!this.ui && this.ui.shadow.activeElement !== null;
    this.isOpen = false;
    this.pinned = false;
    this.current = null;
    this.target = null;
    this.request++;
    this.stopFollowing?.();
    this.stopFollowing = null;
    this.announce = '';
    if (this.ui?.mounted) render(<LiveRegion text="" />, this.ui.mounted);
    if ((restoreFocus || hadFocus) && this.returnFocus instanceof HTMLElement) this.returnFocus.focus({ preventScroll: true });
    this.returnFocus = null;
  }

  private async paint(focus: boolean): Promise<void> {
    const container = await this.mount();
    if (!this.isOpen || !this.target) return;
    const { state } = this;
    const alias = this.target && this.deps.companyId(this.target.mention.companyIndex) === this.companyId ? this.target.text : null;
    if (state.status === 'ready') this.announce = `Company card: ${state.data.name}. ${state.data.description}`;
    render(
      <>
        <Card
          state={state}
          alias={alias}
          theme={this.theme}
          pinned={this.pinned}
          site={this.deps.site}
          onPin={() => {
            this.pinned = !this.pinned;
            void this.paint(false);
          }}
          onClose={() => this.hide({ restoreFocus: true })}
          onSwitch={(id) => this.switchTo(id)}
          onOpenProfile={() => this.deps.openProfile(this.companyId)}
          onMute={() => {
            if (state.status === 'ready') this.deps.mute(state.data.id, state.data.name);
            this.hide({ restoreFocus: true });
          }}
          onDisableSite={() => {
            this.hide({ restoreFocus: true });
            this.deps.disableSite();
          }}
        />
        <LiveRegion text={this.announce} />
      </>,
      container,
    );
    const card = container.querySelector<HTMLElement>('.cl-card');
    if (!card) return;
    showInTopLayer(card);
    if (!this.stopFollowing) this.follow(card);
    if (focus) card.focus({ preventScroll: true });
  }

  /** Keeps the card next to the name while the page scrolls or resizes. */
  private follow(card: HTMLElement): void {
    const target = this.target!;
    const anchor: VirtualElement = {
      getBoundingClientRect: () => target.rects()[0] ?? new DOMRect(-9999, -9999, 0, 0),
      getClientRects: () => target.rects(),
      contextElement: target.mention.range.startContainer.parentElement ?? undefined,
    };
    const place = () =>
      computePosition(anchor, card, {
        strategy: 'fixed',
        placement: 'bottom-start',
        // Below the name, else above; when neither side has room the card shrinks to fit (it scrolls).
        middleware: [
          offset(6),
          flip({ padding: 8 }),
          shift({ padding: 8 }),
          size({
            padding: 8,
            apply({ availableHeight }) {
              card.style.maxHeight = `${Math.max(120, Math.min(520, availableHeight))}px`;
            },
          }),
        ],
      }).then(({ x, y }) => {
        card.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
        card.dataset.placed = '';
      });
    // Scroll events of any scroller reach a capturing window listener; one placement per frame.
    // (floating-ui's autoUpdate does the same plus observers, at a size the bundle cannot afford.)
    let frame = 0;
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(() => ((frame = 0), void place()));
    };
    const opts = { capture: true, passive: true };
    window.addEventListener('scroll', schedule, opts);
    window.addEventListener('resize', schedule, opts);
    void place();
    this.stopFollowing = () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', schedule, opts);
      window.removeEventListener('resize', schedule, opts);
    };
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

function LiveRegion({ text }: { text: string }) {
  return (
    <div class="cl-sr" role="status" aria-live="polite">
      {text}
    </div>
  );
}
