import { expect } from '@open-wc/testing';
import { frenchTypographyProblems } from '../i18n/french-typography.js';

/** Keys whose values are identifiers, addresses, dates or code, not text a reader reads. */
const NOT_TEXT = new Set([
  'id',
  'url',
  'imageUrl',
  'avatarUrl',
  'publishedAt',
  'expiresAt',
  'at',
  'network',
  'lang',
  'locale',
  'charterId',
  'viewerId',
  'shareableId',
  'kind',
  'severity',
  'detector',
  'pattern',
  'flags',
  'internalDomains',
]);

/**
 * Every French string of the document, with its path: the charter (its HTML body as the text a
 * reader sees), French items, people, tiers, the guard policy's French messages. Items in another
 * language (`lang: 'en'`) and `en` messages are left out.
 */
function frenchStrings(value: unknown, path = '', key = ''): [string, string][] {
  if (typeof value === 'string') {
    if (NOT_TEXT.has(key)) return [];
    if (key === 'body') return [[path, new DOMParser().parseFromString(value, 'text/html').body.textContent ?? '']];
    return [[path, value]];
  }
  if (Array.isArray(value)) return value.flatMap((item, i) => frenchStrings(item, `${path}[${i}]`, key));
  if (value && typeof value === 'object') {
    const lang = (value as { lang?: unknown }).lang;
    if (typeof lang === 'string' && !lang.startsWith('fr')) return [];
    return Object.entries(value).flatMap(([name, child]) => (name === 'en' ? [] : frenchStrings(child, `${path}.${name}`, name)));
  }
  return [];
}

describe('demo data document: French typography', () => {
  let data: unknown;

  before(async () => {
    const response = await fetch('/demo/data/advocacy.json');
    expect(response.ok, `GET /demo/data/advocacy.json: ${response.status}`).to.equal(true);
    data = await response.json();
  });

  it('finds the French strings: charter, French items, the guard policy’s French messages', () => {
    const paths = frenchStrings(data).map(([path]) => path);
    expect(paths).to.include.members(['.charter.title', '.charter.body', '.charter.changeNote', '.shareables[0].text.default', '.guardPolicy.rules[0].message.fr']);
    expect(paths.some((path) => path.endsWith('.message.en'))).to.equal(false);
    expect(paths.some((path) => path.endsWith('.url') || path.endsWith('.pattern'))).to.equal(false);
  });

  it('writes every French string properly: ’, « » and no-break spaces', () => {
    const problems = frenchStrings(data).flatMap(([path, text]) => frenchTypographyProblems(text).map((problem) => `${path}: ${problem}`));
    expect(problems, `${problems.length} problems:\n${problems.slice(0, 40).join('\n')}`).to.deep.equal([]);
  });
});
