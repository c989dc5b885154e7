/** Shortens text for the card's fixed width; the whole text stays available in a title. */
export const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
