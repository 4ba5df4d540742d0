/**
 * French spaces, for every French string (the catalogue and the guard's messages): a no-break
 * space before « : », a narrow no-break space before « ; ! ? » and inside guillemets, so that the
 * sign never starts a line.
 */

/** Espace insécable, before a colon. */
export const NBSP = '\u00a0';
/** Espace fine insécable, before ; ! ? and inside « ». */
export const NNBSP = '\u202f';
