// @vitest-environment happy-dom
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preactRewrite, readabilityRewrite, rewriteVendor, VendorRewriteError, zodRewrite } from './safe-vendor';

/**
 * The rewrites are applied to the real installed zod and Preact, copied into a scratch folder, and
 * the rewritten copies are then loaded and exercised: the build must keep validating exactly as
 * before while containing no path to the Function constructor or to innerHTML.
 */

const ROOT = resolve(import.meta.dirname, '..');
// Inside node_modules so that Node loads the copies natively as the packages they are.
const SCRATCH = join(ROOT, 'node_modules/.cache/safe-vendor-test');

function rewriteTree(dir: string, idPrefix: string): number {
  let changed = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      changed += rewriteTree(path, `${idPrefix}/${name}`);
    } else if (/\.m?js$/.test(name)) {
      const out = rewriteVendor(readFileSync(path, 'utf8'), `${idPrefix}/${name}`);
      if (out !== null) {
        writeFileSync(path, out);
        changed++;
      }
    }
  }
  return changed;
}

const FORBIDDEN = /(?<![\w$.])(?:Function|eval)\s*\(|new\s+Function\b|=\s*Function\s*[;,)]/;
const stripComments = (code: string) => code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

let zodChanged = 0;
let preactChanged = 0;

beforeAll(() => {
  rmSync(SCRATCH, { recursive: true, force: true });
  mkdirSync(SCRATCH, { recursive: true });
  for (const pkg of ['zod', 'preact']) cpSync(join(ROOT, 'node_modules', pkg), join(SCRATCH, pkg), { recursive: true });
  zodChanged = rewriteTree(join(SCRATCH, 'zod/v4'), '/x/node_modules/zod/v4');
  preactChanged = rewriteTree(join(SCRATCH, 'preact/dist'), '/x/node_modules/preact/dist');
});
afterAll(() => rmSync(SCRATCH, { recursive: true, force: true }));

describe('the zod rewrite', () => {
  it('removes every use of the Function constructor from zod v4', () => {
    expect(zodChanged).toBeGreaterThanOrEqual(3);
    const core = join(SCRATCH, 'zod/v4/core');
    for (const name of readdirSync(core).filter((n) => n.endsWith('.js'))) {
      expect(stripComments(readFileSync(join(core, name), 'utf8')), name).not.toMatch(FORBIDDEN);
    }
  });

  it('still validates a discriminated union of strict objects after the rewrite', async () => {
    const { z } = (await import(pathToFileURL(join(SCRATCH, 'zod/v4/index.js')).href)) as typeof import('zod');
    expect(z.config().jitless).toBe(true);
    const Shape = z.discriminatedUnion('type', [
      z.strictObject({ type: z.literal('card'), id: z.string().max(5) }),
      z.strictObject({ type: z.literal('sync'), source: z.strictObject({ kind: z.literal('url'), url: z.string() }) }),
    ]);
    // Enough parses that zod would have switched to a compiled fast path if it could.
    for (let i = 0; i < 50; i++) expect(Shape.safeParse({ type: 'card', id: 'a1' }).success).toBe(true);
    expect(Shape.safeParse({ type: 'card', id: 'a1', extra: 1 }).success).toBe(false);
    expect(Shape.safeParse({ type: 'card', id: 'toolong' }).success).toBe(false);
    expect(Shape.safeParse({ type: 'nope' }).success).toBe(false);
    expect(Shape.safeParse({ type: 'sync', source: { kind: 'url', url: 'https://x' } }).success).toBe(true);
    expect(Shape.safeParse({ type: 'sync', source: { kind: 'url', url: 'https://x', more: true } }).success).toBe(false);
    expect(Shape.parse({ type: 'card', id: 'b' })).toEqual({ type: 'card', id: 'b' });
  });

  it('refuses to build a zod whose eval path it does not recognise', () => {
    const id = '/x/node_modules/zod/v4/core/other.js';
    expect(() => zodRewrite.rewrite('const G = Function; new G("")', id)).toThrow(VendorRewriteError);
    expect(() => zodRewrite.rewrite('export const f = (s) => eval(s);', id)).toThrow(VendorRewriteError);
    // Comments and strings that merely mention the constructor are fine.
    expect(zodRewrite.rewrite('// new Function is not used\nconst m = "Function types";', id)).toBeNull();
  });
});

describe('the Preact rewrite', () => {
  it('removes the innerHTML assignment from the Preact runtime', () => {
    expect(preactChanged).toBeGreaterThanOrEqual(1);
    const code = readFileSync(join(SCRATCH, 'preact/dist/preact.module.js'), 'utf8');
    expect(code).not.toMatch(/\.innerHTML\s*=(?!=)\s*(?!""|''|``)/);
  });

  it('renders text as before and throws on dangerouslySetInnerHTML', async () => {
    const { h, render } = (await import(pathToFileURL(join(SCRATCH, 'preact/dist/preact.module.js')).href)) as typeof import('preact');
    const root = document.createElement('div');
    render(h('p', { title: '<b>x</b>' }, '<img src=x onerror=alert(1)>'), root);
    expect(root.querySelector('p')?.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(root.querySelector('img')).toBeNull();
    const other = document.createElement('div');
    expect(() => render(h('p', { dangerouslySetInnerHTML: { __html: '<img src=x>' } }), other)).toThrow(/dangerouslySetInnerHTML/);
    expect(other.querySelector('img')).toBeNull();
  });

  it('refuses to build a Preact that assigns innerHTML some other way', () => {
    expect(() => preactRewrite.rewrite('n.innerHTML=v.html', '/x/node_modules/preact/dist/preact.module.js')).toThrow(VendorRewriteError);
    expect(preactRewrite.rewrite('n.innerHTML=""', '/x/node_modules/preact/dist/preact.module.js')).toBeNull();
  });

  it('leaves modules outside zod and Preact untouched', () => {
    expect(rewriteVendor('const F = Function; n.innerHTML=h.__html', '/x/lib/other.ts')).toBeNull();
  });
});

describe('the Readability rewrite', () => {
  const file = join(ROOT, 'node_modules/@mozilla/readability/Readability.js');
  const original = readFileSync(file, 'utf8');
  const rewritten = readabilityRewrite.rewrite(original, file.replace(/\\/g, '/'))!;
  // Shorter than Readability's 500-character threshold, so it retries and restores the page.
  const html = `<html><head><title>Short note</title></head><body><nav><a href="/">Home</a></nav>
    <article><p>Hexmoor Cables said on Friday it would build a plant near Hull, hiring two hundred people by next year.</p>
    <noscript><img src="a.png"></noscript><p>The firm makes undersea cables.</p></article></body></html>`;
  const load = (code: string) => {
    const module = { exports: {} as unknown };
    new Function('module', 'exports', code)(module, module.exports);
    return module.exports as typeof import('@mozilla/readability').Readability;
  };

  it('assigns no HTML and extracts the same text as the original', () => {
    expect(stripComments(rewritten)).not.toMatch(/\.innerHTML\s*=(?!=)\s*(?!""|''|``)/);
    const read = (Reader: ReturnType<typeof load>) => new Reader(new DOMParser().parseFromString(html, 'text/html') as unknown as Document).parse();
    const before = read(load(original));
    const after = read(load(rewritten));
    expect(after?.textContent).toBe(before?.textContent);
    expect(after?.textContent).toContain('Hexmoor Cables said on Friday');
    expect(after?.title).toBe('Short note');
  });

  it('refuses a Readability whose source changed', () => {
    expect(() => readabilityRewrite.rewrite('page.innerHTML = other;', file)).toThrow(VendorRewriteError);
  });
});
