import type { Correction } from './schema';

/** One line saying what a correction does, in the words the lists of corrections show. */
export function describeCorrection(c: Correction): string {
  switch (c.kind) {
    case 'rename':
      return `“${c.companyName}” is shown as “${c.name}”`;
    case 'merge':
      return `“${c.companyName}” merged into “${c.intoName}”`;
    case 'split':
      return `“${c.alias}” split off “${c.companyName}” as an organisation of its own`;
    case 'alias':
      return `“${c.alias}” added as a name of “${c.companyName}”`;
    case 'not-organisation':
      return `“${c.companyName}” is not an organisation`;
  }
}

/** Whether a correction was made on, or moved things to, the company `id`. */
export const concerns = (c: Correction, id: string): boolean => c.companyId === id || (c.kind === 'merge' && c.intoId === id);
