import type { Plugin } from 'vite';

/**
 * Rewrites the two vendor code paths that would make the built extension evaluate strings or
 * assign HTML, so that the bundle itself carries the guarantee instead of relying on the CSP alone.
 *
 * - zod 4 compiles fast validators with `new Function` (the `allowsEval` probe, `Doc.compile`
 *   and `compileFn`). Every such spot starts with `const F = Function;`; we bind `F` to a function
 *   that throws instead, which zod already treats as "code generation is unavailable" and falls
 *   back to its interpreter. We also make `jitless: true` zod's default so the probe never runs,
 *   whatever module creates the first schema.
 * - Preact assigns `innerHTML` only for `dangerouslySetInnerHTML`. The project never uses it (a
 *   test greps for it), so that branch now throws: a string can never become markup by accident.
 *
 * Each rewrite must find what it expects; if a dependency upgrade changes the source, the build
 * fails here with the file named, rather than silently shipping the old code path.
 */

const NO_CODEGEN =
  'function noCodeGeneration() { throw new EvalError("Company Lens: code generation from strings is disabled"); }';
const NO_INNER_HTML =
  '(() => { throw new TypeError("Company Lens: dangerouslySetInnerHTML is not supported"); })()';

export interface Rewrite {
  /** Which module ids the rewrite applies to (a path fragment under node_modules). */
  applies(id: string): boolean;
  /** Returns the rewritten source, or null when the file has nothing this rewrite targets. */
  rewrite(code: string, id: string): string | null;
}

export class VendorRewriteError extends Error {
  constructor(file: string, what: string) {
    super(`safe-vendor: ${file} ${what}; update build/safe-vendor.ts for this dependency version`);
    this.name = 'VendorRewriteError';
  }
}

const normalise = (id: string) => id.replace(/\\/g, '/').split('?')[0];

export const zodRewrite: Rewrite = {
  applies: (id) => /\/node_modules\/zod\/.*\.(c|m)?js$/.test(normalise(id)),
  rewrite(code, id) {
    let out = code;
    if (out.includes('__zod_globalConfig = {})')) {
      out = out.replace('__zod_globalConfig = {})', '__zod_globalConfig = { jitless: true })');
    }
    out = out.replace(/\bconst F = Function;/g, `const F = ${NO_CODEGEN};`);
    // Anything still reaching the Function constructor or eval is a path this rewrite does not know.
    const code_only = stripComments(out);
    if (/(?<![\w$.])(?:Function|eval)\s*\(|new\s+Function\b|=\s*Function\s*[;,)]/.test(code_only)) {
      throw new VendorRewriteError(normalise(id), 'still reaches the Function constructor or eval');
    }
    return out === code ? null : out;
  },
};

export const preactRewrite: Rewrite = {
  applies: (id) => /\/node_modules\/preact\/(?:[\w-]+\/)?dist\/[^/]+\.m?js$/.test(normalise(id)),
  rewrite(code, id) {
    if (!code.includes('innerHTML')) return null;
    // Minified Preact: `(u.innerHTML=h.__html)`. Reads of innerHTML and clearing it with "" stay.
    const out = code.replace(/\(\s*[\w$]+\.innerHTML\s*=\s*[\w$]+\.__html\s*\)/g, NO_INNER_HTML);
    if (/\.innerHTML\s*=(?!=)\s*(?!""|''|``)/.test(out)) {
      throw new VendorRewriteError(normalise(id), 'still assigns a non-literal to innerHTML');
    }
    return out === code ? null : out;
  },
};

/**
 * Readability re-parses HTML twice, always inside the document it was given (a detached clone
 * of the page, or a DOMParser document): it restores the page from a cached `innerHTML` between
 * extraction attempts, and re-parses a <noscript>'s markup to unwrap lazy images. Both become
 * copies of nodes, so no string is turned into markup: the cache holds a deep clone instead of
 * a string, and the noscript's own nodes are copied (in a document parsed with scripting on its
 * content is text, so only those images are not unwrapped, which text extraction does not need).
 */
export const readabilityRewrite: Rewrite = {
  applies: (id) => /\/node_modules\/@mozilla\/readability\/Readability\.js$/.test(normalise(id)),
  rewrite(code, id) {
    const edits: [string, string][] = [
      ['var pageCacheHtml = page.innerHTML;', 'var pageCacheHtml = page.cloneNode(true);'],
      ['page.innerHTML = pageCacheHtml;', 'page.replaceChildren(...pageCacheHtml.cloneNode(true).childNodes);'],
      ['tmp.innerHTML = noscript.innerHTML;', 'tmp.replaceChildren(...noscript.cloneNode(true).childNodes);'],
    ];
    let out = code;
    for (const [from, to] of edits) {
      if (!out.includes(from)) throw new VendorRewriteError(normalise(id), `no longer contains "${from}"`);
      out = out.replace(from, to);
    }
    if (/\.(?:innerHTML|outerHTML)\s*=(?!=)\s*(?!""|''|``)/.test(stripComments(out))) {
      throw new VendorRewriteError(normalise(id), 'still assigns a non-literal to innerHTML');
    }
    return out;
  },
};

/** Removes block and line comments well enough for the checks above (zod's comments mention `new Function`). */
function stripComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

export const REWRITES: readonly Rewrite[] = [zodRewrite, preactRewrite, readabilityRewrite];

/** Applies every matching rewrite to one module; null when nothing changed. */
export function rewriteVendor(code: string, id: string): string | null {
  let current = code;
  for (const r of REWRITES) {
    if (!r.applies(id)) continue;
    current = r.rewrite(current, id) ?? current;
  }
  return current === code ? null : current;
}

export function safeVendor(): Plugin {
  return {
    name: 'company-lens:safe-vendor',
    enforce: 'pre',
    transform(code, id) {
      const out = rewriteVendor(code, id);
      return out === null ? null : { code: out, map: null };
    },
  };
}
