// Build-time variables of this project, beside the ones WXT declares (.wxt/types/globals.d.ts).
interface ImportMetaEnv {
  /** "1" only in the e2e build (npm run build:e2e): the worker then exposes its test hooks. */
  readonly WXT_E2E_HOOKS?: string;
}
