import { defineConfig } from 'vitest/config';
import base from './vitest.config';

/**
 * The unit tests Stryker runs against mutants of lib/knowledge, lib/dataset, lib/store and
 * lib/sync (stryker.config.mjs): those folders' own tests, which must catch their bugs. Tests of
 * the pages and the background that reach these folders indirectly are left out so a mutant
 * reruns a few files, not half the suite, on a small machine. The two files that build the whole
 * seed corpus when they load (its accuracy floors, the dataset CLI) are left out too: every mutant
 * they cover would rebuild it, about ten seconds a mutant, and they stay in `npm run test:unit`.
 *
 * `isolate: false`: test files share one module graph instead of importing the knowledge builder
 * and the store again for each file, which was most of every mutant's run (these folders' tests:
 * 97 s isolated, 35 s shared, all passing either way). Stryker switches mutants at call time, so
 * loaded modules need not be loaded again; each test opens its own fresh database.
 */
export default defineConfig({
  ...base,
  test: { ...base.test, isolate: false, include: ['lib/{knowledge,dataset,store,sync}/**/*.test.ts'], exclude: [...(base.test?.exclude ?? []), 'lib/knowledge/accuracy.test.ts', 'lib/dataset/dataset.test.ts'] },
});
