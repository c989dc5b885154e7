/**
 * Returns a normalised http(s) URL for `input`, or null. Dataset strings come from a corpus or a
 * URL the user synced from, so a "link" may be `javascript:` or `data:` in disguise (mixed case,
 * control characters or whitespace inside the scheme). We parse with the URL parser the browser
 * itself uses and accept only the two schemes that cannot run code. A bare domain such as
 * "tencent.com" becomes https.
 */
export function safeHttpUrl(input: string | null | undefined): string | null {
  if (typeof input !== 'string') return null;
  const text = input.trim();
  if (!text || text.length > 2_000) return null;
  // Control characters are stripped by URL parsers in surprising places; refuse them outright.
  if (/[\u0000-\u001f\u007f]/.test(text)) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : /^[a-z0-9.-]+\.[a-z]{2,}(\/|$)/i.test(text) ? `https://${text}` : null;
  if (!withScheme) return null;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (!url.hostname || url.username || url.password) return null;
  return url.href;
}
