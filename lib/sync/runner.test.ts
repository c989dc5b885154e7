import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import type { CompanyLensDB } from '../store/db';
import { activeGeneration, getAllCompanies, getStatus } from '../store/read';
import { getSearchIndex, makeDataset } from '../../test/support/datasets';
import { getNote, listStars, setNote, starCompany } from '../store/user';
import { rowsOf } from '../library/articles';
import { libraryRows } from '../store/library';
import { SyncRunner, type SyncDeps } from './runner';
import { fakeDeps, fakeFetch } from '../../test/support/sync';
import type { SyncStage } from './protocol';
import { useFreshDb } from '../../test/support/fresh-db';

let db: CompanyLensDB;
let n = 0;
useFreshDb('runner-test', (fresh) => (db = fresh));

const url = 'https://data.example.org/d.json';
const serve = (body: string, headers: Record<string, string> = {}) => fakeFetch(() => new Response(body, { headers }));

/** Everything a reader can observe about the active dataset. */
async function snapshot() {
  return { status: await getStatus(), companies: await getAllCompanies() };
}

describe('SyncRunner', () => {
  it('stores the quick search index at the switch and asks for the full text after answering', async () => {
    const order: string[] = [];
    const runner = new SyncRunner(
      fakeDeps({
        buildQuickSearchIndex: (dataset) => `quick:${dataset.meta.contentHash}`,
        completeSearchIndex: async (gen, dataset) => void order.push(`complete ${gen} ${dataset.meta.contentHash}`),
      }),
    );
    const result = runner.run({ kind: 'bundled' }).then((r) => (order.push('answered'), r));
    expect(await result).toMatchObject({ ok: true, outcome: 'ok' });
    expect((await getSearchIndex())?.json).toBe('quick:hash-bundled-4');
    const gen = (await activeGeneration(db))?.gen;
    await vi.waitFor(() => expect(order).toEqual(['answered', `complete ${gen} hash-bundled-4`]), { timeout: 30_000 });
    // Nothing to complete when the dataset did not change.
    await runner.run({ kind: 'bundled' });
    await new Promise((r) => setTimeout(r, 10));
    expect(order).toHaveLength(2);
  });

  it('deletes the previous dataset after answering, before any later sync starts', async () => {
    const runner = new SyncRunner(fakeDeps({ fetchImpl: fakeFetch((input) => new Response(JSON.stringify(makeDataset(String(input).slice(-6, -5), 3)))) }));
    await runner.run({ kind: 'bundled' });
    // Two syncs queued back to back: the cleanup after the first must not touch the second's rows.
    const [first, second] = await Promise.all([runner.run({ kind: 'url', url: 'https://data.example.org/a.json' }), runner.run({ kind: 'url', url: 'https://data.example.org/b.json' })]);
    expect([first.ok, second.ok]).toEqual([true, true]);
    // `recover` is queued behind the cleanups, so once it is done they are too.
    await runner.recover();
    const active = (await activeGeneration(db))!.gen;
    expect((await db.generations.toArray()).map((g) => g.gen)).toEqual([active]);
    expect(new Set((await db.companies.toArray()).map((c) => c.gen))).toEqual(new Set([active]));
    expect((await getAllCompanies()).map((c) => c.id)).toEqual(makeDataset('b', 3).companies.map((c) => c.id));
  });

  it('fills an empty store from the bundled corpus, then finds it unchanged', async () => {
    const runner = new SyncRunner(fakeDeps());
    const first = await runner.run({ kind: 'bundled' });
    expect(first).toMatchObject({ ok: true, outcome: 'ok', status: { companies: 4, source: 'bundled seed corpus' } });
    const second = await runner.run({ kind: 'bundled' });
    expect(second).toMatchObject({ ok: true, outcome: 'unchanged', status: first.status });
    expect((await db.syncLog.toArray()).map((r) => r.outcome)).toEqual(['ok', 'unchanged']);
  });

  it('replaces the dataset from a URL and skips the import when the server says 304', async () => {
    const body = JSON.stringify(makeDataset('remote', 7));
    let conditional: string | undefined;
    const fetchImpl = fakeFetch((_, init) => {
      conditional = (init.headers as Record<string, string>)['if-none-match'];
      return conditional === '"r1"' ? new Response(null, { status: 304 }) : new Response(body, { headers: { etag: '"r1"' } });
    });
    const runner = new SyncRunner(fakeDeps({ fetchImpl }));
    await runner.run({ kind: 'bundled' });
    const ok = await runner.run({ kind: 'url', url });
    expect(ok).toMatchObject({ ok: true, outcome: 'ok', status: { companies: 7, source: url } });
    const again = await runner.run({ kind: 'url', url });
    expect(conditional).toBe('"r1"');
    expect(again).toMatchObject({ ok: true, outcome: 'unchanged', status: ok.status });
  });

  it('builds an import in the order the library is read back, so the next change builds the same order', async () => {
    const orders: string[][] = [];
    const base = fakeDeps();
    const runner = new SyncRunner(fakeDeps({ buildDataset: (input) => (orders.push((input.articles ?? []).map((a) => a.id)), base.buildDataset(input)) }));
    // Files chosen in the reverse order of their articles' ids.
    const files = ['First story.', 'Second story.', 'Third story.'].map((text, i) => ({ name: `${i}.txt`, text }));
    const idOf = (file: { name: string; text: string }) => rowsOf(file, 0)[0].id;
    files.sort((a, b) => (idOf(a) < idOf(b) ? 1 : -1));
    expect(await runner.run({ kind: 'files', files })).toMatchObject({ ok: true });
    expect(await runner.removeFromLibrary(['lib-not-there', idOf(files[0])])).toMatchObject({ ok: true });
    expect(orders[0]).toEqual(files.map(idOf).reverse());
    expect(orders[1]).toEqual(orders[0].filter((id) => id !== idOf(files[0])));
    // The runner keeps the library it committed instead of reading it back: what it builds with
    // is still the library as the store reads it, change after change.
    expect(await runner.run({ kind: 'files', files: [{ name: 'later.txt', text: 'Fourth story.' }] })).toMatchObject({ ok: true });
    expect(await runner.removeFromLibrary([orders[1][0]])).toMatchObject({ ok: true });
    expect(await runner.run({ kind: 'files', files: [{ name: 'last.txt', text: 'Fifth story.' }] })).toMatchObject({ ok: true });
    expect(orders[4]).toEqual((await libraryRows(db)).map((r) => r.id));
    expect(orders[3]).toEqual(orders[4].filter((id) => id !== rowsOf({ name: 'last.txt', text: 'Fifth story.' }, 0)[0].id));
  });

  it('adds text files to the library, import after import, built with the bundled corpus; imports a dataset file as is', async () => {
    const runner = new SyncRunner(fakeDeps());
    const built = await runner.run({ kind: 'files', files: [{ name: 'a.txt', text: 'Hello.' }, { name: 'b.md', text: '# Hi' }] });
    expect(built).toMatchObject({ ok: true, status: { companies: 6, source: 'bundled seed corpus + your library (2 articles)' } });
    expect(built.ok && built.report?.files.map((f) => [f.name, f.articles, f.skipped])).toEqual([['a.txt', 1, 0], ['b.md', 1, 0]]);
    // The second import adds to the first; an article already there is skipped and reported.
    const second = await runner.run({ kind: 'files', files: [{ name: 'c.txt', text: 'Third.' }, { name: 'copy.txt', text: 'Hello.' }] });
    expect(second).toMatchObject({ ok: true, status: { companies: 7, source: 'bundled seed corpus + your library (3 articles)' } });
    expect(second.ok && second.report?.files.map((f) => [f.name, f.articles, f.skipped])).toEqual([['c.txt', 1, 0], ['copy.txt', 0, 1]]);
    expect((await db.library.toArray()).map((r) => r.title).sort()).toEqual(['Hello.', 'Hi', 'Third.']);
    // Syncing the bundled corpus again keeps the library in the knowledge.
    expect(await runner.run({ kind: 'bundled' })).toMatchObject({ ok: true, outcome: 'unchanged' });
    const removed = await runner.removeFromLibrary([(await db.library.toArray()).find((r) => r.title === 'Third.')!.id]);
    expect(removed).toMatchObject({ ok: true, status: { companies: 6 } });
    expect(await db.library.count()).toBe(2);
    const imported = await runner.run({ kind: 'files', files: [{ name: 'mine.json', text: JSON.stringify(makeDataset('mine', 2)) }] });
    // A synced dataset replaces the bundled corpus, and the library is joined to it (the fake
    // build of the 2 library articles names 5 companies of its own).
    expect(imported).toMatchObject({ ok: true, status: { companies: 7, source: 'mine.json + your library (2 articles)' } });
    // A library change over a synced dataset builds over the dataset's kept original.
    const over = await runner.run({ kind: 'files', files: [{ name: 'd.txt', text: 'Fourth.' }] });
    expect(over).toMatchObject({ ok: true, status: { companies: 8, source: 'mine.json + your library (3 articles)' } });
  });

  describe('a failure at any stage leaves the previous dataset and the user data exactly as they were', () => {
    const stages: SyncStage[] = ['fetch', 'parse', 'index', 'write', 'switch'];
    it.each(stages)('failing at %s', async (failAt) => {
      let armed = false;
      const deps = fakeDeps({
        fetchImpl: serve(JSON.stringify(makeDataset('next', 2500))),
        onStage(stage, done) {
          // Writing fails half-way, after some batches are already stored.
          if (armed && stage === failAt && (stage !== 'write' || done >= 1000)) throw new Error(`injected failure at ${stage}`);
        },
      });
      const runner = new SyncRunner(deps);
      await runner.run({ kind: 'url', url: 'https://old.example.org/d.json' }).then(() => undefined);
      await runner.run({ kind: 'bundled' });
      await starCompany('bundled-co-0', true);
      await setNote('bundled-co-1', 'keep me');
      const before = await snapshot();
      const rowsBefore = await db.companies.count();
      armed = true;
      const result = await runner.run({ kind: 'url', url });
      expect(result.ok).toBe(false);
      expect(result.ok ? '' : result.error.detail).toContain(`injected failure at ${failAt}`);
      expect(await snapshot()).toEqual(before);
      expect(await db.companies.count()).toBe(rowsBefore);
      expect(await db.generations.count()).toBe(1);
      expect((await listStars()).map((s) => s.companyId)).toEqual(['bundled-co-0']);
      expect((await getNote('bundled-co-1'))?.text).toBe('keep me');
      expect((await db.syncLog.orderBy('id').last())?.outcome).toBe('error');
    });

    it('failing in the build, with a typed dataset error', async () => {
      const runner = new SyncRunner(fakeDeps());
      await runner.run({ kind: 'bundled' });
      const before = await snapshot();
      const result = await runner.run({ kind: 'files', files: [{ name: 'x.json', text: '{"format":"company-lens-dataset","version":1}' }] });
      expect(result).toMatchObject({ ok: false, error: { code: 'schema' } });
      expect(await snapshot()).toEqual(before);
    });

    it('running out of storage space', async () => {
      const deps = fakeDeps({
        fetchImpl: serve(JSON.stringify(makeDataset('big', 1500))),
        onStage(stage, done) {
          if (stage === 'write' && done > 0) throw new DOMException('Quota exceeded', 'QuotaExceededError');
        },
      });
      const runner = new SyncRunner(deps);
      await new SyncRunner(fakeDeps()).run({ kind: 'bundled' });
      const before = await snapshot();
      expect(await runner.run({ kind: 'url', url })).toMatchObject({ ok: false, error: { code: 'quota' } });
      expect(await snapshot()).toEqual(before);
    });
  });

  it('refuses bad article files by name and keeps the rest', async () => {
    const runner = new SyncRunner(fakeDeps());
    await runner.run({ kind: 'bundled' });
    const files = [
      { name: 'empty.txt', text: '   \n' },
      { name: 'photo.txt', text: 'GIF89a\u0000\u0001\u0002' },
      { name: 'sheet.xlsx', text: 'PK' },
      { name: 'good.txt', text: 'Fine.' },
    ];
    const result = await runner.run({ kind: 'files', files, refused: [{ name: 'big.txt', reason: 'is larger than 20 MB' }] });
    expect(result).toMatchObject({ ok: true, outcome: 'ok', status: { companies: 5 } });
    expect(result.ok && result.report?.refused.map((r) => `${r.name} ${r.reason}`)).toEqual([
      'big.txt is larger than 20 MB',
      'empty.txt is empty',
      'photo.txt is not a text file (it looks binary)',
      'sheet.xlsx is not a .txt, .md, .html, .zip or dataset .json file',
    ]);
    expect(result.ok && result.report?.files.map((f) => f.name)).toEqual(['good.txt']);
    expect(await db.library.count()).toBe(1);
  });

  it('leaves the library as it was when an import fails or is cancelled', async () => {
    let failAt: SyncStage | undefined;
    const runner = new SyncRunner(fakeDeps({ onStage: (stage) => { if (stage === failAt) throw new Error(`injected failure at ${stage}`); } }));
    await runner.run({ kind: 'files', files: [{ name: 'a.txt', text: 'First.' }] });
    const before = { library: await db.library.toArray(), status: await getStatus() };
    for (const stage of ['build', 'write', 'switch'] as SyncStage[]) {
      failAt = stage;
      const result = await runner.run({ kind: 'files', files: [{ name: 'b.txt', text: 'Second.' }] });
      expect(result, stage).toMatchObject({ ok: false });
      expect(await db.library.toArray()).toEqual(before.library);
      expect(await getStatus()).toEqual(before.status);
    }
    failAt = undefined;
    const cancelled = runner.run({ kind: 'files', files: [{ name: 'b.txt', text: 'Second.' }] });
    const unsubscribe = runner.subscribe((event) => event.kind === 'progress' && event.stage === 'write' && runner.cancel());
    expect(await cancelled).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    unsubscribe();
    expect(await db.library.toArray()).toEqual(before.library);
    // A stopped worker's staged rows are removed when the next one starts.
    await db.library.add({ ...before.library[0], id: 'lib-staged', pending: 1 });
    await runner.recover();
    expect(await db.library.toArray()).toEqual(before.library);
  });

  it('refuses a bad dataset file by name without touching the store', async () => {
    const runner = new SyncRunner(fakeDeps());
    await runner.run({ kind: 'bundled' });
    const cases: [string, string, string][] = [
      ['page.json', '<!doctype html><html></html>', 'not-json'],
      ['cut.json', '{"format":"company-lens-dataset","comp', 'truncated'],
    ];
    for (const [name, text, code] of cases) {
      const result = await runner.run({ kind: 'files', files: [{ name, text }] });
      expect(result, name).toMatchObject({ ok: false, error: { code } });
      if (!result.ok && code !== 'not-json' && code !== 'truncated') expect(result.error.message).toContain(name);
    }
    expect((await getStatus()).companies).toBe(4);
  });

  it('lets readers see the old dataset or the new one, never a mix', async () => {
    const runner = new SyncRunner(fakeDeps({ fetchImpl: serve(JSON.stringify(makeDataset('new', 4000))) }));
    await runner.run({ kind: 'bundled' });
    const seen = new Set<string>();
    let done = false;
    const reader = (async () => {
      while (!done) {
        const companies = await getAllCompanies();
        const prefixes = new Set(companies.map((c) => c.id.split('-co-')[0]));
        expect(prefixes.size).toBe(1);
        const [prefix] = prefixes;
        expect(companies.length).toBe(prefix === 'new' ? 4000 : 4);
        seen.add(prefix);
      }
    })();
    const result = await runner.run({ kind: 'url', url });
    done = true;
    await reader;
    expect(result.ok).toBe(true);
    expect(seen.has('bundled')).toBe(true);
  });

  it('cancels a running sync and keeps the old dataset', async () => {
    let runner: SyncRunner;
    const deps: SyncDeps = fakeDeps({
      fetchImpl: serve(JSON.stringify(makeDataset('new', 3000))),
      onStage: (stage, done) => void (stage === 'write' && done >= 1000 && runner.cancel()),
    });
    runner = new SyncRunner(deps);
    await runner.run({ kind: 'bundled' });
    const before = await snapshot();
    expect(await runner.run({ kind: 'url', url })).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(await snapshot()).toEqual(before);
    expect((await db.syncLog.orderBy('id').last())?.outcome).toBe('cancelled');
  });

  it('recovers from a worker stopped mid-sync: unfinished rows go, the log says interrupted', async () => {
    const runner = new SyncRunner(fakeDeps());
    await runner.run({ kind: 'bundled' });
    const before = await snapshot();
    // What a stopped worker leaves behind: a 'running' log entry and a half-written generation.
    await db.syncLog.add({ startedAt: 1, source: url, sourceKind: 'url', outcome: 'running' });
    await db.generations.add({ gen: 50, state: 'writing', startedAt: 1, sourceKind: 'url', meta: { source: url, contentHash: 'h', generator: 'g' }, counts: { companies: 2, articles: 0, facts: 0, people: 0, relations: 0, mentions: 0 } });
    await db.companies.bulkAdd(makeDataset('half', 2).companies.map((c, i) => ({ ...c, gen: 50, n: i })));
    const fresh = new SyncRunner(fakeDeps());
    expect(await fresh.recover()).toBe(2);
    expect(await snapshot()).toEqual(before);
    expect(await db.companies.count()).toBe(4);
    expect((await db.syncLog.orderBy('id').last())).toMatchObject({ outcome: 'interrupted', error: { code: 'interrupted' } });
    expect(await fresh.run({ kind: 'files', files: [{ name: 'd.json', text: JSON.stringify(makeDataset('second', 5)) }] })).toMatchObject({ ok: true, status: { companies: 5 } });
  });
});
