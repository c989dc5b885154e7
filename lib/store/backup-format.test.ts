import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BACKUP_FORMAT, BACKUP_VERSION, BackupError, exportUserData, parseBackup } from './backup';
import type { CompanyLensDB } from './db';
import { useFreshDb } from '../../test/support/fresh-db';

/** The backup file: what goes into it, and how a damaged or foreign file is refused. */

let db: CompanyLensDB;
useFreshDb('backup-format-test', (fresh) => (db = fresh));
beforeEach(() => fakeBrowser.reset());

const minimal = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: 1, stars: [], notes: [], recent: [], storage: {} };

function refusal(text: string): BackupError {
  try {
    parseBackup(text);
  } catch (e) {
    expect(e).toBeInstanceOf(BackupError);
    return e as BackupError;
  }
  throw new Error('expected the backup to be refused');
}

describe('exportUserData', () => {
  it('writes the current format with the user tables, the stored choices but not caches, and committed library articles only', async () => {
    await db.stars.put({ companyId: 'acme', starredAt: 5 });
    await db.library.bulkAdd([
      { id: 'mine', title: 'Mine', body: 'Text.', tags: [], origin: 'file.txt', addedAt: 3 },
      { id: 'staged', title: 'Staged', body: 'Text.', tags: [], origin: 'file.txt', addedAt: 4, pending: 1 },
    ]);
    await fakeBrowser.storage.local.set({ settings: { enabled: false }, cacheLexicon: 'big', muted: ['x'] });
    const backup = JSON.parse(await exportUserData());
    expect(backup).toMatchObject({ format: BACKUP_FORMAT, version: BACKUP_VERSION, stars: [{ companyId: 'acme', starredAt: 5 }], notes: [], recent: [] });
    expect(backup.storage).toEqual({ settings: { enabled: false }, muted: ['x'] });
    expect(backup.library).toEqual([{ id: 'mine', title: 'Mine', body: 'Text.', tags: [], origin: 'file.txt', addedAt: 3 }]);
    expect(backup.exportedAt).toBeGreaterThan(0);
    expect(parseBackup(JSON.stringify(backup))).toEqual(backup);
  });
});

describe('parseBackup', () => {
  it('reads both versions', () => {
    expect(parseBackup(JSON.stringify(minimal)).version).toBe(2);
    expect(parseBackup(JSON.stringify({ ...minimal, version: 1 })).version).toBe(1);
  });

  it('says the file is not JSON, not a backup, or of another version', () => {
    expect(refusal('{')).toMatchObject({ code: 'not-json', name: 'BackupError', message: 'This file is not a Company Lens backup: it is not JSON.' });
    expect(refusal('null')).toMatchObject({ code: 'schema' });
    expect(refusal(JSON.stringify({ ...minimal, format: 'company-lens-dataset' })).message).toBe('This file is not a Company Lens backup (its "format" field is missing or different).');
    expect(refusal(JSON.stringify({ ...minimal, version: 3 }))).toMatchObject({ code: 'version', message: 'This backup has version 3; this Company Lens reads version 2.' });
    expect(refusal(JSON.stringify({ ...minimal, version: '2' })).code).toBe('version');
  });

  it('names the damaged field', () => {
    const e = refusal(JSON.stringify({ ...minimal, notes: [{ companyId: 'a', text: 'x', updatedAt: -1 }] }));
    expect(e.code).toBe('schema');
    expect(e.message).toMatch(/^The backup is damaged: "notes\[0\]\.updatedAt" .+\.$/);
  });
});
