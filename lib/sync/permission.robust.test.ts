import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { CompanyLensDB } from '../store/db';
import { getStatus } from '../store/read';
import { makeDataset } from '../../test/support/datasets';
import { listStars, starCompany } from '../store/user';
import { SyncRunner } from './runner';
import { fakeDeps, fakeFetch } from '../../test/support/sync';
import { useFreshDb } from '../../test/support/fresh-db';

/**
 * A host permission the user granted for a sync URL can be withdrawn at any time (from the
 * browser's extension settings), including between two scheduled syncs or while a download is
 * running. The browser then refuses the request like a network failure. The next sync must fail
 * with the typed 'permission' error that tells the user what to do, keep the dataset and the
 * user's data, and record the outcome; nothing may throw out of the runner.
 */

let db: CompanyLensDB;
useFreshDb('permission-robust', (fresh) => (db = fresh));

const url = 'https://data.example.org/d.json';
const body = JSON.stringify(makeDataset('remote', 5));

describe('a host permission revoked mid-session', () => {
  it('turns the next URL sync into a typed permission error, keeping dataset and user data', async () => {
    let permitted = true;
    // Without permission (and without CORS on the server) the browser's fetch rejects as a network error.
    const fetchImpl = fakeFetch(() => {
      if (!permitted) throw new TypeError('Failed to fetch');
      return new Response(body);
    });
    const runner = new SyncRunner(fakeDeps({ fetchImpl, hasHostPermission: async () => permitted }));
    expect(await runner.run({ kind: 'url', url })).toMatchObject({ ok: true, status: { companies: 5, source: url } });
    await starCompany('remote-co-1', true);
    const before = await getStatus();

    permitted = false;
    const after = await runner.run({ kind: 'url', url });
    expect(after).toMatchObject({ ok: false, error: { code: 'permission' } });
    expect((after as { error: { message: string } }).error.message).toMatch(/data\.example\.org.*allow access/);
    expect(await getStatus()).toEqual(before);
    expect((await listStars()).map((s) => s.companyId)).toEqual(['remote-co-1']);
    expect((await db.syncLog.toArray()).map((r) => r.error?.code ?? r.outcome)).toEqual(['ok', 'permission']);

    // Granted again: the same sync works.
    permitted = true;
    expect(await runner.run({ kind: 'url', url })).toMatchObject({ ok: true });
  });

  it('fails cleanly when access disappears in the middle of a download', async () => {
    const runner0 = new SyncRunner(fakeDeps({ fetchImpl: fakeFetch(() => new Response(body)) }));
    await runner0.run({ kind: 'url', url });
    const before = await getStatus();
    const half = body.slice(0, body.length / 2);
    const fetchImpl = fakeFetch(
      () =>
        new Response(
          new ReadableStream({
            start(controller) {
              controller.enqueue(new TextEncoder().encode(half));
              controller.error(new TypeError('network error'));
            },
          }),
        ),
    );
    const runner = new SyncRunner(fakeDeps({ fetchImpl, hasHostPermission: async () => false }));
    const result = await runner.run({ kind: 'url', url: `${url}?v=2` });
    expect(result.ok).toBe(false);
    // Whatever the browser reports (a refused request, a reset stream), the outcome is typed.
    expect(['permission', 'network', 'truncated']).toContain((result as { error: { code: string } }).error.code);
    expect(await getStatus()).toEqual(before);
  });
});
