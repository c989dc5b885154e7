// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { EMPTY_STATUS } from '../../lib/store/read';
import { SyncOutcome } from './SyncOutcome';
import { SyncProgress } from './SyncProgress';

function mount(node: preact.ComponentChild): HTMLElement {
  const root = document.createElement('div');
  render(node, root);
  return root;
}

describe('sync outcome and progress', () => {
  it('shows an error in words, its detail folded away, and markup as plain text', () => {
    const root = mount(
      <SyncOutcome
        result={{ ok: false, status: { ...EMPTY_STATUS, version: 'h:1' }, error: { code: 'schema', message: 'The dataset does not have the expected shape.', detail: '<img src=x onerror=alert(1)> companies.0.name' } }}
      />,
    );
    const alert = root.querySelector('[role="alert"]')!;
    expect(alert.getAttribute('data-code')).toBe('schema');
    expect(alert.textContent).toContain('The dataset does not have the expected shape.');
    expect(alert.textContent).toContain('keeps using the previous dataset');
    expect(root.querySelector('details')?.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(root.querySelector('img')).toBeNull();
  });

  it('announces the stage politely and marks the current step', () => {
    const root = mount(<SyncProgress progress={{ kind: 'progress', source: 'x', stage: 'write', done: 2000, total: 5000, startedAt: 0 }} onCancel={() => undefined} />);
    const live = root.querySelector('[aria-live="polite"]')!;
    expect(live.textContent).toMatch(/^Saving — 2,000 of 5,000$/);
    expect(root.querySelector('[aria-current="step"]')?.textContent).toBe('Saving');
    expect(root.querySelector('progress')?.getAttribute('value')).toBe('2000');
  });

  it('only moves forward: saving reported again after "Preparing" keeps "Preparing"', () => {
    const root = document.createElement('div');
    const at = (stage: 'write' | 'index', done: number) =>
      render(<SyncProgress progress={{ kind: 'progress', source: 'x', stage, done, total: 4, startedAt: 7 }} onCancel={() => undefined} />, root);
    at('write', 1);
    at('index', 1);
    at('write', 3);
    expect(root.querySelector('[aria-live="polite"]')!.textContent).toBe('Preparing name matching and search');
    expect(root.querySelector('[aria-current="step"]')?.textContent).toBe('Preparing name matching and search');
  });

  it('reports a cancel quietly, not as a failure', () => {
    const root = mount(<SyncOutcome result={{ ok: false, status: { ...EMPTY_STATUS, version: 'h:1' }, error: { code: 'cancelled', message: 'The sync was cancelled.' } }} />);
    expect(root.querySelector('[role="alert"]')).toBeNull();
    expect(root.textContent).toBe('Sync cancelled. Company Lens keeps using the previous dataset.');
  });
});
