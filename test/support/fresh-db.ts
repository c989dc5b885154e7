import { afterEach, beforeEach } from 'vitest';
import { CompanyLensDB, setDbForTests } from '../../lib/store/db';

let opened = 0;

/**
 * For unit tests on fake-indexeddb: gives every test its own empty database, installed as the one
 * the store API reads, and closes it afterwards. `use` receives each new database, so a file can
 * keep it in a variable of its own.
 */
export function useFreshDb(prefix: string, use: (db: CompanyLensDB) => void): void {
  let db: CompanyLensDB | undefined;
  beforeEach(() => {
    db = new CompanyLensDB(`${prefix}-${++opened}`);
    setDbForTests(db);
    use(db);
  });
  afterEach(() => {
    db?.close();
    setDbForTests(undefined);
  });
}
