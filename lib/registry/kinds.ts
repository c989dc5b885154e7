/**
 * Kinds of organisation. `product` covers platforms and apps (Taobao, WeChat); `government`
 * covers ministries, regulators, central banks' committees and armed services.
 * A list of its own, without zod, so that the message schemas a content script carries can name
 * the kinds without loading the registry's schema.
 */
export const ORG_KINDS = ['company', 'product', 'investor', 'bank', 'government', 'media', 'university', 'other'] as const;
