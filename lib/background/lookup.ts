/** Look-up service: the "Look up" context menu, the omnibox keyword, opening profiles. */
export function startLookupService(): void {}
