import { computePosition, flip, offset, shift, size, type VirtualElement } from '@floating-ui/dom';
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { HoverTarget } from '../../lib/detect/hover';
import { Card, type CardProps } from './Card';
import { UndoToast, type UndoToastProps } from './UndoToast';
import cardCss from './card.css?inline';

/**
 * What draws the card: a WXT shadow-root UI appended to <html> (outside <body>, which page
 * frameworks own), Preact rendering into it, floating-ui placing the card. This is most of the
 * card's code, so it is not in the content script every tab loads: entrypoints/card-ui.ts builds
 * it into a module of its own, which the card host (host.ts) imports the first time a page turns
 * out to name companies.
 */
export interface CardSurface {
  readonly shadowHost: HTMLElement;
  readonly shadow: ShadowRoot;
  /** Draws the card and the live region; returns the card element, placed by `follow`. */
  renderCard(props: CardProps, announce: string): HTMLElement | null;
  /** Only the live region, with `text` (the card closed). */
  renderLive(text: string): void;
  /** The undo note after a mute or a site turned off, or none; returns its element. */
  renderToast(toast: UndoToastProps | null): HTMLElement | null;
  /** Keeps the card next to the name while the page scrolls or resizes; returns how to stop. */
  follow(target: HoverTarget, card: HTMLElement): () => void;
}

export type MountCardSurface = (ctx: ContentScriptContext) => Promise<CardSurface>;

export const mountCardSurface: MountCardSurface = async (ctx) => {
  const ui = await createShadowRootUi(ctx, {
    name: 'company-lens-card',
    position: 'inline',
    anchor: () => document.documentElement,
    append: 'last',
    css: cardCss,
    onMount: (container) => container,
    onRemove: (container) => container && render(null, container),
  });
  ui.mount();
  const container = ui.mounted!;
  // The card, the live region and the undo note are drawn together: each render replaces the tree.
  let card: CardProps | null = null;
  let live = '';
  let toast: UndoToastProps | null = null;
  const draw = () =>
    render(
      <>
        {card && <Card {...card} />}
        <LiveRegion text={live} />
        {toast && <UndoToast {...toast} />}
      </>,
      container,
    );
  return {
    shadowHost: ui.shadowHost,
    shadow: ui.shadow,
    renderCard(props, announce) {
      [card, live] = [props, announce];
      draw();
      return container.querySelector<HTMLElement>('.cl-card');
    },
    renderLive(text) {
      [card, live] = [null, text];
      draw();
    },
    renderToast(next) {
      toast = next;
      draw();
      return container.querySelector<HTMLElement>('.cl-toast');
    },
    follow,
  };
};

function follow(target: HoverTarget, card: HTMLElement): () => void {
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
  // (floating-ui's autoUpdate does the same plus resize observers, which the card does not need.)
  let frame = 0;
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(() => ((frame = 0), void place()));
  };
  const opts = { capture: true, passive: true };
  window.addEventListener('scroll', schedule, opts);
  window.addEventListener('resize', schedule, opts);
  void place();
  return () => {
    cancelAnimationFrame(frame);
    window.removeEventListener('scroll', schedule, opts);
    window.removeEventListener('resize', schedule, opts);
  };
}

function LiveRegion({ text }: { text: string }) {
  return (
    <div class="cl-sr" role="status" aria-live="polite">
      {text}
    </div>
  );
}
