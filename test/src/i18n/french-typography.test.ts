import { expect } from '@open-wc/testing';
import { en, fr } from '../../../src/i18n/catalogues.js';
import { formatDate } from '../../../src/i18n/index.js';
import { renderedValues } from './catalogue-samples.js';
import { frenchTypographyProblems } from './french-typography.js';

describe('French typography checker', () => {
  it('finds each kind of problem', () => {
    const problems = (text: string) => frenchTypographyProblems(text).map((problem) => problem.split(': …')[0]);
    expect(problems("Relisez l'article")).to.deep.equal(['straight apostrophe (’)']);
    expect(problems('Merci !')).to.deep.equal(['no narrow no-break space (U+202F) before ; ! ?']);
    expect(problems('Vraiment?')).to.deep.equal(['no narrow no-break space (U+202F) before ; ! ?']);
    expect(problems('Merci\u00a0!')).to.deep.equal(['no narrow no-break space (U+202F) before ; ! ?']);
    expect(problems('Version 3 : la suite')).to.deep.equal(['no no-break space (U+00A0) before :']);
    expect(problems('« prêt-à-poster »')).to.deep.equal([
      'no narrow no-break space (U+202F) after «',
      'no narrow no-break space (U+202F) before »',
    ]);
    expect(problems('"citation"')).to.have.length(2);
    expect(problems('Chargement...')).to.deep.equal(['three dots (…)']);
    expect(problems('moins 40 % et 12 000 km')).to.have.length(2);
    expect(problems('le 1 décembre')).to.deep.equal(['« 1 » for the first of the month (« 1er »)']);
  });

  it('lets well-set French through, and URLs, times and exclamations in pairs', () => {
    const good =
      'L’équipe\u00a0: «\u202fprêt-à-poster\u202f», le 1er décembre, 11 décembre, 12\u202f000\u00a0km, 40\u00a0%, ' +
      'https://www.helioria.example/a?b=c à 10:30. Merci\u202f! Vraiment\u202f?! Voici\u202f; et…';
    expect(frenchTypographyProblems(good)).to.deep.equal([]);
  });
});

describe('French catalogue typography', () => {
  it('every French string, and every function with sample arguments, is written properly', () => {
    const problems = [...renderedValues(fr)].flatMap(([key, value]) => frenchTypographyProblems(value).map((problem) => `${key}: ${problem}`));
    expect(problems).to.deep.equal([]);
  });

  it('dates inside French strings keep « 1er »', () => {
    const date = formatDate('fr', '2026-12-01');
    expect(fr.charterAcknowledgedOn(date)).to.equal('Vous avez pris connaissance de la charte le 1er décembre 2026.');
    expect(frenchTypographyProblems(fr.charterSnoozed(date))).to.deep.equal([]);
  });

  it('English uses typographic apostrophes and quotes too', () => {
    const straight = [...renderedValues(en)].filter(([, value]) => /['"]/.test(value)).map(([key]) => key);
    expect(straight).to.deep.equal([]);
  });
});
