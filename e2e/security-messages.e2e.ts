/// <reference types="chrome" />
import fc from 'fast-check';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Message } from '../lib/messages';
import { ANSWERS } from '../lib/protocol/answers';
import type { DatasetStatus } from '../lib/store/read';
import { waitForDataset } from './fixtures/datasets/helpers';
import { launchExtension, FIXTURES_DIR, type Extension } from './harness';
import { contentWorld, type ContentWorld } from './security-helpers';
import { startServer } from './server';

/**
 * The message boundary in a real browser: malformed messages from the extension's pages and from
 * a content script's own world change nothing and crash nothing; privileged messages sent from a
 * content script are refused; a content script reads no password field and makes no request.
 */

let ext: Extension;
let server: Awaited<ReturnType<typeof startServer>>;
const served: string[] = [];

beforeAll(async () => {
  server = await startServer(FIXTURES_DIR, [
    (req) => {
      served.push(req.url ?? '');
      return false;
    },
  ]);
  ext = await launchExtension();
  await waitForDataset(ext);
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

/** Everything a malformed message could have changed: the dataset, the sync log, the settings. */
async function state(): Promise<unknown> {
  const page = await ext.extensionPage('company.html');
  const facts = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const r = indexedDB.open('company-lens');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    const count = (store: string) =>
      new Promise<number>((ok) => {
        const r = db.transaction(store).objectStore(store).count();
        r.onsuccess = () => ok(r.result);
      });
    const out = { generations: await count('generations'), syncLog: await count('syncLog'), companies: await count('companies') };
    db.close();
    return { ...out, storage: await chrome.storage.local.get(null) };
  });
  await page.close();
  return { status: await ext.send<DatasetStatus>({ type: 'dataset.status' }), facts };
}

/** JSON-safe malformed messages (runtime messages are JSON-serialised by Chromium). */
function malformedMessages(n: number): unknown[] {
  const types = Object.keys(ANSWERS);
  const nearMiss = fc.record(
    { type: fc.oneof(fc.constantFrom(...types), fc.string()), id: fc.jsonValue(), source: fc.jsonValue(), values: fc.jsonValue(), extra: fc.jsonValue() },
    { requiredKeys: ['type'] },
  );
  const arb = fc.oneof(fc.jsonValue({ maxDepth: 3 }), nearMiss).filter((m) => !Message.safeParse(m).success);
  return fc.sample(arb, { numRuns: n, seed: 8 });
}

const SEND_ALL = (messages: unknown[]) =>
  Promise.all(
    messages.map((m) =>
      chrome.runtime.sendMessage(m).then(
        (value) => ({ ok: true, value: value ?? null }),
        (error: Error) => ({ ok: false, error: String(error?.message ?? error) }),
      ),
    ),
  );

/** A dropped message gets no answer: the promise resolves empty or reports the closed port. */
function expectNoAnswers(results: { ok: boolean; value?: unknown; error?: string }[]): void {
  for (const r of results) {
    if (r.ok) expect(r.value).toBeNull();
    else expect(r.error).toMatch(/message port closed|Receiving end does not exist/);
  }
}

