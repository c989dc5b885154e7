/**
 * A small pure-JS content hash (two independent FNV-1a 32-bit lanes over UTF-16 code units).
 * It identifies inputs, it is not a security boundary, and it runs in the service worker where
 * node:crypto does not exist and SubtleCrypto would make the build asynchronous.
 */
export function contentHash(parts: readonly string[]): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (const part of parts) {
    // Stryker disable next-line EqualityOperator: one more round (over NaN, taken as 0) is another equally good hash; only stability and spread matter.
    for (let i = 0; i < part.length; i++) {
      const c = part.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      // Stryker disable next-line ArithmeticOperator: any fixed offset separates the two lanes as well.
      b = Math.imul(b ^ (c + 0x9e37), 0x01000193) ^ (b >>> 15);
    }
    // A separator so ["ab", "c"] and ["a", "bc"] hash differently.
    a = Math.imul(a ^ 0xffff, 0x01000193);
    b = Math.imul(b ^ 0xfffe, 0x01000193);
  }
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  return `fnv1a64:${hex(a)}${hex(b)}`;
}
