import { describe, expect, it, vi } from 'vitest';
import { CardClient } from './client';

const card = (id: string) => ({ id, name: id.toUpperCase(), description: '', facts: [], related: [], people: [] });

describe('CardClient', () => {
  it('shares one request between a prefetch and the card shown after it, then answers from the cache', async () => {
    let answer: (v: unknown) => void = () => undefined;
    const send = vi.fn(() => new Promise((resolve) => (answer = resolve)));
    const client = new CardClient(send);
    client.prefetch('acme');
    expect(client.peek('acme')).toBeUndefined();
    const shown = client.get('acme');
    expect(send).toHaveBeenCalledTimes(1);
    answer(card('acme'));
    expect(await shown).toMatchObject({ name: 'ACME' });
    expect(client.peek('acme')).toMatchObject({ name: 'ACME' });
    await client.get('acme');
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('lets a failed prefetch be retried, and reports a malformed answer when the card is shown', async () => {
    const send = vi.fn().mockResolvedValueOnce({ error: { code: 'internal' } }).mockResolvedValueOnce(card('acme'));
    const client = new CardClient(send);
    client.prefetch('acme');
    await vi.waitFor(() => expect(send).toHaveBeenCalledTimes(1), { timeout: 30_000 });
    await new Promise((r) => setTimeout(r, 0));
    expect(client.peek('acme')).toBeUndefined();
    expect(await client.get('acme')).toMatchObject({ id: 'acme' });
    await expect(new CardClient(async () => 42).get('x')).rejects.toThrow(/unexpected answer/);
  });

  it('keeps at most `limit` answers', async () => {
    const client = new CardClient(async (m) => card(m.id), 2);
    for (const id of ['a', 'b', 'c']) await client.get(id);
    expect(client.peek('a')).toBeUndefined();
    expect(client.peek('c')).toMatchObject({ id: 'c' });
  });
});
