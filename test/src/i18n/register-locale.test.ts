import { expect } from '@open-wc/testing';
import { compilePolicy } from '../../../src/guard/index.js';
import { en } from '../../../src/i18n/catalogues.js';
import { guardMessagesFor } from '../../../src/i18n/guard-messages.js';
import { onLocalesChanged, registerLocale, supportedLocale } from '../../../src/i18n/index.js';
import { ambassadorLeaderboardStringsFor } from '../../../src/i18n/parts/ambassador-leaderboard.js';
import { charterBannerStringsFor } from '../../../src/i18n/parts/charter-banner.js';
import { postComposerGuardStringsFor } from '../../../src/i18n/parts/post-composer-guard.js';
import { shareCardStringsFor } from '../../../src/i18n/parts/share-card.js';

/** Every element's strings for a tag: the lookups an element reads through its LocaleController. */
const everyElement = (locale: string) => [charterBannerStringsFor(locale), shareCardStringsFor(locale), ambassadorLeaderboardStringsFor(locale), postComposerGuardStringsFor(locale)] as const;

// Each test file runs in its own page, so registrations here do not leak into other files.
describe('registerLocale', () => {
  it('serves a partial catalogue, falling back to English for missing keys', () => {
    registerLocale('de', { loading: 'Wird geladen…', shareOn: (network) => `Auf ${network} teilen` });
    const de = shareCardStringsFor('de');
    expect(de.loading).to.equal('Wird geladen…');
    expect(de.shareOn('Mastodon')).to.equal('Auf Mastodon teilen');
    expect(de.retry).to.equal(en.retry);
    expect(de.pointsCount(2, '2')).to.equal('2 points');
  });

  it('takes one flat object: each element’s part takes its own keys from it, the common ones included', () => {
    registerLocale('de', {
      retry: 'Erneut versuchen',
      networkName: (network) => (network === 'email' ? 'E-Mail' : en.networkName(network)),
      charterRemindLater: 'Später erinnern',
      shareEditText: 'Text bearbeiten',
      leaderboardTitle: 'Botschafter',
      guardTextLabel: 'Ihr Beitrag',
      guardLengthMessage: 'Zu lang für {network}.',
    });
    const [banner, card, board, composer] = everyElement('de-AT');
    for (const strings of [banner, card, board, composer]) {
      expect(strings.retry).to.equal('Erneut versuchen');
      expect(strings.networkName('email')).to.equal('E-Mail');
      expect(strings.loading, 'a key left out: English').to.equal(en.loading);
    }
    expect(banner.charterRemindLater).to.equal('Später erinnern');
    expect(banner.charterClose).to.equal(en.charterClose);
    expect(card.shareEditText).to.equal('Text bearbeiten');
    expect(card.shareCancel).to.equal(en.shareCancel);
    expect(board.leaderboardTitle).to.equal('Botschafter');
    expect(board.periodName('week')).to.equal(en.periodName('week'));
    expect(composer.guardTextLabel).to.equal('Ihr Beitrag');
    expect(composer.guardEdit).to.equal(en.guardEdit);
    expect(guardMessagesFor('de').guardLengthMessage).to.equal('Zu lang für {network}.');
    // A part holds its own keys and the common ones, never another element's.
    expect(Object.hasOwn(banner, 'shareEditText')).to.equal(false);
    expect(Object.hasOwn(card, 'leaderboardTitle')).to.equal(false);
    expect(Object.hasOwn(board, 'guardLengthMessage')).to.equal(false);
  });

  it('translates the guard’s own finding messages too, with their placeholders filled', () => {
    registerLocale('de', {
      guardDetectorMessage: (detector) => (detector === 'email' ? 'Eine E-Mail-Adresse ist personenbezogen.' : en.guardDetectorMessage(detector)),
      guardCategoryMessage: (category) => (category === 'politics' ? '„{excerpt}“ ist politisch.' : undefined),
      guardLengthMessage: 'Zu lang für {network}: {used} von {limit} Zeichen.',
    });
    const guard = compilePolicy({
      version: 1,
      limits: { x: 10 },
      rules: [
        { id: 'mail', kind: 'pii', category: 'personal-data', severity: 'block', detector: 'email' },
        { id: 'politik', kind: 'term', category: 'politics', severity: 'warn', terms: ['Wahl'] },
      ],
    });
    const messages = guard.check('Wahl: anna@example.com', { locale: 'de-AT', network: 'x' }).findings.map((finding) => finding.message);
    expect(messages).to.include('Eine E-Mail-Adresse ist personenbezogen.');
    expect(messages).to.include('„Wahl“ ist politisch.');
    expect(messages).to.include('Zu lang für X: 22 von 10 Zeichen.');
  });

  it('serves regional tags of a registered language', () => {
    registerLocale('nl', { retry: 'Opnieuw proberen' });
    expect(supportedLocale('nl-BE')).to.equal('nl');
    for (const strings of everyElement('nl-BE')) expect(strings.retry).to.equal('Opnieuw proberen');
  });

  it('replaces, rather than merges, a catalogue registered again', () => {
    registerLocale('it', { loading: 'Caricamento…' });
    registerLocale('it', { retry: 'Riprova' });
    expect(charterBannerStringsFor('it').retry).to.equal('Riprova');
    expect(charterBannerStringsFor('it').loading).to.equal(en.loading);
  });

  it('does not let an explicit undefined hide the English string', () => {
    registerLocale('sv', { loading: undefined });
    for (const strings of everyElement('sv')) expect(strings.loading).to.equal(en.loading);
  });

  it('can override a shipped language', () => {
    registerLocale('fr', { retry: 'Recommencer' });
    expect(ambassadorLeaderboardStringsFor('fr-CA').retry).to.equal('Recommencer');
    // Replaced entirely: the rest is English now, which is what "replaces" means.
    expect(ambassadorLeaderboardStringsFor('fr').loading).to.equal(en.loading);
    expect(ambassadorLeaderboardStringsFor('fr').leaderboardTitle).to.equal(en.leaderboardTitle);
  });

  it('matches a registered regional code exactly, and only that region', () => {
    registerLocale('pt-br', { retry: 'Tentar novamente' });
    expect(supportedLocale('pt-BR')).to.equal('pt-BR');
    expect(postComposerGuardStringsFor('pt-BR').retry).to.equal('Tentar novamente');
    expect(supportedLocale('pt-PT')).to.equal('en');
  });

  it('rejects a code that is not a language tag', () => {
    expect(() => registerLocale('not a tag!', {})).to.throw(RangeError);
  });

  it('tells listeners, until they stop listening', () => {
    let calls = 0;
    const stop = onLocalesChanged(() => calls++);
    registerLocale('da', { retry: 'Prøv igen' });
    stop();
    registerLocale('da', { retry: 'Prøv igen' });
    expect(calls).to.equal(1);
  });
});
