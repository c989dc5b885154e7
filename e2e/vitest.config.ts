import { defineConfig } from 'vitest/config';

// Real-browser tests share one Chromium per file; files run one at a time because a 2-core
// machine cannot drive several browsers at once without timing noise.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    // The Firefox suite has its own config (e2e/firefox/vitest.config.ts) and build.
    exclude: ['e2e/.tmp/**', 'e2e/firefox/**', 'node_modules/**'],
    // Generous limits: CI runs on a small machine that may be busy. Tests wait for states and
    // events; a limit only ends a test that would never pass.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    expect: { poll: { timeout: 30_000 } },
    fileParallelism: false,
  },
});
