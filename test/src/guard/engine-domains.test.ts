/**
 * The rarer generic top-level domains (src/guard/top-level-domains-rest.ts) come with the guard's
 * engine: a page's first paint counts with the common ones (length.ts alone), and once a policy
 * is compiled, the same draft counts as X counts it. This file imports nothing that adds them
 * on its own (each test file runs in its own page).
 */
import { expect } from '@open-wc/testing';
import { compilePolicy } from '../../../src/guard/guard.js';
import { measureLength as firstPaintLength } from '../../../src/guard/length.js';

const DRAFT = 'Voir https://careers.axa/offres';

describe("the guard's engine and the rarer top-level domains", () => {
  it('counts a URL on a company domain as text before the engine, as 23 on X once a policy is compiled', () => {
    expect(firstPaintLength(DRAFT, 'x'), 'before: `.axa` unknown, the URL is text').to.equal(DRAFT.length);
    const guard = compilePolicy({ version: 1, internalDomains: [], rules: [] });
    expect(guard.check(DRAFT, { network: 'x' }).length).to.deep.equal({ network: 'x', used: 'Voir '.length + 23, limit: 280 });
    expect(firstPaintLength(DRAFT, 'x')).to.equal('Voir '.length + 23);
  });
});
