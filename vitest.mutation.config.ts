import { defineConfig } from 'vitest/config';
import base from './vitest.config';

/**
 * The unit tests Stryker runs against mutants of lib/knowledge, lib/dataset, lib/store and
 * lib/sync (stryker.config.mjs): those folders' own tests, which must catch their bugs. Tests of
 * the pages and the background that reach these folders indirectly are left out so a mutant
 * reruns a few files, not half the suite, on a small machine.
 */
export default defineConfig({
  ...base,
  test: { ...base.test, include: ['lib/{knowledge,dataset,store,sync}/**/*.test.ts'] },
});
