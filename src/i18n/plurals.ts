/**
 * The plural choice of each shipped language, for the strings of every part: a string is a
 * function of the number when its words depend on it.
 */
import { pluralCategory } from './format.js';

/** English plurals only distinguish 1 from everything else (0 included). */
export const englishPlural = (n: number, one: string, other: string): string => (n === 1 ? one : other);

/**
 * French plurals: 0 and 1 take the singular (`one`), and round millions take « de »
 * (« 1 000 000 de points »), which CLDR calls `many`.
 */
export function frenchPlural(n: number, one: string, other: string, many = other): string {
  const category = pluralCategory('fr', n);
  return category === 'one' ? one : category === 'many' ? many : other;
}
