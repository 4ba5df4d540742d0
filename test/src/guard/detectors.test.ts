import { expect } from '@open-wc/testing';
import { compilePolicy } from '../../../src/guard/index.js';
import type { CompiledGuard } from '../../../src/guard/index.js';
import { DETECTORS } from '../../../src/model/index.js';
import type { Detector } from '../../../src/model/index.js';

function piiGuard(detectors: readonly Detector[], internalDomains: string[] = []): CompiledGuard {
  return compilePolicy({
    version: 1,
    internalDomains,
    rules: detectors.map((detector) => ({ id: detector, kind: 'pii' as const, category: 'pii', severity: 'block' as const, detector })),
  });
}

/** What a guard reports in `text`, as [rule id, passage] pairs. */
function found(guard: CompiledGuard, text: string): Array<[string, string]> {
  return guard.check(text).findings.map((finding) => [finding.ruleId, text.slice(finding.start, finding.end)]);
}

/** Checks that `passage`, embedded in a sentence, is found by `detector` exactly. */
function expectFound(detector: Detector, passage: string, internalDomains: string[] = []) {
  const text = `Écrivez-moi : ${passage}, merci.`;
  expect(found(piiGuard([detector], internalDomains), text), passage).to.deep.equal([[detector, passage]]);
}

function expectNotFound(detector: Detector, text: string, internalDomains: string[] = []) {
  expect(found(piiGuard([detector], internalDomains), text), text).to.deep.equal([]);
}

