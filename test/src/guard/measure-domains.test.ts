/**
 * `relais/guard`'s `measureLength` (src/guard/measure.ts) knows every generic top-level domain of
 * X's list without a compiled policy, where the elements' first paint (length.ts alone) knows the
 * common ones. Alone in its page: nothing else here adds the rarer domains.
 */
import { expect } from '@open-wc/testing';
import { measureLength as firstPaintLength } from '../../../src/guard/length.js';
import { measureLength } from '../../../src/guard/measure.js';

describe("relais/guard's measureLength", () => {
  it('counts a URL on a company domain as 23 on X without a compiled policy', () => {
    const draft = 'https://group.bnpparibas/emploi';
    expect(firstPaintLength(draft, 'x'), 'before: `.bnpparibas` unknown, the URL is text').to.equal(draft.length);
    expect(measureLength(draft, 'x')).to.equal(23);
    expect(firstPaintLength(draft, 'x'), 'known from then on').to.equal(23);
  });
});
