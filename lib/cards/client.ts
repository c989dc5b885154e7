import type { CardData } from './types';

/**
 * The content script's side of `company.card`: asks the background and keeps the last few
 * answers, so hovering the same name again paints without a round trip. `load` is the typed
 * request (lib/protocol/send.ts), which checks each answer's shape.
 */
export class CardClient {
  private readonly cache = new Map<string, CardData | null>();
  /** Requests under way, so a prefetch and the card that follows share one round trip. */
  private readonly pending = new Map<string, Promise<CardData | null>>();

  constructor(
    private readonly load: (id: string) => Promise<CardData | null>,
    private readonly limit = 50,
  ) {}

  peek(id: string): CardData | null | undefined {
    return this.cache.get(id);
  }

  get(id: string): Promise<CardData | null> {
    if (this.cache.has(id)) return Promise.resolve(this.cache.get(id)!);
    let request = this.pending.get(id);
    if (!request) {
      request = this.fetch(id).finally(() => this.pending.delete(id));
      this.pending.set(id, request);
    }
    return request;
  }

  /** Starts loading a card that is likely to be shown soon; failures surface when it is shown. */
  prefetch(id: string): void {
    this.get(id).catch(() => undefined);
  }

  private async fetch(id: string): Promise<CardData | null> {
    const answer = await this.load(id);
    this.cache.set(id, answer);
    if (this.cache.size > this.limit) this.cache.delete(this.cache.keys().next().value!);
    return answer;
  }

  clear(): void {
    this.cache.clear();
  }
}