describe('the message boundary in Chromium', () => {
  let page: Page;
  let world: ContentWorld;

  beforeAll(async () => {
    page = await ext.context.newPage();
    await page.goto(`${server.url}/hostile/quiet.html`);
    world = await contentWorld(ext, page);
  });

  it('drops 400 malformed messages from an extension page and 400 from a content script', async () => {
    const before = await state();
    const worker = await ext.currentWorker();
    const fromPage = await ext.extensionPage('company.html');
    expectNoAnswers(await fromPage.evaluate(SEND_ALL, malformedMessages(400)));
    await fromPage.close();
    const messages = JSON.stringify(malformedMessages(400).reverse());
    expectNoAnswers(await world.evaluate(`(${SEND_ALL.toString()})(${messages})`));
    // Still the same worker, still answering, and nothing changed.
    expect((await ext.currentWorker()).url()).toBe(worker.url());
    expect(await ext.send({ type: 'ping' })).toEqual({ pong: true });
    expect(await state()).toEqual(before);
  });

  it('refuses privileged messages sent from the content script world', async () => {
    const before = await state();
    const privileged = [
      { type: 'dataset.sync', source: { kind: 'bundled' } },
      { type: 'dataset.sync', source: { kind: 'url', url: `${server.url}/nothing.json` } },
      { type: 'dataset.sync', source: { kind: 'files', files: [{ name: 'x.txt', text: 'Evil\n\nAlibaba Group sold everything.' }] } },
      { type: 'dataset.cancel' },
      { type: 'corrections.add', correction: { kind: 'not-organisation', companyId: 'alibaba', companyName: 'Alibaba' } },
      { type: 'corrections.undo', ids: [1] },
    ];
    for (const m of privileged) {
      const answer = await world.evaluate(`chrome.runtime.sendMessage(${JSON.stringify(m)})`);
      expect(answer).toEqual({ ok: false, error: { code: 'forbidden', message: expect.any(String) } });
    }
    // The content script world can still do what it is meant to: read a card.
    expect(await world.evaluate(`chrome.runtime.sendMessage({type: 'ping'})`)).toEqual({ pong: true });
    expect(await state()).toEqual(before);
  });

  it('cannot open the sync progress port from the content script world', async () => {
    const outcome = await world.evaluate<{ messages: number; disconnected: boolean }>(`new Promise((resolve) => {
      const port = chrome.runtime.connect({ name: 'sync.progress' });
      let messages = 0;
      port.onMessage.addListener(() => messages++);
      port.onDisconnect.addListener(() => resolve({ messages, disconnected: true }));
      setTimeout(() => resolve({ messages, disconnected: false }), 3000);
    })`);
    expect(outcome).toEqual({ messages: 0, disconnected: true });
  });
});

describe('privacy on web pages', () => {
  it('never reads password fields', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${server.url}/hostile/password.html`);
    await page.waitForTimeout(300);
    await expect
      .poll(() => ext.sendToTab<{ mentions: { name: string }[] }>(page, { type: 'page.mentions' }).catch(() => null), { timeout: 30_000 })
      .toMatchObject({ mentions: [{ name: 'Tencent' }] });
    const { mentions } = await ext.sendToTab<{ mentions: { name: string }[] }>(page, { type: 'page.mentions' });
    // The visible paragraph is found (the scan ran); nothing typed into a password field is.
    expect(mentions.map((m) => m.name)).toEqual(['Tencent']);
    await page.close();
  });

  it('makes no network request from the content script while scanning and showing a card', async () => {
    const page = await ext.context.newPage();
    const cdp = await ext.context.newCDPSession(page);
    const requests: string[] = [];
    cdp.on('Network.requestWillBeSent', (event) => requests.push(event.request.url));
    await cdp.send('Network.enable');
    served.length = 0;
    const url = `${server.url}/hostile/quiet.html`;
    await page.goto(url);
    await expect.poll(() => ext.sendToTab<{ mentions: unknown[] }>(page, { type: 'page.mentions' }).then((r) => r.mentions.length).catch(() => 0), { timeout: 30_000 }).toBeGreaterThan(1);
    // Hover a name long enough for the card to open; its data comes by message, not by request.
    const box = await page.locator('p').first().boundingBox();
    if (box) await page.mouse.move(box.x + 20, box.y + box.height / 2);
    await page.waitForTimeout(1_500);
    // The card module is the extension's own file, which may be requested under its per-session
    // dynamic id (use_dynamic_url), so it is matched by scheme and path rather than by extension id.
    const own = (u: string) => u.startsWith(`chrome-extension://${ext.id}/`) || /^chrome-extension:\/\/[\w-]+\/card-ui\.js$/.test(u);
    const foreign = requests.filter((u) => u !== url && !own(u) && !u.startsWith('data:'));
    expect(foreign).toEqual([]);
    expect(served).toEqual(['/hostile/quiet.html']);
    await page.close();
  });
});
