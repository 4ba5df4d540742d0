import { expect } from '@open-wc/testing';
import type { Catalogue } from '../../../src/i18n/index.js';
import { en, fr } from '../../../src/i18n/catalogues.js';
import { NETWORKS } from '../../../src/model/index.js';
import { renderedValues } from './catalogue-samples.js';

/** Values that are rightly the same in French: brand names and words French shares with English. */
const SAME_IN_BOTH = new Set([
  'LinkedIn',
  'X',
  'Facebook',
  'Mastodon',
  'Bluesky',
  'Threads',
  'WhatsApp',
  'Telegram',
  'Microsoft Teams',
  'Points',
  // A tier's name is the data's, shown as it is (the sample of leaderboardTierHeading at 0 points).
  'Bronze',
  'Badges',
  '1 point',
  '12 points',
  '120 / 280',
]);

describe('catalogues', () => {
  it('French has every key English has, of the same kind, and no other', () => {
    expect(Object.keys(fr).sort()).to.deep.equal(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof Catalogue)[]) {
      expect(typeof fr[key], key).to.equal(typeof en[key]);
    }
  });

  it('every value renders to a non-empty string in both languages', () => {
    for (const catalogue of [en, fr]) {
      for (const [key, value] of renderedValues(catalogue)) {
        expect(value, key).to.be.a('string').and.not.equal('');
        expect(value, key).not.to.include('undefined');
      }
    }
  });

  it('French translates every value, except names and words that are the same in French', () => {
    const english = renderedValues(en);
    const untranslated = [...renderedValues(fr)]
      .filter(([key, value]) => value === english.get(key) && !SAME_IN_BOTH.has(value))
      .map(([key]) => key);
    expect(untranslated).to.deep.equal([]);
  });

  it('French uses French typography: no-break spaces, guillemets, ’ and …', () => {
    for (const [key, value] of renderedValues(fr)) {
      expect(value, `${key}: space before : ; ! ?`).not.to.match(/ [:;!?]/);
      expect(value, `${key}: no space at all before : ; ! ?`).not.to.match(/[^\u00a0\u202f][;!?]|[^\u00a0\u202f]:(?!\/)/);
      expect(value, `${key}: straight apostrophe`).not.to.include("'");
      expect(value, `${key}: straight quotes`).not.to.include('"');
      expect(value, `${key}: three dots`).not.to.include('...');
      expect(value, `${key}: guillemets`).not.to.match(/«[^\u00a0\u202f]|[^\u00a0\u202f]»/);
    }
  });

  it('the samples cover the guillemets and no-break spaces they check', () => {
    expect(fr.guardReplaceWith('notre client')).to.equal('Remplacer par «\u202fnotre client\u202f»');
    expect(fr.guardCounterLabel('120', '280')).to.equal('Longueur\u00a0: 120 sur 280');
    expect(fr.shareShared('Bluesky')).to.equal('Partagé sur Bluesky. Merci\u202f!');
  });

  it('network names cover every network, the copy and native actions included', () => {
    expect(NETWORKS.map((network) => en.networkName(network))).to.include.members(['LinkedIn', 'Copy link', 'Share…']);
    expect(fr.networkName('email')).to.equal('Courriel');
    expect(fr.networkName('copy')).to.equal('Copier le lien');
    expect(fr.shareOn(fr.networkName('teams'))).to.equal('Partager sur Microsoft Teams');
  });
});

describe('plural strings', () => {
  it('English: 0 and many are plural, 1 is singular', () => {
    expect(en.pointsCount(0, '0')).to.equal('0 points');
    expect(en.pointsCount(1, '1')).to.equal('1 point');
    expect(en.pointsCount(1234, '1,234')).to.equal('1,234 points');
    expect(en.guardFindings(0, '0')).to.equal('No findings');
    expect(en.guardFindings(1, '1')).to.equal('1 finding');
    expect(en.guardFindings(3, '3')).to.equal('3 findings');
    expect(en.sharePointsEarned(1, '1')).to.equal('You earned 1 point.');
    expect(en.sharePointsEarned(10, '10')).to.equal('You earned 10 points.');
  });

  it('French: 0 and 1 are singular, round millions take « de »', () => {
    expect(fr.pointsCount(0, '0')).to.equal('0 point');
    expect(fr.pointsCount(1, '1')).to.equal('1 point');
    expect(fr.pointsCount(2, '2')).to.equal('2 points');
    expect(fr.pointsCount(1_000_000, '1\u202f000\u202f000')).to.equal('1\u202f000\u202f000 de points');
    expect(fr.guardFindings(0, '0')).to.equal('Aucun point à vérifier');
    expect(fr.guardFindings(1, '1')).to.equal('1 point à vérifier');
    expect(fr.guardFindings(3, '3')).to.equal('3 points à vérifier');
    expect(fr.guardOverLimit(1, '1')).to.equal('1 caractère de trop');
    expect(fr.guardOverLimit(7, '7')).to.equal('7 caractères de trop');
  });

  it('snoozes left: none, one, several, in both languages', () => {
    expect(en.charterSnoozesLeft(0, '0')).to.equal('This reminder can no longer be postponed.');
    expect(en.charterSnoozesLeft(1, '1')).to.equal('You can postpone it once more.');
    expect(en.charterSnoozesLeft(2, '2')).to.equal('You can postpone it 2 more times.');
    expect(fr.charterSnoozesLeft(0, '0')).to.equal('Ce rappel ne peut plus être reporté.');
    expect(fr.charterSnoozesLeft(1, '1')).to.equal('Vous pourrez encore reporter une fois.');
    expect(fr.charterSnoozesLeft(2, '2')).to.equal('Vous pourrez encore reporter 2\u00a0fois.');
  });

  it('displays the formatted number it is given, not the raw one', () => {
    expect(fr.sharePointsEarned(1500, '1\u202f500')).to.equal('Vous avez gagné 1\u202f500 points.');
  });
});
