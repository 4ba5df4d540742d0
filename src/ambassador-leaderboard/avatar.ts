/**
 * A person's avatar when they have no picture: their initials on a colour chosen from their id,
 * so the same person has the same colour on every board and every page. The colours carry no
 * meaning (no red, no ranking colour) and each gives white text at least 4.5:1 contrast
 * (WCAG AA; tested in test/src/leaderboard/avatar.test.ts).
 */

/** Backgrounds for white initials; each ≥ 4.5:1 against `#ffffff`. */
export const AVATAR_COLOURS = ['#1d4ed8', '#6d28d9', '#0f766e', '#9a3412', '#a21caf', '#3f6212', '#0369a1', '#4338ca', '#854d0e', '#155e75'] as const;

/** The colour of a person's initials: the same for one id, everywhere. */
export function avatarColour(id: string): string {
  return AVATAR_COLOURS[avatarColourIndex(id)]!;
}

/** The index of a person's colour in {@link AVATAR_COLOURS} (FNV-1a of the id). */
export function avatarColourIndex(id: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < id.length; index++) {
    hash ^= id.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  // Ids often differ in their last character only (p-01, p-02): mix the high bits down.
  hash ^= hash >>> 15;
  hash = Math.imul(hash, 0x2c1b3c6d);
  hash ^= hash >>> 12;
  return (hash >>> 0) % AVATAR_COLOURS.length;
}

/**
 * Up to two initials, upper case, from the first and last words of a name: « Émilie Durand » →
 * « ÉD », « Jean-Marc de la Tour » → « JT », « Awa » → « A ». Letters only (a name in
 * brackets or with digits still gives letters); `''` when the name has none.
 */
export function initialsOf(name: string): string {
  const words = name.split(/[\s\-‐‑]+/u).map((word) => word.match(/\p{L}/u)?.[0] ?? '').filter(Boolean);
  if (words.length === 0) return '';
  const first = words[0]!;
  const last = words.length > 1 ? words[words.length - 1]! : '';
  return (first + last).toLocaleUpperCase();
}
