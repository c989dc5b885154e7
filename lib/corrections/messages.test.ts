import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { Message, PRIVILEGED } from '../messages';

describe('the corrections messages', () => {
  it('parse each kind, refuse a blank name, and are privileged', () => {
    const base = { companyId: 'acme', companyName: 'Acme' };
    for (const correction of [
      { kind: 'rename', ...base, name: 'Acme Group' },
      { kind: 'merge', ...base, intoId: 'acme-group', intoName: 'Acme Group' },
      { kind: 'split', ...base, alias: 'Acme Cloud' },
      { kind: 'alias', ...base, alias: 'ACM' },
      { kind: 'not-organisation', ...base },
    ]) expect(z.safeParse(Message, { type: 'corrections.add', correction }).success, correction.kind).toBe(true);
    expect(z.safeParse(Message, { type: 'corrections.add', correction: { kind: 'alias', ...base, alias: '   ' } }).success).toBe(false);
    expect(z.safeParse(Message, { type: 'corrections.add', correction: { kind: 'mystery', ...base } }).success).toBe(false);
    expect(z.safeParse(Message, { type: 'corrections.undo', ids: [] }).success).toBe(false);
    expect(z.safeParse(Message, { type: 'corrections.undo', ids: [3] }).success).toBe(true);
    for (const type of ['corrections.add', 'corrections.undo'] as const) expect(PRIVILEGED.has(type)).toBe(true);
  });
});
