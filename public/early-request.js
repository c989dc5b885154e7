// See lib/detect/early-request.ts.
(() => {
  const api = globalThis.browser?.runtime?.id ? globalThis.browser : globalThis.chrome;
  const request = api.runtime.sendMessage({ type: 'matcher.get' });
  request.catch(() => {});
  globalThis[Symbol.for('company-lens:lexicon-request')] = request;
})();
