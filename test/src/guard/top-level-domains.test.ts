/**
 * The top-level domains the guard knows (src/guard/top-level-domains.ts) against twitter-text's
 * lists (X's reference code, test/fixtures/twitter-text.ts): every country domain, part of the
 * generic ones, none that X does not know. Prints how many of each.
 */
import { expect } from '@open-wc/testing';
import { isTopLevelDomain } from '../../../src/guard/top-level-domains.js';
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

  it("knows only generic domains of twitter-text's list: 120 of its 1,164 in ASCII, none in another script", async () => {
    const { regexen } = await twitterText();
    const generic = topLevelDomains(regexen.validGTLD);
    const ascii = generic.filter((name) => ASCII.test(name));
    const known = ascii.filter(isTopLevelDomain);
    const scripts = generic.length + topLevelDomains(regexen.validCCTLD).length - ascii.length - 255;
    console.log(`Top-level domains the guard knows: 255/255 country, ${known.length}/${ascii.length} generic, 0/${scripts} in other scripts`);
    expect([ascii.length, known.length]).to.deep.equal([1164, 120]);
    for (const name of ['com', 'org', 'net', 'info', 'edu', 'gov', 'app', 'dev', 'xyz', 'shop', 'online', 'paris', 'bzh', 'brussels']) {
      expect(isTopLevelDomain(name), name).to.equal(true);
    }
  });

  it('knows no file extension or local name that twitter-text does not', () => {
    for (const name of ['txt', 'pdf', 'html', 'htm', 'jpg', 'jpeg', 'png', 'docx', 'xlsx', 'json', 'local', 'intranet', 'exemple', 'example', 'lan', 'internal']) {
      expect(isTopLevelDomain(name), name).to.equal(false);
    }
  });
});
