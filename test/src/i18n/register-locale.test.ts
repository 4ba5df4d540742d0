import { expect } from '@open-wc/testing';
import { compilePolicy } from '../../../src/guard/index.js';
import { en, getCatalogue, onLocalesChanged, registerLocale, supportedLocale } from '../../../src/i18n/index.js';

// Each test file runs in its own page, so registrations here do not leak into other files.
describe('registerLocale', () => {
  it('serves a partial catalogue, falling back to English for missing keys', () => {
    registerLocale('de', { loading: 'Wird geladen…', shareOn: (network) => `Auf ${network} teilen` });
    const de = getCatalogue('de');
    expect(de.loading).to.equal('Wird geladen…');
    expect(de.shareOn('Mastodon')).to.equal('Auf Mastodon teilen');
    expect(de.retry).to.equal(en.retry);
    expect(de.pointsCount(2, '2')).to.equal('2 points');
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
    expect(getCatalogue('nl-BE').retry).to.equal('Opnieuw proberen');
  });

  it('replaces, rather than merges, a catalogue registered again', () => {
    registerLocale('it', { loading: 'Caricamento…' });
    registerLocale('it', { retry: 'Riprova' });
    expect(getCatalogue('it').retry).to.equal('Riprova');
    expect(getCatalogue('it').loading).to.equal(en.loading);
  });

  it('does not let an explicit undefined hide the English string', () => {
    registerLocale('sv', { loading: undefined });
    expect(getCatalogue('sv').loading).to.equal(en.loading);
  });

  it('can override a shipped language', () => {
    registerLocale('fr', { retry: 'Recommencer' });
    expect(getCatalogue('fr-CA').retry).to.equal('Recommencer');
    // Replaced entirely: the rest is English now, which is what "replaces" means.
    expect(getCatalogue('fr').loading).to.equal(en.loading);
  });

  it('matches a registered regional code exactly, and only that region', () => {
    registerLocale('pt-br', { retry: 'Tentar novamente' });
    expect(supportedLocale('pt-BR')).to.equal('pt-BR');
    expect(getCatalogue('pt-BR').retry).to.equal('Tentar novamente');
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
