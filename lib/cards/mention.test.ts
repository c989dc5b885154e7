import { describe, expect, it } from 'vitest';
import type { Article, Mention } from '../dataset/schema';
import { bestMentionSentence, mentionScore } from './mention';

const article = (id: string, body: string, extra: Partial<Article> = {}): Article => ({ id, title: `Title ${id}`, body, tags: [], source: `${id}.txt`, position: 0, ...extra });
const mentionsOf = (a: Article, alias: string): Mention[] =>
  [...a.body.matchAll(new RegExp(alias, 'g'))].map((m) => ({ companyId: 'q', articleId: a.id, start: m.index!, end: m.index! + alias.length, alias }));

describe('the sentence a card shows for a company without facts', () => {
  it('prefers an action, a figure and another party over a headline or a bare mention', () => {
    const action = mentionScore('Quillon Tools opened a plant in Leeds, hiring 200 people.', 'Quillon Tools');
    expect(action).toBeGreaterThan(mentionScore('Quillon Tools is a name people know well here.', 'Quillon Tools'));
    expect(mentionScore('Quillon Tools is a name people know well here.', 'Quillon Tools')).toBeGreaterThan(mentionScore('Quillon Tools in numbers', 'Quillon Tools'));
    expect(mentionScore('Quillon Tools said it would wait.', 'Quillon Tools')).toBeGreaterThan(mentionScore('People like Quillon Tools and the others in the town.', 'Quillon Tools'));
  });

  it('picks the best sentence across articles, the most recent one among equals, and nothing without articles', () => {
    const older = article('a1', 'Quillon Tools bought a rival for $5m.\n\nQuillon Tools today', { date: '2023-01-02' });
    const newer = article('a2', 'Quillon Tools sold a unit for $9m.', { date: '2025-06-01' });
    const weak = article('a3', 'They spoke of Quillon Tools again and again.', { date: '2026-01-01' });
    const all = new Map([older, newer, weak].map((a) => [a.id, a]));
    const mentions = [older, newer, weak].flatMap((a) => mentionsOf(a, 'Quillon Tools'));
    expect(bestMentionSentence(mentions, all, () => 0)).toEqual({ articleId: 'a2', title: 'Title a2', sentence: 'Quillon Tools sold a unit for $9m.', date: '2025-06-01' });
    expect(bestMentionSentence(mentionsOf(older, 'Quillon Tools'), all, () => 0)?.sentence).toBe('Quillon Tools bought a rival for $5m.');
    expect(bestMentionSentence(mentions, new Map(), () => 0)).toBeNull();
  });
});
