import { defineConfig } from 'vitest/config';

// The Firefox suite: one Firefox per file, files one at a time (see ../vitest.config.ts).
export default defineConfig({
  test: {
    include: ['e2e/firefox/**/*.e2e.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
