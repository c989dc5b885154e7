import type { ComponentChildren } from 'preact';
import { safeHttpUrl } from './safe-url';

/**
 * A link that is only ever made for http(s) targets; anything else renders as plain text, so a
 * `javascript:` string in a dataset can never become clickable.
 */
export function SafeLink({ href, children }: { href: string | undefined; children?: ComponentChildren }) {
  const safe = safeHttpUrl(href);
  if (!safe) return <span>{children ?? href}</span>;
  return (
    <a href={safe} target="_blank" rel="noopener noreferrer">
      {children ?? href}
    </a>
  );
}
