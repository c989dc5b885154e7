/**
 * Kinds of organisation the registry knows. `product` covers platforms and apps (Taobao, WeChat).
 * A list of its own, without zod, so that the message schemas a content script carries can name
 * the kinds without loading the registry's schema.
 */
export const ORG_KINDS = ['company', 'product', 'investor', 'media', 'other'] as const;
