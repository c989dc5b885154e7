import { browser } from 'wxt/browser';
import type { MountCardSurface } from './surface';

/** Where the card module (entrypoints/card-ui.ts) leaves its mount function when it runs. */
export const CARD_SURFACE = Symbol.for('company-lens:card-surface');

type Slot = { [CARD_SURFACE]?: MountCardSurface };

/**
 * Loads the card module into this content script's world, once. Chrome runs a module that a
 * content script imports in the content script's isolated world, with its extension APIs (the
 * card e2e tests go through it); Firefox supports import() in content scripts too, which has not
 * been tried here. The module is web-accessible (the manifest's only such resource) at a
 * per-session URL.
 */
export function loadCardSurface(): Promise<MountCardSurface> {
  loading ??= import(/* @vite-ignore */ browser.runtime.getURL('/card-ui.js')).then(() => {
    const mount = (globalThis as Slot)[CARD_SURFACE];
    if (!mount) throw new Error('The card module loaded but did not register');
    return mount;
  });
  // A failed load (the extension reloaded meanwhile, say) is tried again at the next card.
  loading.catch(() => (loading = null));
  return loading;
}

let loading: Promise<MountCardSurface> | null = null;

/** Called by the card module when it runs. */
export function registerCardSurface(mount: MountCardSurface): void {
  (globalThis as Slot)[CARD_SURFACE] = mount;
}
