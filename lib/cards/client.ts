import type { CardData } from './types';

/**
 * The content script's side of `company.card`: asks the background and keeps the last few
 * answers, so hovering the same name again paints without a round trip. Answers are checked for
 * shape, because whatever arrives over messaging is input.
 */
export class CardClient {
  private readonly cache = new Map<string, CardData | null>();

  constructor(
    private readonly send: (message: { type: 'company.card'; id: string }) => Promise<unknown>,
    private readonly limit = 50,
  ) {}

  peek(id: string): CardData | null | undefined {
    return this.cache.get(id);
  }

  async get(id: string): Promise<CardData | null> {
    if (this.cache.has(id)) return this.cache.get(id)!;
    const answer = await this.send({ type: 'company.card', id });
    if (answer !== null && !isCardData(answer)) {
      const reason = answer && typeof answer === 'object' && 'error' in answer ? JSON.stringify((answer as { error: unknown }).error) : typeof answer;
      throw new Error(`unexpected answer from the background (${reason})`);
    }
    this.cache.set(id, answer);
    if (this.cache.size > this.limit) this.cache.delete(this.cache.keys().next().value!);
    return answer;
  }

  clear(): void {
    this.cache.clear();
  }
}

export function isCardData(value: unknown): value is CardData {
  const v = value as CardData;
  return (
    !!v &&
    typeof v === 'object' &&
    typeof v.id === 'string' &&
    typeof v.name === 'string' &&
    typeof v.description === 'string' &&
    Array.isArray(v.facts) &&
    Array.isArray(v.related) &&
    Array.isArray(v.people)
  );
}
