// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../settings/settings';
import { Lexicon } from './lexicon';
import { Marks } from './marks';
import { PageSession } from './session';

// happy-dom has no StaticRange; the scanner only reads its four boundary fields.
(globalThis as { StaticRange?: unknown }).StaticRange ??= class {
  constructor(init: StaticRangeInit) {
    Object.assign(this, init);
  }
};

const lexicon = Lexicon.build([
  { id: 'xtransfer', name: 'XTransfer', aliases: [] },
  { id: 'tencent', name: 'Tencent', aliases: [] },
]);

describe('PageSession without the Custom Highlight API', () => {
  it('still finds names (so hover works), paints nothing, and reports them', async () => {
    expect(Marks.supported(window as never)).toBe(false);
    document.body.innerHTML = '<p>XTransfer and Tencent and XTransfer</p>';
    const counts: number[] = [];
    const session = new PageSession(lexicon, { settings: DEFAULT_SETTINGS, onCount: (n) => counts.push(n) });
    const before = performance.now();
    await session.start(document);
    const after = performance.now();
    expect(session.scanner.mentions.length).toBe(3);
    expect(counts).toEqual([2]);
    const report = await session.report(async () => ['XTransfer (resolved)', null]);
    expect(report.mentions).toEqual([
      { companyId: 'xtransfer', name: 'XTransfer (resolved)', count: 2 },
      { companyId: 'tencent', name: 'Tencent', count: 1 },
    ]);
    expect(report.scan.chars).toBe('XTransfer and Tencent and XTransfer'.length);
    // When scanning started, on the page's clock (benchmarks set it against the page's timings).
    expect(report.scan.startedAt).toBeGreaterThanOrEqual(Math.floor(before * 10) / 10);
    expect(report.scan.startedAt).toBeLessThanOrEqual(Math.ceil(after * 10) / 10);
    session.dispose();
  });

  it('treats muted companies as muted after a settings change', async () => {
    document.body.innerHTML = '<p>XTransfer</p>';
    const session = new PageSession(lexicon, { settings: DEFAULT_SETTINGS });
    await session.start(document);
    expect(session.isMuted(0)).toBe(false);
    session.applySettings({ ...DEFAULT_SETTINGS, muted: [{ id: 'xtransfer', name: 'XTransfer' }] });
    expect(session.isMuted(0)).toBe(true);
    session.dispose();
  });
});
