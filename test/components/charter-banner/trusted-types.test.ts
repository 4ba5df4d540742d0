import { expect } from '@open-wc/testing';
import type { TrustedTypePolicyFactory, TrustedTypePolicyOptions, TrustedTypesWindow } from 'trusted-types/lib/index.js';

/**
 * Its own page (one test file, one page): the sanitizer module is loaded here for the first
 * time, after the spy is in place, so every Trusted Types policy it creates is seen.
 */
describe('charter body sanitizer and Trusted Types', () => {
  it('creates one Trusted Types policy, named "relais", and never DOMPurify’s "dompurify"', async () => {
    const factory = (window as unknown as TrustedTypesWindow).trustedTypes!;
    const original = factory.createPolicy;
    const names: string[] = [];
    factory.createPolicy = function (this: TrustedTypePolicyFactory, name: string, rules?: TrustedTypePolicyOptions) {
      names.push(name);
      return original.call(this, name, rules);
    };
    try {
      const { sanitizeCharterBody } = await import('../../../components/charter-banner/charter-sanitizer.js');
      expect(sanitizeCharterBody('<p>Une <b>charte</b></p>').querySelector('b')?.textContent).to.equal('charte');
      sanitizeCharterBody('<p>Une autre</p>');
      expect(names).to.deep.equal(['relais']);
    } finally {
      factory.createPolicy = original;
    }
  });
});
