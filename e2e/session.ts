import { afterAll, beforeAll } from 'vitest';
import { waitForDataset } from './fixtures/datasets/helpers';
import { FIXTURES_DIR, launchExtension, type Extension } from './harness';
import { startServer } from './server';

export interface Session {
  ext: Extension;
  server: Awaited<ReturnType<typeof startServer>>;
}

/**
 * For a test file that needs the extension with its bundled dataset and the fixture pages:
 * starts both before the file's tests and stops them after. The fields are filled in
 * `beforeAll`, so read them inside tests, not at module level.
 */
export function useExtensionWithFixtures(): Session {
  const session = {} as Session;
  beforeAll(async () => {
    session.server = await startServer(FIXTURES_DIR);
    session.ext = await launchExtension();
    await waitForDataset(session.ext);
  });
  afterAll(async () => {
    await session.ext?.close();
    await session.server?.close();
  });
  return session;
}
