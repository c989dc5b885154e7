// Mutation testing of the data core (issue 19): `npm run mutation`, not part of CI.
// One folder while iterating: `npm run mutation -- --mutate 'lib/dataset/**/*.ts,!lib/**/*.test.ts'`.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  // `related`: the first run takes only the test files that import the mutated files (directly or
  // not), so a run on one folder does not start with every other folder's tests.
  vitest: { configFile: 'vitest.mutation.config.ts', related: true },
  mutate: [
    'lib/knowledge/**/*.ts',
    'lib/dataset/**/*.ts',
    'lib/store/**/*.ts',
    'lib/sync/**/*.ts',
    '!lib/**/*.test.ts',
  ],
  // Each mutant runs only the tests that executed its code in the first, instrumented run.
  coverageAnalysis: 'perTest',
  // Static mutants (module-level constants such as the zod schemas and regular expressions) would
  // each rerun every test, one to two minutes a mutant here: they are reported as ignored and
  // left out of the score. The schema is checked by its own tests (dataset.test.ts).
  ignoreStatic: true,
  // Reruns test only mutants in changed code or covered by changed tests. A run on one folder keeps
  // the other folders' results in the file, so folder runs add up to the whole report.
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  // Two cores shared with other work: one test process at a time keeps the machine usable.
  concurrency: 1,
  // A busy machine runs the property tests slowly; a mutant must be clearly stuck to time out.
  timeoutMS: 20_000,
  timeoutFactor: 2,
  reporters: ['clear-text', 'progress', 'html'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
