export { extractArticle, type ArticleKnowledge } from './extract';
export { counts, mentionsOf, people, relations, personId, SAME_ARTICLE_WEIGHT, SAME_SENTENCE_WEIGHT } from './graph';
export { findMoney, parseMoney, type MoneySpan } from './money';
export { splitSentences } from './sentences';
export { links } from './links';
export { formatFact, formatMoney } from './format';
