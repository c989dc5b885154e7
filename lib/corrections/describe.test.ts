import { describe, expect, it } from 'vitest';
import { concerns, describeCorrection } from './describe';

describe('describeCorrection', () => {
  it('says what each kind does with the names the user saw', () => {
    const base = { companyId: 'a', companyName: 'Ant Groups' };
    expect(describeCorrection({ kind: 'merge', ...base, intoId: 'ant-group', intoName: 'Ant Group' })).toBe('“Ant Groups” merged into “Ant Group”');
    expect(describeCorrection({ kind: 'rename', ...base, name: 'Ant' })).toBe('“Ant Groups” is shown as “Ant”');
    expect(describeCorrection({ kind: 'split', ...base, alias: 'Alipay' })).toBe('“Alipay” split off “Ant Groups” as an organisation of its own');
    expect(describeCorrection({ kind: 'alias', ...base, alias: 'AG' })).toBe('“AG” added as a name of “Ant Groups”');
    expect(describeCorrection({ kind: 'not-organisation', ...base })).toBe('“Ant Groups” is not an organisation');
  });

  it('finds the corrections of a company, on either side of a merge', () => {
    const merge = { kind: 'merge', companyId: 'a', companyName: 'A', intoId: 'b', intoName: 'B' } as const;
    expect([concerns(merge, 'a'), concerns(merge, 'b'), concerns(merge, 'c')]).toEqual([true, true, false]);
  });
});
