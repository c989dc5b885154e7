/**
 * A field path as error messages show it: `['facts', 3, 'companyId']` → `facts[3].companyId`,
 * and the empty path as "(top level)". Every message naming a bad field of a dataset, registry,
 * backup or message answer uses it, so the user sees one notation.
 */
export function formatPath(path: readonly PropertyKey[]): string {
  const text = path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
  return text || '(top level)';
}
