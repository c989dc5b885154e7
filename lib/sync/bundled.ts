import type { UserFile } from './files';
import registryText from '../../seeds/companies.json?raw';

/**
 * The bundled seed corpus and registry, compiled into the background bundle by Vite. Raw text is
 * imported (not parsed JSON) so the registry goes through the same loader and error messages as
 * any other registry file.
 */

// Stryker disable next-line all: Vite reads this call's arguments as written, at build time.
const corpus = import.meta.glob<string>('../../seeds/corpus/*.txt', { query: '?raw', import: 'default', eager: true });

export const BUNDLED_REGISTRY_NAME = 'companies.json';

/** The seed documents, sorted by file name so the build (and its content hash) is stable. */
export function bundledDocuments(): UserFile[] {
  return Object.entries(corpus)
    .map(([path, text]) => ({ name: path.slice(path.lastIndexOf('/') + 1), text }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export function bundledRegistryText(): string {
  return registryText;
}
