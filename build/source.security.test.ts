import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Source-level guarantees that no review should have to catch by eye. Dataset strings reach the
 * card, popup and profile; none of those code paths may turn a string into markup or code, and no
 * other extension or web page may talk to the background directly.
 */

const ROOT = resolve(import.meta.dirname, '..');
const SHIPPED = ['components', 'entrypoints', 'lib'];

function sources(dir: string): string[] {
  let out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'node_modules' && name !== 'fixtures') out = out.concat(sources(path));
    } else if (/\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name)) {
      out.push(path);
    }
  }
  return out;
}

/** Each rule: a pattern that must not appear in shipped source, and why. */
export const RULES: ReadonlyArray<{ pattern: RegExp; why: string }> = [
  { pattern: /dangerouslySetInnerHTML/, why: 'dataset strings are rendered as text, never markup' },
  { pattern: /\.(innerHTML|outerHTML)\s*=(?!=)/, why: 'assigning HTML turns strings into markup' },
  { pattern: /\binsertAdjacentHTML\b|\bcreateContextualFragment\b|\bdocument\.write(ln)?\b/, why: 'parses strings as markup' },
  { pattern: /(?<![\w$.])eval\s*\(|\bnew\s+Function\b|(?<![\w$.])Function\s*\(/, why: 'evaluates strings as code' },
  { pattern: /\bsetTimeout\s*\(\s*['"`]|\bsetInterval\s*\(\s*['"`]/, why: 'evaluates strings as code' },
  { pattern: /\bonMessageExternal\b|\bonConnectExternal\b/, why: 'no other extension or site may message the background' },
];

export function violations(code: string): string[] {
  // Comments may name what they avoid; only code counts.
  const stripped = code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
  return RULES.filter((r) => r.pattern.test(stripped)).map((r) => `${r.pattern} (${r.why})`);
}

describe('shipped source', () => {
  const files = SHIPPED.flatMap((d) => sources(join(ROOT, d)));

  it('finds the shipped files', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it('never renders strings as markup, evaluates strings or listens to other extensions', () => {
    const found = files.flatMap((f) => violations(readFileSync(f, 'utf8')).map((v) => `${relative(ROOT, f)}: ${v}`));
    expect(found).toEqual([]);
  });

  it('catches each forbidden form (the rules can fail)', () => {
    const bad = [
      '<div dangerouslySetInnerHTML={{ __html: name }} />',
      'el.innerHTML = name;',
      'el.outerHTML=name',
      'el.insertAdjacentHTML("beforeend", name)',
      'document.write(name)',
      'eval(code)',
      'new Function("return 1")',
      'const f = Function("x", body)',
      'setTimeout("alert(1)", 10)',
      'browser.runtime.onMessageExternal.addListener(f)',
    ];
    for (const code of bad) expect(violations(code), code).not.toEqual([]);
    const fine = ['el.textContent = name;', 'if (el.innerHTML === "") {}', '// never use eval(x) here', 'isAsyncFunction(fn)', 'const url = "https://x.org/a"; f(url)'];
    for (const code of fine) expect(violations(code), code).toEqual([]);
  });
});
