/**
 * Light or dark card to match the page: the first opaque background colour found walking up from
 * the name, judged by its relative luminance. Pages with no background colour are white.
 */
export function parseRgb(color: string): [number, number, number, number] | null {
  const m = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:[,\s/]+([\d.]+%?))?\s*\)/.exec(color);
  if (!m) return null;
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
  return [Number(m[1]), Number(m[2]), Number(m[3]), alpha];
}

export function luminance(r: number, g: number, b: number): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

export function pageTheme(from: Node | null): 'light' | 'dark' {
  let el: Element | null = from && from.nodeType === 1 ? (from as Element) : (from?.parentElement ?? null);
  while (el) {
    const win = el.ownerDocument.defaultView;
    const rgb = win ? parseRgb(win.getComputedStyle(el).backgroundColor) : null;
    if (rgb && rgb[3] > 0.5) return luminance(rgb[0], rgb[1], rgb[2]) < 0.25 ? 'dark' : 'light';
    el = el.parentElement ?? ((el.getRootNode() as ShadowRoot).host ?? null);
  }
  return 'light';
}
