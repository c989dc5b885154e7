import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { CardHost } from '../../components/card/host';
import { CardClient } from '../../lib/cards/client';
import { HoverController } from '../../lib/detect/hover';
import { LexiconCore as Lexicon } from '../../lib/detect/lexicon-core';
import { PageSession } from '../../lib/detect/session';
import { requestLexicon, takeEarlyRequest } from '../../lib/detect/early-request';
import { decodeIds, decodeLexicon, type WireLexicon } from '../../lib/detect/wire';
import { isSiteDisabled, sanitizeSettings, type Settings } from '../../lib/settings/values';
import { mute, setSiteDisabled } from './settings';

/**
 * One running instance of detection and cards on this page. It is built only when the user's
 * settings allow it on this site, and disposed when they stop allowing it.
 */
export interface ContentApp {
  session: PageSession;
  /** Settles when the company ids have arrived (or could not be had); cards and reports need them. */
  ready: Promise<void>;
  hover: HoverController;
  card: CardHost;
  version: string;
  dispose(): void;
}

const send = (message: unknown) => browser.runtime.sendMessage(message);

export function allowedHere(settings: Settings): boolean {
  return settings.enabled && !isSiteDisabled(settings, location.hostname);
}

/**
 * A lexicon, with the settings the background read when it sent it; null while the knowledge
 * base is still empty; 'off' where detection is off for this site.
 */
export type LoadedLexicon = { lexicon: Lexicon; version: string; settings?: Settings } | null | 'off';

/** The lexicon from the background: the answer to the early request when there is one. */
export async function loadLexicon(): Promise<LoadedLexicon> {
  const pending = takeEarlyRequest()?.catch(() => requestLexicon()) ?? requestLexicon();
  const answer = (await pending) as { version: string; payload?: WireLexicon; off?: boolean; settings?: unknown } | null;
  if (answer?.off) return 'off';
  if (!answer?.payload) return null;
  const settings = answer.settings === undefined ? undefined : sanitizeSettings(answer.settings);
  return { lexicon: Lexicon.fromPayload(decodeLexicon(answer.payload)), version: answer.version, settings };
}

/**
 * Company ids follow the lexicon's tables in a message of their own (lib/detect/wire.ts), asked
 * for as soon as the tables are here, so the first scan does not wait for them. No answer means
 * the dataset changed meanwhile: the background's `dataset.changed` then replaces this app.
 */
async function loadIds(lexicon: Lexicon, version: string, attempts = 3): Promise<void> {
  if (lexicon.hasIds) return;
  try {
    const answer = (await send({ type: 'matcher.ids', version })) as { ids?: unknown } | null;
    if (answer?.ids !== null) lexicon.provideIds(decodeIds(answer?.ids));
  } catch (error) {
    // The worker may be restarting: ask again, a few times.
    if (attempts <= 1) throw error;
    return loadIds(lexicon, version, attempts - 1);
  }
}

export function startApp(ctx: ContentScriptContext, lexicon: Lexicon, version: string, getSettings: () => Settings): ContentApp {
  const ready = loadIds(lexicon, version).catch((error) => console.warn('[company-lens] company ids unavailable:', (error as Error).message));
  let attachFrames = () => {};
  const session = new PageSession(lexicon, {
    settings: getSettings(),
    setTimeout: (fn, ms) => ctx.setTimeout(fn, ms),
    onCount: (count) => {
      attachFrames();
      if (count > 0) card.prepare();
      void send({ type: 'page.report', count }).catch(() => undefined);
    },
  });
  const client = new CardClient((m) => send(m));
  const card = new CardHost({
    ctx,
    client,
    companyId: session.companyId,
    site: location.hostname,
    openProfile: (id) => void send({ type: 'company.open', id }),
    mute: (id, name) => void mute({ id, name }),
    disableSite: () => void setSiteDisabled(location.hostname),
  });
  const hover = new HoverController(
    session.scanner,
    card,
    {
      addEventListener: (target, type, listener, options) => ctx.addEventListener(target as Window, type as 'click', listener, options),
      setTimeout: (fn, ms) => ctx.setTimeout(fn, ms),
      clearTimeout: (id) => clearTimeout(id),
    },
    {
      dwellMs: () => getSettings().dwellMs,
      isMuted: session.isMuted,
      prefetch: (mention) => client.prefetch(session.companyId(mention.companyIndex)),
    },
  );
  const attached = new Set<Document>();
  // Same-origin frames are scanned from here; their pointer events are listened to here too.
  // Hover opens cards, which need company ids: it starts listening once they are here.
  attachFrames = () => {
    if (!lexicon.hasIds) return;
    for (const scope of [document, ...session.scanner.knownScopes]) {
      if (scope.nodeType === 9 && !attached.has(scope as Document)) {
        attached.add(scope as Document);
        hover.attach(scope as Document);
      }
    }
  };
  void ready.then(() => attachFrames());
  void session.start().then(attachFrames);
  return {
    session,
    ready,
    hover,
    card,
    version,
    dispose() {
      hover.stop();
      card.hide();
      session.dispose();
      void send({ type: 'page.report', count: 0 }).catch(() => undefined);
    },
  };
}
