import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { safeVendor } from './build/safe-vendor';
import { popupInOneChunk } from './build/popup-chunk';

// The manifest is the extension's security boundary, so every permission here is needed by a
// named feature: storage/unlimitedStorage for the local knowledge base, alarms for periodic URL
// sync, contextMenus for "Look up" and "Add this page", tabs for opening profile pages, activeTab
// and scripting to read the article of the tab the user asks to add to their library (only then).
// Host access for a sync URL is requested at run time through optional_host_permissions.
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  outDir: '.output',
  hooks: {
    // The mark stylesheet (entrypoints/marks.content.css) is injected by the browser into every
    // frame at document_start, before the page has elements: added later, a ::highlight() rule
    // costs a restyle of the whole page (lib/detect/mark-style.ts). WXT builds CSS entrypoints
    // but leaves declaring them to the project.
    'build:manifestGenerated': (wxt, manifest) => {
      const firefox = wxt.config.browser === 'firefox';
      manifest.content_scripts ??= [];
      // The lexicon request, sent before the page is parsed (public/early-request.js).
      manifest.content_scripts.push({ matches: ['<all_urls>'], js: ['early-request.js'], run_at: 'document_start' });
      manifest.content_scripts.push({
        matches: ['<all_urls>'],
        css: ['content-scripts/marks.css'],
        run_at: 'document_start',
        all_frames: true,
        match_about_blank: true,
      });
      // The card module, which the content script imports when a page names companies
      // (components/card/load-surface.ts). A per-session URL in Chromium, so pages cannot probe
      // for it; Firefox has no such key (it warns) and gives each install a random origin instead.
      const accessible = (manifest.web_accessible_resources ??= []) as object[];
      accessible.push({ resources: ['card-ui.js'], matches: ['<all_urls>'], ...(firefox ? {} : { use_dynamic_url: true }) });
      // The page reader, which the content script imports when the user adds the page to the
      // library and the extension may not inject it into the tab (lib/library/page-read.ts).
      accessible.push({ resources: ['page-reader.js'], matches: ['<all_urls>'], ...(firefox ? {} : { use_dynamic_url: true }) });
    },
  },
  vite: () => ({
    // safeVendor removes zod's `new Function` paths and Preact's innerHTML branch from
    // the bundle, so `web-ext lint` and e2e/security-bundle.e2e.ts find neither.
    plugins: [safeVendor(), preact(), popupInOneChunk()],
    build: { target: 'es2022' },
  }),
  manifest: ({ browser }) => ({
    name: 'Company Lens',
    description:
      'Hover a company name on any page to see what your local news corpus says about it. No page text leaves the browser.',
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'contextMenus', 'tabs', 'activeTab', 'scripting'],
    optional_host_permissions: ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'],
    omnibox: { keyword: 'co' },
    commands: {
      _execute_action: {
        suggested_key: { default: 'Alt+Shift+L' },
        description: 'Open the Company Lens search',
      },
      'open-card': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: 'Show the card for the company name at the selection',
      },
      // Chrome takes at most four suggested keys; these are the other two besides the search.
      'next-company': {
        suggested_key: { default: 'Alt+Shift+N' },
        description: 'Show the card of the next company name on the page',
      },
      'previous-company': {
        suggested_key: { default: 'Alt+Shift+P' },
        description: 'Show the card of the previous company name on the page',
      },
      // No suggested key (Chrome's four are taken): the user picks one in the browser's shortcuts page.
      'add-page': {
        description: 'Add this page to your Company Lens library',
      },
    },
    // No web page or other extension may message this one. Firefox has no such key (it warns)
    // and lets no page connect to an extension in the first place.
    ...(browser === 'firefox' ? {} : { externally_connectable: { matches: [] } }),
    // Messages as structured clones, not JSON: the lexicon every tab loads is typed arrays, which
    // then travel as they are (lib/detect/wire.ts). Chrome reads this key from version 148;
    // Firefox has always cloned messages.
    ...(browser === 'firefox' ? {} : { message_serialization: 'structured_clone', minimum_chrome_version: '148' }),
    // Issue #8: stricter than Chrome's MV3 default (no plugins, no <base> or form hijacking). No
    // frame-ancestors: the browser frames the options page. Pinned by e2e/fixtures/golden/csp.json.
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'",
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'company-lens@example.org',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
