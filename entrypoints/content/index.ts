export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  main() {
    browser.runtime.onMessage.addListener((message: unknown) => {
      if (message && typeof message === 'object' && (message as { type?: string }).type === 'ping') {
        return Promise.resolve({ pong: 'content' });
      }
      return undefined;
    });
  },
});
