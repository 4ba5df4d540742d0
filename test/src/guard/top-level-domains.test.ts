/**
 * The top-level domains the guard knows (src/guard/top-level-domains.ts) against twitter-text's
 * lists (X's reference code, test/fixtures/twitter-text.ts): every country domain, 120 generic
 * ones until the guard's engine adds the others (top-level-domains-rest.ts), then every ASCII one;
 * none that X does not know. Prints how many of each. The tests run in order: the rarer domains
 * are added by the third.
 */
import { expect } from '@open-wc/testing';
import { addGenericTopLevelDomains, isTopLevelDomain } from '../../../src/guard/top-level-domains.js';
import { RARER_GENERIC_DOMAINS } from '../../../src/guard/top-level-domains-rest.js';
import { topLevelDomains, twitterText } from '../../fixtures/twitter-text.js';

const ASCII = /^[a-z]+$/;
const LETTERS = [...'abcdefghijklmnopqrstuvwxyz'];

describe('top-level domains', () => {
  it("knows every two-letter country domain of twitter-text's list, and no other two letters", async () => {
    const { regexen } = await twitterText();
    const countries = topLevelDomains(regexen.validCCTLD).filter((name) => ASCII.test(name));
    expect(countries).to.have.length(255);
    const known = LETTERS.flatMap((first) => LETTERS.map((second) => first + second)).filter(isTopLevelDomain);
    expect(known).to.deep.equal([...countries].sort());
  });

  it("knows, before the engine adds the others, 120 generic domains of twitter-text's list: the common ones", async () => {
    const { regexen } = await twitterText();
    const generic = topLevelDomains(regexen.validGTLD);
    const ascii = generic.filter((name) => ASCII.test(name));
    const known = ascii.filter(isTopLevelDomain);
    const scripts = generic.length + topLevelDomains(regexen.validCCTLD).length - ascii.length - 255;
    console.log(`Top-level domains the guard knows before its engine: 255/255 country, ${known.length}/${ascii.length} generic, 0/${scripts} in other scripts`);
    expect([ascii.length, known.length]).to.deep.equal([1164, 120]);
    for (const name of ['com', 'org', 'net', 'info', 'edu', 'gov', 'app', 'dev', 'xyz', 'shop', 'online', 'paris', 'bzh', 'brussels']) {
      expect(isTopLevelDomain(name), name).to.equal(true);
    }
  });

  it("knows every ASCII generic domain of twitter-text's list once the engine added the rarer ones, and no other", async () => {
    const { regexen } = await twitterText();
    const ascii = topLevelDomains(regexen.validGTLD).filter((name) => ASCII.test(name));
    addGenericTopLevelDomains(RARER_GENERIC_DOMAINS);
    const known = ascii.filter(isTopLevelDomain);
    console.log(`Top-level domains the guard knows with its engine: 255/255 country, ${known.length}/${ascii.length} generic`);
    expect(known).to.deep.equal(ascii);
    for (const name of ['axa', 'bnpparibas', 'sncf', 'orange', 'leclerc', 'google']) expect(isTopLevelDomain(name), name).to.equal(true);
    // The packed list holds only names of twitter-text's list.
    let previous = '';
    const added = [...RARER_GENERIC_DOMAINS.matchAll(/(\d)([a-z]+)/g)].map(([, shared, rest]) => (previous = previous.slice(0, Number(shared)) + rest!));
    expect(added.filter((name) => !ascii.includes(name))).to.deep.equal([]);
    expect(added).to.have.length(1044);
  });

  it('knows no file extension or local name that twitter-text does not', () => {
    for (const name of ['txt', 'pdf', 'html', 'htm', 'jpg', 'jpeg', 'png', 'docx', 'xlsx', 'json', 'local', 'intranet', 'exemple', 'example', 'lan', 'internal']) {
      expect(isTopLevelDomain(name), name).to.equal(false);
    }
  });
});
