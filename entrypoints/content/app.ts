import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { CardHost } from '../../components/card/host';
import { CardClient } from '../../lib/cards/client';
import { HoverController } from '../../lib/detect/hover';
import { LexiconCore as Lexicon } from '../../lib/detect/lexicon-core';
import { PageSession } from '../../lib/detect/session';
import { decodeLexicon, type WireLexicon } from '../../lib/detect/wire';
import { isSiteDisabled, type Settings } from '../../lib/settings/values';
import { mute, setSiteDisabled } from './settings';

/**
 * One running instance of detection and cards on this page. It is built only when the user's
 * settings allow it on this site, and disposed when they stop allowing it.
 */
export interface ContentApp {
  session: PageSession;
  hover: HoverController;
  card: CardHost;
  version: string;
  dispose(): void;
}

const send = (message: unknown) => browser.runtime.sendMessage(message);

export function allowedHere(settings: Settings): boolean {
  return settings.enabled && !isSiteDisabled(settings, location.hostname);
}

/** A lexicon; null while the knowledge base is still empty; 'off' where detection is off for this site. */
export type LoadedLexicon = { lexicon: Lexicon; version: string } | null | 'off';

/** Fetches the lexicon from the background. */
export async function loadLexicon(): Promise<LoadedLexicon> {
  const answer = (await send({ type: 'matcher.get' })) as { version: string; payload?: WireLexicon; off?: boolean } | null;
  if (answer?.off) return 'off';
  if (!answer?.payload) return null;
  return { lexicon: Lexicon.fromPayload(decodeLexicon(answer.payload)), version: answer.version };
}

export function startApp(ctx: ContentScriptContext, lexicon: Lexicon, version: string, getSettings: () => Settings): ContentApp {
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
  hover.attach(document);
  const attached = new Set<Document>([document]);
  // Same-origin frames are scanned from here; their pointer events are listened to here too.
  attachFrames = () => {
    for (const scope of session.scanner.knownScopes) {
      if (scope.nodeType === 9 && !attached.has(scope as Document)) {
        attached.add(scope as Document);
        hover.attach(scope as Document);
      }
    }
  };
  void session.start().then(attachFrames);
  return {
    session,
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
