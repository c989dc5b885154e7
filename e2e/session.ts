import { afterAll, beforeAll } from 'vitest';
import { waitForDataset } from './fixtures/datasets/helpers';
import { FIXTURES_DIR, launchExtension, type Extension } from './harness';
import { PAGES_DIR } from './fixtures/pages/pages';
import { startServer, type Route } from './server';

export interface Session {
  ext: Extension;
  server: Awaited<ReturnType<typeof startServer>>;
}

/**
 * For a test file that needs the extension with its bundled dataset and the fixture pages:
 * starts both before the file's tests and stops them after. The fields are filled in
 * `beforeAll`, so read them inside tests, not at module level. `routes` serve what the fixture
 * files do not (generated datasets, vendored scripts).
 */
export function useExtensionWithFixtures(routes: Route[] = [], root = FIXTURES_DIR): Session {
  const session = {} as Session;
  beforeAll(async () => {
    session.server = await startServer(root, routes);
    session.ext = await launchExtension();
    await waitForDataset(session.ext);
  });
  afterAll(async () => {
    await session.ext?.close();
    await session.server?.close();
  });
  return session;
}

/** Serves each body at its path as JSON, readable cross-origin so a sync needs no host permission. */
export function jsonRoutes(bodies: Record<string, string>): Route {
  return (req, res) => {
    const body = bodies[req.url ?? ''];
    if (body === undefined) return false;
    res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' }).end(body);
    return true;
  };
}

/** The same for the fixture pages of e2e/fixtures/pages (and `routes`, e.g. the seed articles). */
export const useExtensionWithPages = (routes: Route[] = []): Session => useExtensionWithFixtures(routes, PAGES_DIR);
