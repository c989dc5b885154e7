/**
 * Lengths the dataset schema allows for ids and names. Everything that carries a dataset's ids or
 * names elsewhere (messages, settings, backups) checks them against the same limits. No zod here:
 * the content script imports these numbers.
 */
export const MAX_ID = 200;
export const MAX_NAME = 300;
