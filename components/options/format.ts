/** Formatting shared by the options components. */

export function formatTime(ms: number | null | undefined): string {
  if (!ms) return 'never';
  return new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function formatCount(n: number): string {
  return n.toLocaleString();
}

/** Saves text as a file through a temporary object URL (no download permission needed). */
export function saveText(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
