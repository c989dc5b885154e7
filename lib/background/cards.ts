/** Card service: company.card, company.open, matcher.get/resolve, badge, the open-card command. */
export function startCardService(): void {}
