/**
 * `relais/testing`: the adapter conformance suite, for anyone writing an adapter.
 *
 * ```ts
 * import { describeAdapterConformance } from 'relais/testing';
 * describeAdapterConformance('MyAdapter', (seed, { viewer, now }) => new MyAdapter({ data: seed, viewer, now }));
 * ```
 */
export {
  describeAdapterConformance,
  type AdapterFactory,
  type ConformanceContext,
  type ConformanceOptions,
} from './conformance.js';
export { CONFORMANCE_NOW, CONFORMANCE_VIEWER, conformanceSeed, fixtureShareId } from './fixture.js';
export { ConformanceFailure, check, checkDataError, checkEqual, checkRejectsWithDataError } from './assert.js';
