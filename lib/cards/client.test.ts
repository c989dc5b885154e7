import { describe, expect, it, vi } from 'vitest';
import { checkAnswer } from '../protocol/send';
import { ANSWERS } from '../protocol/answers';
import type { CardData } from './types';
import { CardClient } from './client';

const card = (id: string): CardData => ({ id, name: id.toUpperCase(), kind: 'company', description: '', facts: [], related: [], people: [], articleCount: 0, mentionCount: 0 });
/** The answer check the content script's typed sender applies. */
const checked = (answer: unknown) => checkAnswer('company.card', ANSWERS['company.card'], answer);

describe('CardClient', () => {
  it('shares one request between a prefetch and the card shown after it, then answers from the cache', async () => {
    let answer: (v: CardData) => void = () => undefined;
    const send = vi.fn(() => new Promise<CardData>((resolve) => (answer = resolve)));
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
    const answers: unknown[] = [{ ok: false, error: { code: 'internal', message: 'store closed' } }, card('acme')];
    const send = vi.fn(async () => checked(answers.shift()));
    const client = new CardClient(send);
    client.prefetch('acme');
    await vi.waitFor(() => expect(send).toHaveBeenCalledTimes(1), { timeout: 30_000 });
    await new Promise((r) => setTimeout(r, 0));
    expect(client.peek('acme')).toBeUndefined();
    expect(await client.get('acme')).toMatchObject({ id: 'acme' });
    await expect(new CardClient(async () => checked(42)).get('x')).rejects.toThrow(/malformed answer/);
    await expect(new CardClient(async () => checked({ ...card('x'), facts: [{ key: 'k' }] })).get('x')).rejects.toThrow(/at "facts\[0\]\.label"/);
    expect(await new CardClient(async () => checked(null)).get('x')).toBeNull();
  });

  it('keeps at most `limit` answers', async () => {
    const client = new CardClient(async (id) => card(id), 2);
    for (const id of ['a', 'b', 'c']) await client.get(id);
    expect(client.peek('a')).toBeUndefined();
    expect(client.peek('c')).toMatchObject({ id: 'c' });
  });
});
