import type { Network } from '../model/index.js';
import { measureLength as lengthOf } from './length.js';
import { knowRarerGenericDomains } from './top-level-domains-rest.js';

/**
 * A post's length as `network` counts it (`relais/guard`'s `measureLength`): on X, with every
 * top-level domain of X's list known. The elements' first paint measures with the common ones
 * only (length.ts), until the guard's engine is loaded.
 */
export function measureLength(text: string, network: Network): number {
  knowRarerGenericDomains();
  return lengthOf(text, network);
}
