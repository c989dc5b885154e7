import { useState } from 'preact/hooks';
import type { Profile } from './data';
import { profileJson, profileMarkdown } from './export';

/** Copies the profile as Markdown or JSON and says whether it worked. */
export function CopyButtons({ getProfile }: { getProfile(): Profile }) {
  const [message, setMessage] = useState('');
  const copy = async (format: 'Markdown' | 'JSON') => {
    try {
      await navigator.clipboard.writeText(format === 'JSON' ? profileJson(getProfile()) : profileMarkdown(getProfile()));
      setMessage(`Copied as ${format}`);
    } catch (error) {
      setMessage(`Could not copy: ${(error as Error)?.message ?? error}`);
    }
  };
  return (
    <div class="cl-copy">
      <button type="button" onClick={() => copy('Markdown')}>
        Copy as Markdown
      </button>
      <button type="button" onClick={() => copy('JSON')}>
        Copy as JSON
      </button>
      <span role="status" class="cl-muted cl-small" data-testid="copy-status">
        {message}
      </span>
    </div>
  );
}
