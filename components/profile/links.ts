/** A relative link to another profile: same page, new id, so the back button works. */
export const profileHref = (id: string) => `company.html?id=${encodeURIComponent(id)}`;