describe('guard PII detectors', () => {
  describe('email', () => {
    it('finds valid addresses', () => {
      for (const email of ['marie.dupont@acme.fr', 'jean+news@sub.example.co.uk', 'élodie@société.fr', 'x_y-z@a-b.io']) {
        expectFound('email', email);
      }
    });

    it('leaves the sentence’s final dot out of the address', () => {
      expect(found(piiGuard(['email']), 'Écrivez à marie@acme.fr.')).to.deep.equal([['email', 'marie@acme.fr']]);
    });

    it('ignores look-alikes: mentions, hosts without a domain, broken dots and labels', () => {
      for (const text of ['Merci @marie !', 'root@localhost', 'a..b@acme.fr', 'marie@acme', 'marie@-acme.fr', 'prix: 3@4.5', 'marie@acme.f1']) {
        expectNotFound('email', text);
      }
    });
  });

  describe('phone', () => {
    it('finds French national numbers with spaces, dots, dashes or nothing', () => {
      for (const phone of ['06 12 34 56 78', '06.12.34.56.78', '06-12-34-56-78', '0612345678', '01 23 45 67 89', '09\u00A087\u00A065\u00A043\u00A021']) {
        expectFound('phone', phone);
      }
    });

    it('finds E.164 numbers, French and others', () => {
      for (const phone of ['+33 6 12 34 56 78', '+33612345678', '+33 (0)6 12 34 56 78', '0033 6 12 34 56 78', '+1 415 555 2671', '+44 20 7946 0958', '+49 30 901820']) {
        expectFound('phone', phone);
      }
    });

    it('ignores numbers of the wrong length or prefix', () => {
      for (const text of [
        'code 00 12 34 56 78',
        'tel 06 12 34 56',
        'ref 06 12 34 56 78 90',
        'n° 1234567890',
        '+33 0 12 34 56 78',
        '+33 6 12 34 56',
        '+1 415 555 26',
        '06 12.34-56 78',
        'le 12.03.2024 à 10.30',
      ]) {
        expectNotFound('phone', text);
      }
    });
  });

  describe('iban', () => {
    it('finds valid IBANs, with or without spaces, in any registered country', () => {
      for (const iban of ['FR76 3000 6000 0112 3456 7890 189', 'FR7630006000011234567890189', 'DE89 3704 0044 0532 0130 00', 'GB82 WEST 1234 5698 7654 32', 'NO93 8601 1117 947']) {
        expectFound('iban', iban);
      }
    });

    it('rejects a failing mod-97 checksum, a wrong length and an unknown country', () => {
      for (const text of ['FR76 3000 6000 0112 3456 7890 188', 'FR76 3000 6000 0112 3456 7890 18', 'DE89 3704 0044 0532 0130 001', 'ZZ89 3704 0044 0532 0130 00']) {
        expectNotFound('iban', text);
      }
    });
  });

  describe('card', () => {
    it('finds numbers that pass Luhn, with spaces, dashes or nothing, 13 to 19 digits', () => {
      for (const card of ['4111 1111 1111 1111', '5500-0000-0000-0004', '378282246310005', '4222222222222', '6011 0009 9013 9424']) {
        expectFound('card', card);
      }
    });

    it('rejects Luhn failures, wrong lengths and parts of longer numbers', () => {
      for (const text of ['4111 1111 1111 1112', '411111111111', '41111111111111111111', 'ref 99 4111 1111 1111 1111']) {
        expectNotFound('card', text);
      }
    });
  });

  describe('fr-nir', () => {
    it('finds social security numbers whose key checks, Corsica included', () => {
      for (const nir of ['1 84 12 76 451 089 46', '184127645108946', '2 90 05 2A 004 001 77', '1 78 06 2B 033 012 71']) {
        expectFound('fr-nir', nir);
      }
    });

    it('rejects a wrong key, an impossible month and a wrong Corsica key', () => {
      for (const text of ['1 84 12 76 451 089 47', '1 84 13 76 451 089 46', '2 90 05 2B 004 001 77', '5 84 12 76 451 089 46']) {
        expectNotFound('fr-nir', text);
      }
    });
  });

  describe('siret', () => {
    it('finds SIRET numbers that pass Luhn, grouped 3 3 3 5 or not', () => {
      for (const siret of ['732 829 320 00074', '73282932000074']) expectFound('siret', siret);
    });

    it('accepts La Poste establishments, which follow their own rule instead of Luhn', () => {
      expectFound('siret', '356 000 000 00010');
    });

    it('rejects Luhn failures and other lengths', () => {
      for (const text of ['732 829 320 00075', '732 829 320 0007', '00000000000000']) expectNotFound('siret', text);
    });
  });

  describe('internal-link', () => {
    const domains = ['intranet.acme.com', 'acme.local'];

    it('finds URLs on an internal domain or under it, with or without a scheme', () => {
      for (const url of ['https://intranet.acme.com/rh/paie?id=3#top', 'intranet.acme.com', 'http://wiki.acme.local:8080/page', 'WIKI.ACME.LOCAL/Projets']) {
        expectFound('internal-link', url, domains);
      }
    });

    it('leaves closing punctuation out, unless it closes a parenthesis of the URL', () => {
      const guard = piiGuard(['internal-link'], domains);
      expect(found(guard, '(voir https://intranet.acme.com/doc).')).to.deep.equal([['internal-link', 'https://intranet.acme.com/doc']]);
      expect(found(guard, 'voir https://intranet.acme.com/wiki/A_(b) !')).to.deep.equal([
        ['internal-link', 'https://intranet.acme.com/wiki/A_(b)'],
      ]);
    });

    it('keeps the balanced closing parentheses of a URL, however many (a linear scan)', () => {
      const guard = piiGuard(['internal-link'], domains);
      const url = `intranet.acme.com/${'('.repeat(15000)}${')'.repeat(15000)}`;
      expect(found(guard, `${url})).`)).to.deep.equal([['internal-link', url]]);
    });

    it('leaves out a long run of trailing punctuation', () => {
      const guard = piiGuard(['internal-link'], domains);
      expect(found(guard, `https://intranet.acme.com/doc${'.!?'.repeat(20000)}`)).to.deep.equal([['internal-link', 'https://intranet.acme.com/doc']]);
    });

    it('finds an internal host at the end of a long dotted name, and not inside one', () => {
      const guard = piiGuard(['internal-link'], domains);
      const host = `${'a.'.repeat(20000)}intranet.acme.com`;
      expect(found(guard, `${host}...`)).to.deep.equal([['internal-link', host]]);
      expectNotFound('internal-link', `${'intranet.acme.com.'.repeat(3000)}x`, domains);
    });

    it('ignores other hosts that merely contain the domain, and e-mail addresses', () => {
      for (const text of ['https://notintranet.acme.com/x', 'https://intranet.acme.com.evil.org/x', 'marie@acme.local', 'https://acme.com/public']) {
        expectNotFound('internal-link', text, domains);
      }
    });

    it('accepts domains written as URLs or wildcards in the policy', () => {
      expectFound('internal-link', 'https://intranet.acme.com/x', ['https://Intranet.ACME.com/', '*.other.org']);
    });

    it('finds nothing when the policy lists no internal domain', () => {
      expectNotFound('internal-link', 'https://intranet.acme.com/x', []);
    });
  });

  describe('one passage, one finding', () => {
    const guard = piiGuard(DETECTORS);

    it('reports an IBAN as an IBAN only', () => {
      expect(found(guard, 'IBAN FR76 3000 6000 0112 3456 7890 189')).to.deep.equal([['iban', 'FR76 3000 6000 0112 3456 7890 189']]);
    });

    it('reports a SIRET, which passes Luhn, as a SIRET and not as a card', () => {
      expect(found(guard, 'SIRET 732 829 320 00074')).to.deep.equal([['siret', '732 829 320 00074']]);
    });

    it('reports a social security number as such, not as a card or phone', () => {
      expect(found(guard, 'NIR 184127645108946')).to.deep.equal([['fr-nir', '184127645108946']]);
    });

    it('reports a phone number inside an e-mail address as the address only', () => {
      expect(found(guard, '0612345678@sms.acme.fr')).to.deep.equal([['email', '0612345678@sms.acme.fr']]);
    });

    it('reports a card as a card when no more specific detector is in the policy', () => {
      expect(found(piiGuard(['card']), 'SIRET 732 829 320 00074')).to.deep.equal([['card', '732 829 320 00074']]);
    });

    it('reports every kind in one text, sorted by position', () => {
      const text = 'Marie : 06 12 34 56 78, marie@acme.fr, carte 4111 1111 1111 1111, https://intranet.acme.com/x';
      const withDomains = piiGuard(DETECTORS, ['intranet.acme.com']);
      expect(found(withDomains, text).map(([rule]) => rule)).to.deep.equal(['phone', 'email', 'card', 'internal-link']);
    });
  });

  it('uses a built-in message per detector in French and English', () => {
    const guard = piiGuard(['iban']);
    const text = 'FR76 3000 6000 0112 3456 7890 189';
    expect(guard.check(text, { locale: 'fr' }).findings[0]!.message).to.match(/IBAN.*jamais/);
    expect(guard.check(text, { locale: 'en' }).findings[0]!.message).to.match(/IBAN.*never/);
  });
});
