import { expect } from '@open-wc/testing';
import '../../entries/index.js';
import * as api from '../../entries/api.js';
import { defineElements, ELEMENTS } from '../../entries/elements.js';

/**
 * What the list of elements gives each element with no other line of code: registration, the
 * public API, the prefix. scripts/try-new-element.mjs runs this file on a copy of the repository
 * with a throwaway element added to the list.
 */
describe('every element of the list (entries/elements.ts)', () => {
  for (const [tag, element] of Object.entries(ELEMENTS)) {
    describe(`<${tag}>`, () => {
      it('is registered under its plain name by `import "relais"`', () => {
        expect(customElements.get(tag)).to.equal(element);
      });

      it('is exported by relais/api (and so by relais) under its class name', () => {
        expect((api as Record<string, unknown>)[element.name], element.name).to.equal(element);
      });

      it('never throws when defined again, and keeps the first definition', () => {
        const warn = console.warn;
        console.warn = () => {};
        try {
          expect(() => defineElements()).to.not.throw();
          expect(() => element.define(tag)).to.not.throw();
        } finally {
          console.warn = warn;
        }
        expect(customElements.get(tag)).to.equal(element);
      });

      it("is registered as contoso-<tag> by defineElements({ prefix: 'contoso' }), a subclass of its own", () => {
        expect(defineElements({ prefix: 'contoso' })).to.include(`contoso-${tag}`);
        const prefixed = customElements.get(`contoso-${tag}`)!;
        expect(prefixed).to.not.equal(element);
        expect(prefixed.prototype).to.be.instanceOf(element);
        expect(document.createElement(`contoso-${tag}`)).to.be.instanceOf(element);
      });
    });
  }
});
