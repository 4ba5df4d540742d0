/** The tag names of `ELEMENTS` in entries/elements.ts. */
export function elementTags(root?: URL): string[];
