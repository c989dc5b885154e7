// @vitest-environment happy-dom
import fc from 'fast-check';
import { h, render } from 'preact';
import { describe, expect, it } from 'vitest';
import { SafeLink } from './SafeLink';
import { safeHttpUrl } from './safe-url';

/**
 * The safe-URL helper decides which dataset strings may become links. Properties: whatever the
 * input, the answer is null or an absolute http(s) URL without credentials that is its own
 * normal form; and no disguise of a script-capable scheme (case, control characters, white space,
 * entities, zero-width or full-width characters) ever gets through. SafeLink must render the
 * refused ones as text.
 */

const DANGEROUS = ['javascript', 'vbscript', 'data', 'file', 'blob', 'filesystem', 'about', 'chrome', 'chrome-extension', 'view-source', 'ws', 'ftp'];

/** Ways to disguise a scheme that URL parsers or browsers have been known to forgive. */
const disguise = fc.tuple(fc.constantFrom(...DANGEROUS), fc.array(fc.nat(), { maxLength: 4 }), fc.constantFrom('', ' ', '\t', '\n', '\u0000', '\u200b', '\ufeff', '\u00a0', '&#x09;', '%09'), fc.boolean(), fc.constantFrom(':', '%3a', '&colon;', '\uff1a', ': ')).map(
  ([scheme, cuts, junk, upper, colon]) => {
    let s = upper ? scheme.toUpperCase() : scheme.replace(/./g, (c, i) => (i % 2 ? c.toUpperCase() : c));
    for (const cut of cuts) {
      const at = cut % (s.length + 1);
      s = s.slice(0, at) + junk + s.slice(at);
    }
    return `${junk}${s}${colon}alert(document.domain)//https://example.com/`;
  },
);

describe('safeHttpUrl properties', () => {
  it('returns null or a normalised, credential-free http(s) URL for any string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.string({ unit: 'binary' }), disguise), (input) => {
        const out = safeHttpUrl(input);
        if (out === null) return;
        const url = new URL(out);
        expect(['http:', 'https:']).toContain(url.protocol);
        expect(url.username + url.password).toBe('');
        expect(url.hostname).not.toBe('');
        expect(out).toBe(url.href);
        expect(safeHttpUrl(out)).toBe(out);
        expect(out).not.toMatch(/[\u0000-\u001f\u007f]/);
      }),
      { numRuns: 2_000, seed: 8 },
    );
  });

  it('never accepts a disguised script-capable or local scheme', () => {
    fc.assert(
      fc.property(disguise, (input) => {
        const out = safeHttpUrl(input);
        // A disguise may at most be read as a host name of an https URL, never as a scheme.
        if (out !== null) expect(new URL(out).protocol).toBe('https:');
        if (out !== null) expect(out.startsWith('https://')).toBe(true);
      }),
      { numRuns: 2_000, seed: 8 },
    );
  });

  it.each([
    'javascript:alert(1)',
    ' javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'jav\u0000ascript:alert(1)',
    'java\u200bscript:alert(1)',
    '\ufeffjavascript:alert(1)',
    'javascript&colon;alert(1)',
    'jav&#x09;ascript:alert(1)',
    'ｊａｖａｓｃｒｉｐｔ:alert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'DATA:text/html,x',
    'vbscript:msgbox(1)',
    'file://host/share',
    'FILE:///C:/Windows',
    'blob:null/abc',
    'filesystem:https://example.com/temporary/x',
    'chrome://settings',
    'chrome-extension://abcdefghijklmnop/options.html',
    'about:blank',
    'https://user@example.com',
    'https://:pw@example.com',
    'http://',
  ])('refuses %j and SafeLink renders it as text', (input) => {
    expect(safeHttpUrl(input)).toBeNull();
    const root = document.createElement('div');
    render(h(SafeLink, { href: input }), root);
    expect(root.querySelector('a')).toBeNull();
    expect(root.textContent).toBe(input);
  });

  it('SafeLink opens accepted links without giving the page a handle on the opener', () => {
    const root = document.createElement('div');
    render(h(SafeLink, { href: 'HTTPS://Example.com/a' }, 'Example'), root);
    const a = root.querySelector('a');
    expect(a?.getAttribute('href')).toBe('https://example.com/a');
    expect(a?.getAttribute('rel')).toContain('noopener');
    expect(a?.getAttribute('rel')).toContain('noreferrer');
  });
});
