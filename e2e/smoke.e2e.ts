import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, FIXTURES_DIR, type Extension } from './harness';
import { startServer } from './server';

let ext: Extension;
let server: Awaited<ReturnType<typeof startServer>>;

beforeAll(async () => {
  server = await startServer(FIXTURES_DIR);
  ext = await launchExtension();
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

describe('the built extension in Chromium', () => {
  it('answers from its background worker', async () => {
    expect(ext.id).toMatch(/^[a-p]{32}$/);
    expect(await ext.send({ type: 'ping' })).toEqual({ pong: true });
  });

  it('answers from its content script on a page served on 127.0.0.1', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${server.url}/plain.html`);
    await expect.poll(() => ext.sendToTab(page, { type: 'ping' }).catch(() => null)).toEqual({ pong: 'content' });
  });
});
