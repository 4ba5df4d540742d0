import { expect } from '@open-wc/testing';
import type * as z from 'zod/mini';
import {
  AcknowledgmentSchema,
  CharterSchema,
  DataDocumentSchema,
  DETECTORS,
  GuardPolicySchema,
  LeaderboardSchema,
  NETWORKS,
  parseOrThrow,
  PersonSchema,
  RelaisDataError,
  RuleSchema,
  ShareableSchema,
  ShareEventSchema,
  ViewerSchema,
} from '../../../src/model/index.js';

/** Parses `value` and returns the `field` of the RelaisDataError thrown; fails if nothing is thrown. */
function rejectedField(schema: z.ZodMiniType, value: unknown): string {
  try {
    parseOrThrow(schema, value, 'test value');
  } catch (error) {
    expect(error).to.be.instanceOf(RelaisDataError);
    return (error as RelaisDataError).field;
  }
  return expect.fail(`expected ${JSON.stringify(value)} to be rejected`);
}

/** A copy of `base` with `changes` applied; a change to `undefined` removes the key. */
function withChanges<T extends object>(base: T, changes: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = structuredClone(base) as Record<string, unknown>;
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete copy[key];
    else copy[key] = value;
  }
  return copy;
}

const UUID = '3f2c9a1e-7b4d-4c8e-9a6f-0d1e2b3c4d5e';

// ---------------------------------------------------------------------------------------------
// Fixtures: the smallest valid value of each entity, and one with every field.

const minimalViewer = { id: 'p-07', displayName: 'Camille Rousseau' };
const fullViewer = { id: 'p-07', displayName: 'Camille Rousseau', team: 'Communication', locale: 'fr-FR', leaderboardOptIn: true };

const minimalShareable = {
  id: 'helios-4',
  title: 'HéliOS 4 est en ligne',
  url: 'https://www.helioria.example/produits/helios-4',
  category: 'product',
  text: { default: 'HéliOS 4 est en ligne.' },
  lang: 'fr',
  publishedAt: '2026-10-06',
};
const fullShareable = {
  ...minimalShareable,
  summary: 'Production, stockage et consommation sur un seul écran.',
  imageUrl: 'https://media.helioria.example/partage/helios-4.jpg',
  imageAlt: 'Tableau de bord HéliOS 4',
  text: {
    default: 'HéliOS 4 est en ligne.',
    linkedin: 'Une belle étape pour nous : HéliOS 4 est en ligne.',
    x: 'HéliOS 4 est en ligne !',
    mastodon: 'HéliOS 4 est en ligne, détails dans l’article.',
  },
  hashtags: ['Helioria', 'Énergie'],
  publishedAt: '2026-10-06T07:30:00Z',
  expiresAt: '2026-12-31T23:59:00+01:00',
  points: 20,
  campaign: 'Forum Énergie Lyon 2026',
};

const shareEvent = {
  id: UUID,
  shareableId: 'helios-4',
  viewerId: 'p-07',
  network: 'linkedin',
  at: '2026-11-20T08:15:00Z',
  personalized: true,
};

const minimalCharter = {
  id: 'charte',
  version: 3,
  title: "Charte d'utilisation des réseaux sociaux",
  summary: 'Ce qui peut se partager, et comment.',
  body: '<h2>Pourquoi</h2><p>…</p>',
  publishedAt: '2026-09-15',
};
const fullCharter = {
  ...minimalCharter,
  url: 'https://intranet.helioria.example/charte',
  renewalDays: 180,
  requireAcknowledgment: false,
  minAcknowledgedVersion: 2,
  changeNote: 'Précisions sur les liens internes.',
};

const acknowledgment = { viewerId: 'p-07', charterId: 'charte', version: 2, at: '2026-01-12T09:48:00Z' };

const minimalEntry = { id: 'p-03', displayName: 'Sophie Garnier', points: 120, shares: 14, rank: 1 };
const fullEntry = {
  ...minimalEntry,
  team: 'Communication',
  badges: ['own-words'],
  isViewer: true,
  anonymous: false,
};

const minimalTermRule = { id: 'projets', kind: 'term', category: 'confidentialité', severity: 'block', terms: ['Zéphyr'] };
const fullTermRule = {
  ...minimalTermRule,
  terms: ['grève', 'élection'],
  severity: 'warn',
  plurals: true,
  exceptions: ['grève du zèle'],
  message: { fr: 'Sujet polémique.', en: 'Controversial topic.' },
  suggestion: 'un sujet d’actualité',
};
const minimalPatternRule = { id: 'ca', kind: 'pattern', category: 'chiffres', severity: 'block', pattern: "chiffre d['’]affaires\\s\\d+" };
const minimalPiiRule = { id: 'iban', kind: 'pii', category: 'données personnelles', severity: 'block', detector: 'iban' };

const fullGuardPolicy = {
  version: 1,
  rules: [fullTermRule, minimalPatternRule, minimalPiiRule],
  limits: { x: 280, mastodon: 500 },
  disclosure: { anyOf: ['#ambassadeur', 'avis personnel'], severity: 'info', message: 'Dites que vous travaillez ici.' },
  internalDomains: ['intranet.helioria.example'],
};

const minimalPerson = { id: 'p-01', displayName: 'Élodie Marchand' };
const fullPerson = {
  ...minimalPerson,
  team: 'Communication',
  avatarUrl: 'https://intranet.helioria.example/photos/p-01.jpg',
  leaderboardOptIn: true,
};

function fullDocument() {
  return structuredClone({
    charter: fullCharter,
    shareables: [minimalShareable, fullShareable, { ...minimalShareable, id: 'third' }],
    people: [minimalPerson, fullPerson],
    shares: [shareEvent],
    acknowledgments: [acknowledgment],
    tiers: [
      { name: 'Bronze', minPoints: 0 },
      { name: 'Argent', minPoints: 50 },
    ],
    guardPolicy: fullGuardPolicy,
    viewer: fullViewer,
  });
}

// ---------------------------------------------------------------------------------------------

describe('ViewerSchema', () => {
  it('accepts a minimal viewer and defaults leaderboardOptIn to false (privacy by default)', () => {
    expect(parseOrThrow(ViewerSchema, minimalViewer, 'viewer')).to.deep.equal({ ...minimalViewer, leaderboardOptIn: false });
  });

  it('accepts a viewer with every field unchanged', () => {
    expect(parseOrThrow(ViewerSchema, fullViewer, 'viewer')).to.deep.equal(fullViewer);
  });

  it('strips unknown fields', () => {
    const parsed = parseOrThrow(ViewerSchema, { ...fullViewer, email: 'camille@helioria.example' }, 'viewer');
    expect(parsed).to.deep.equal(fullViewer);
    expect(parsed).not.to.have.property('email');
  });

  it('rejects a missing or empty id, an empty display name, an empty team and a non-boolean opt-in', () => {
    expect(rejectedField(ViewerSchema, withChanges(minimalViewer, { id: undefined }))).to.equal('id');
    expect(rejectedField(ViewerSchema, withChanges(minimalViewer, { id: '' }))).to.equal('id');
    expect(rejectedField(ViewerSchema, withChanges(minimalViewer, { displayName: '' }))).to.equal('displayName');
    expect(rejectedField(ViewerSchema, withChanges(minimalViewer, { team: '' }))).to.equal('team');
    expect(rejectedField(ViewerSchema, withChanges(minimalViewer, { leaderboardOptIn: 'yes' }))).to.equal('leaderboardOptIn');
  });

  it('rejects a value that is not an object, naming no field', () => {
    expect(rejectedField(ViewerSchema, null)).to.equal('');
    expect(rejectedField(ViewerSchema, 'p-07')).to.equal('');
  });
});

describe('ShareableSchema', () => {
  it('accepts a minimal shareable and applies the defaults (no hashtags, 10 points)', () => {
    const parsed = parseOrThrow(ShareableSchema, minimalShareable, 'shareable');
    expect(parsed).to.deep.equal({ ...minimalShareable, hashtags: [], points: 10 });
  });

  it('accepts a shareable with every field and per-network texts unchanged', () => {
    expect(parseOrThrow(ShareableSchema, fullShareable, 'shareable')).to.deep.equal(fullShareable);
  });

  it('accepts a text variant for every known network', () => {
    const text = Object.fromEntries([['default', 'Texte'] as const, ...NETWORKS.map((network) => [network, `Texte pour ${network}`] as const)]);
    expect(parseOrThrow(ShareableSchema, { ...minimalShareable, text }, 'shareable').text).to.deep.equal(text);
  });

  it('strips unknown fields, at the top level and among text variants', () => {
    const parsed = parseOrThrow(
      ShareableSchema,
      { ...minimalShareable, author: 'Service communication', text: { default: 'Texte', myspace: 'Texte' } },
      'shareable',
    );
    expect(parsed).not.to.have.property('author');
    expect(parsed.text).to.deep.equal({ default: 'Texte' });
  });

  for (const url of ['javascript:alert(1)', 'JavaScript:alert(document.cookie)', 'data:text/html,<script>alert(1)</script>', 'ftp://files.helioria.example/a.pdf', 'mailto:com@helioria.example', '/actualites/relative', 'https://']) {
    it(`rejects the URL ${JSON.stringify(url)} for url and imageUrl`, () => {
      expect(rejectedField(ShareableSchema, withChanges(minimalShareable, { url }))).to.equal('url');
      expect(rejectedField(ShareableSchema, withChanges(minimalShareable, { imageUrl: url }))).to.equal('imageUrl');
    });
  }

  it('accepts http as well as https URLs', () => {
    const parsed = parseOrThrow(ShareableSchema, { ...minimalShareable, url: 'http://www.helioria.example/a' }, 'shareable');
    expect(parsed.url).to.equal('http://www.helioria.example/a');
  });

  it('rejects an unknown category', () => {
    expect(rejectedField(ShareableSchema, withChanges(minimalShareable, { category: 'news' }))).to.equal('category');
    expect(rejectedField(ShareableSchema, withChanges(minimalShareable, { category: 'Product' }))).to.equal('category');
  });

  it('rejects empty strings where text is required', () => {
    expect(rejectedField(ShareableSchema, withChanges(minimalShareable, { id: '' }))).to.equal('id');
    expect(rejectedField(ShareableSchema, withChanges(minimalShareable, { title: '' }))).to.equal('title');
    expect(rejectedField(ShareableSchema, withChanges(minimalShareable, { lang: '' }))).to.equal('lang');
    expect(rejectedField(ShareableSchema, withChanges(minimalShareable, { campaign: '' }))).to.equal('campaign');
    expect(rejectedField(ShareableSchema, withChanges(minimalShareable, { hashtags: ['Helioria', ''] }))).to.equal('hashtags[1]');
  });

  it('rejects a text without default, or with an empty variant', () => {
    expect(rejectedField(ShareableSchema, withChanges(minimalShareable, { text: { linkedin: 'Texte' } }))).to.equal('text.default');
    expect(rejectedField(ShareableSchema, withChanges(minimalShareable, { text: { default: '' } }))).to.equal('text.default');
    expect(rejectedField(ShareableSchema, withChanges(minimalShareable, { text: { default: 'Texte', x: '' } }))).to.equal('text.x');
    expect(rejectedField(ShareableSchema, withChanges(minimalShareable, { text: 'Texte' }))).to.equal('text');
  });

  it('rejects negative or fractional points', () => {
    expect(rejectedField(ShareableSchema, withChanges(minimalShareable, { points: -5 }))).to.equal('points');
    expect(rejectedField(ShareableSchema, withChanges(minimalShareable, { points: 2.5 }))).to.equal('points');
    expect(rejectedField(ShareableSchema, withChanges(minimalShareable, { points: '10' }))).to.equal('points');
  });

  it('accepts zero points', () => {
    expect(parseOrThrow(ShareableSchema, { ...minimalShareable, points: 0 }, 'shareable').points).to.equal(0);
  });

  it('rejects missing required fields', () => {
    for (const key of ['id', 'title', 'url', 'category', 'text', 'lang', 'publishedAt']) {
      expect(rejectedField(ShareableSchema, withChanges(minimalShareable, { [key]: undefined })), key).to.equal(key);
    }
  });

  it('rejects dates that are not ISO 8601', () => {
    expect(rejectedField(ShareableSchema, withChanges(minimalShareable, { publishedAt: '22/11/2026' }))).to.equal('publishedAt');
    expect(rejectedField(ShareableSchema, withChanges(minimalShareable, { expiresAt: 'next week' }))).to.equal('expiresAt');
  });
});

describe('ShareEventSchema', () => {
  it('accepts a share event unchanged', () => {
    expect(parseOrThrow(ShareEventSchema, shareEvent, 'share')).to.deep.equal(shareEvent);
  });

  it('accepts every known network', () => {
    for (const network of NETWORKS) {
      expect(parseOrThrow(ShareEventSchema, { ...shareEvent, network }, 'share').network).to.equal(network);
    }
  });

  it('strips unknown fields', () => {
    expect(parseOrThrow(ShareEventSchema, { ...shareEvent, userAgent: 'Chrome' }, 'share')).to.deep.equal(shareEvent);
  });

  for (const id of ['', 'not-a-uuid', 'share-42', '3f2c9a1e7b4d4c8e9a6f0d1e2b3c4d5e', '3f2c9a1e-7b4d-4c8e-9a6f-0d1e2b3c4d5', '3f2c9a1e-7b4d-4c8e-9a6f-0d1e2b3c4d5g']) {
    it(`rejects the non-UUID id ${JSON.stringify(id)}`, () => {
      expect(rejectedField(ShareEventSchema, withChanges(shareEvent, { id }))).to.equal('id');
    });
  }

  it('rejects an unknown network', () => {
    expect(rejectedField(ShareEventSchema, withChanges(shareEvent, { network: 'myspace' }))).to.equal('network');
    expect(rejectedField(ShareEventSchema, withChanges(shareEvent, { network: 'LinkedIn' }))).to.equal('network');
  });

  it('rejects a missing personalized flag rather than guessing it', () => {
    expect(rejectedField(ShareEventSchema, withChanges(shareEvent, { personalized: undefined }))).to.equal('personalized');
    expect(rejectedField(ShareEventSchema, withChanges(shareEvent, { personalized: 'true' }))).to.equal('personalized');
  });

  it('rejects empty references', () => {
    expect(rejectedField(ShareEventSchema, withChanges(shareEvent, { shareableId: '' }))).to.equal('shareableId');
    expect(rejectedField(ShareEventSchema, withChanges(shareEvent, { viewerId: '' }))).to.equal('viewerId');
  });

  it('accepts a date, a UTC date-time and a date-time with offset', () => {
    for (const at of ['2026-11-20', '2026-11-20T08:15:00Z', '2026-11-20T09:15:00+01:00', '2026-11-20T08:15:00.123Z']) {
      expect(parseOrThrow(ShareEventSchema, { ...shareEvent, at }, 'share').at).to.equal(at);
    }
  });

  for (const at of ['', '2026-11-20T08:15:00', '20/11/2026', '2026-13-01', '2026-02-30', '2026-11-20T25:00:00Z', 'hier', '1763626500000']) {
    it(`rejects the date string ${JSON.stringify(at)}`, () => {
      expect(rejectedField(ShareEventSchema, withChanges(shareEvent, { at }))).to.equal('at');
    });
  }

  it('rejects a timestamp number in place of a date string', () => {
    expect(rejectedField(ShareEventSchema, withChanges(shareEvent, { at: 1763626500000 }))).to.equal('at');
  });
});

describe('CharterSchema', () => {
  it('accepts a minimal charter and applies the defaults (365 days, acknowledgment required, any version counts)', () => {
    expect(parseOrThrow(CharterSchema, minimalCharter, 'charter')).to.deep.equal({
      ...minimalCharter,
      renewalDays: 365,
      requireAcknowledgment: true,
      minAcknowledgedVersion: 1,
    });
  });

  it('accepts a charter with every field unchanged', () => {
    expect(parseOrThrow(CharterSchema, fullCharter, 'charter')).to.deep.equal(fullCharter);
  });

  it('accepts an empty body (the summary says enough) and a minimum version equal to the version', () => {
    const parsed = parseOrThrow(CharterSchema, { ...minimalCharter, body: '', minAcknowledgedVersion: 3 }, 'charter');
    expect(parsed.body).to.equal('');
    expect(parsed.minAcknowledgedVersion).to.equal(3);
  });

  it('strips unknown fields', () => {
    expect(parseOrThrow(CharterSchema, { ...fullCharter, author: 'DRH' }, 'charter')).not.to.have.property('author');
  });

  it('rejects a minAcknowledgedVersion above the version', () => {
    expect(rejectedField(CharterSchema, withChanges(minimalCharter, { minAcknowledgedVersion: 4 }))).to.equal('minAcknowledgedVersion');
  });

  it('rejects a version that is not a positive integer', () => {
    for (const version of [0, -1, 1.5, '3']) {
      expect(rejectedField(CharterSchema, withChanges(minimalCharter, { version }))).to.equal('version');
    }
  });

  it('rejects a non-positive renewal period', () => {
    expect(rejectedField(CharterSchema, withChanges(minimalCharter, { renewalDays: 0 }))).to.equal('renewalDays');
  });

  it('rejects a javascript: or data: URL', () => {
    expect(rejectedField(CharterSchema, withChanges(minimalCharter, { url: 'javascript:alert(1)' }))).to.equal('url');
    expect(rejectedField(CharterSchema, withChanges(minimalCharter, { url: 'data:text/html,<b>x</b>' }))).to.equal('url');
  });

  it('rejects an empty title or summary and a body that is not a string', () => {
    expect(rejectedField(CharterSchema, withChanges(minimalCharter, { title: '' }))).to.equal('title');
    expect(rejectedField(CharterSchema, withChanges(minimalCharter, { summary: '' }))).to.equal('summary');
    expect(rejectedField(CharterSchema, withChanges(minimalCharter, { body: { html: '<p>' } }))).to.equal('body');
  });

  it('rejects a publication date that does not exist', () => {
    expect(rejectedField(CharterSchema, withChanges(minimalCharter, { publishedAt: '2026-02-30' }))).to.equal('publishedAt');
  });
});

describe('AcknowledgmentSchema', () => {
  it('accepts an acknowledgment unchanged and strips unknown fields', () => {
    expect(parseOrThrow(AcknowledgmentSchema, { ...acknowledgment, ip: '10.0.0.1' }, 'acknowledgment')).to.deep.equal(acknowledgment);
  });

  it('rejects a version that is not a positive integer', () => {
    expect(rejectedField(AcknowledgmentSchema, withChanges(acknowledgment, { version: 0 }))).to.equal('version');
    expect(rejectedField(AcknowledgmentSchema, withChanges(acknowledgment, { version: 2.1 }))).to.equal('version');
  });

  it('rejects empty ids and a date that is not ISO 8601', () => {
    expect(rejectedField(AcknowledgmentSchema, withChanges(acknowledgment, { viewerId: '' }))).to.equal('viewerId');
    expect(rejectedField(AcknowledgmentSchema, withChanges(acknowledgment, { charterId: '' }))).to.equal('charterId');
    expect(rejectedField(AcknowledgmentSchema, withChanges(acknowledgment, { at: '12 janvier 2026' }))).to.equal('at');
    expect(rejectedField(AcknowledgmentSchema, withChanges(acknowledgment, { at: undefined }))).to.equal('at');
  });
});

describe('LeaderboardSchema', () => {
  it('accepts an empty board without tiers', () => {
    expect(parseOrThrow(LeaderboardSchema, { period: 'month', entries: [] }, 'leaderboard')).to.deep.equal({ period: 'month', entries: [] });
  });

  it('applies the entry defaults: no badges, not the viewer, not anonymous', () => {
    const parsed = parseOrThrow(LeaderboardSchema, { period: 'week', entries: [minimalEntry] }, 'leaderboard');
    expect(parsed.entries[0]).to.deep.equal({ ...minimalEntry, badges: [], isViewer: false, anonymous: false });
  });

  it('accepts a full board with tiers unchanged', () => {
    const board = {
      period: 'all',
      entries: [fullEntry, { ...minimalEntry, id: 'anon-1', displayName: 'Anonyme', rank: 1, badges: [], isViewer: false, anonymous: true }],
      tiers: [
        { name: 'Bronze', minPoints: 0 },
        { name: 'Or', minPoints: 150 },
      ],
    };
    expect(parseOrThrow(LeaderboardSchema, board, 'leaderboard')).to.deep.equal(board);
  });

  it('rejects an unknown period', () => {
    expect(rejectedField(LeaderboardSchema, { period: 'day', entries: [] })).to.equal('period');
  });

  it('names the offending entry and tier', () => {
    expect(rejectedField(LeaderboardSchema, { period: 'month', entries: [minimalEntry, { ...minimalEntry, rank: 0 }] })).to.equal('entries[1].rank');
    expect(rejectedField(LeaderboardSchema, { period: 'month', entries: [{ ...minimalEntry, points: -1 }] })).to.equal('entries[0].points');
    expect(rejectedField(LeaderboardSchema, { period: 'month', entries: [{ ...minimalEntry, shares: 1.5 }] })).to.equal('entries[0].shares');
    expect(rejectedField(LeaderboardSchema, { period: 'month', entries: [{ ...minimalEntry, displayName: '' }] })).to.equal('entries[0].displayName');
    expect(
      rejectedField(LeaderboardSchema, { period: 'month', entries: [], tiers: [{ name: 'Bronze', minPoints: 0 }, { name: '', minPoints: 50 }] }),
    ).to.equal('tiers[1].name');
    expect(rejectedField(LeaderboardSchema, { period: 'month', entries: [], tiers: [{ name: 'Bronze', minPoints: -10 }] })).to.equal('tiers[0].minPoints');
  });

  it('rejects a missing entries list', () => {
    expect(rejectedField(LeaderboardSchema, { period: 'month' })).to.equal('entries');
  });
});

describe('RuleSchema', () => {
  describe('term rules', () => {
    it('accept a minimal rule with no exceptions and no plurals by default', () => {
      expect(parseOrThrow(RuleSchema, minimalTermRule, 'rule')).to.deep.equal({ ...minimalTermRule, exceptions: [], plurals: false });
    });

    it('accept a rule with every field unchanged', () => {
      expect(parseOrThrow(RuleSchema, fullTermRule, 'rule')).to.deep.equal(fullTermRule);
    });

    it('accept a message as one string', () => {
      expect(parseOrThrow(RuleSchema, { ...minimalTermRule, message: 'Projet confidentiel.' }, 'rule').message).to.equal('Projet confidentiel.');
    });

    it('strip the fields of other kinds', () => {
      const parsed = parseOrThrow(RuleSchema, { ...minimalTermRule, pattern: 'x', detector: 'email' }, 'rule');
      expect(parsed).not.to.have.property('pattern');
      expect(parsed).not.to.have.property('detector');
    });

    it('reject a rule without terms, with no terms, or with an empty term', () => {
      expect(rejectedField(RuleSchema, withChanges(minimalTermRule, { terms: undefined }))).to.equal('terms');
      expect(rejectedField(RuleSchema, withChanges(minimalTermRule, { terms: [] }))).to.equal('terms');
      expect(rejectedField(RuleSchema, withChanges(minimalTermRule, { terms: ['Zéphyr', ''] }))).to.equal('terms[1]');
      expect(rejectedField(RuleSchema, withChanges(minimalTermRule, { terms: 'Zéphyr' }))).to.equal('terms');
    });

    it('reject an unknown severity, an empty id or category, an empty exception and an empty message', () => {
      expect(rejectedField(RuleSchema, withChanges(minimalTermRule, { severity: 'error' }))).to.equal('severity');
      expect(rejectedField(RuleSchema, withChanges(minimalTermRule, { id: '' }))).to.equal('id');
      expect(rejectedField(RuleSchema, withChanges(minimalTermRule, { category: '' }))).to.equal('category');
      expect(rejectedField(RuleSchema, withChanges(minimalTermRule, { exceptions: [''] }))).to.equal('exceptions[0]');
      expect(rejectedField(RuleSchema, withChanges(minimalTermRule, { message: '' }))).to.equal('message');
      expect(rejectedField(RuleSchema, withChanges(minimalTermRule, { message: { fr: 42 } }))).to.equal('message');
    });
  });

  describe('pattern rules', () => {
    it('accept a minimal rule and extra flags i, m, s and u', () => {
      expect(parseOrThrow(RuleSchema, minimalPatternRule, 'rule')).to.deep.equal({ ...minimalPatternRule, exceptions: [] });
      expect(parseOrThrow(RuleSchema, { ...minimalPatternRule, flags: 'imsu' }, 'rule')).to.have.property('flags', 'imsu');
    });

    it('reject a rule without a pattern or with an empty one', () => {
      expect(rejectedField(RuleSchema, withChanges(minimalPatternRule, { pattern: undefined }))).to.equal('pattern');
      expect(rejectedField(RuleSchema, withChanges(minimalPatternRule, { pattern: '' }))).to.equal('pattern');
    });

    it('reject flags other than i, m, s and u (g and y are the guard’s business)', () => {
      for (const flags of ['g', 'y', 'iy', 'd', 'x']) {
        expect(rejectedField(RuleSchema, withChanges(minimalPatternRule, { flags })), flags).to.equal('flags');
      }
    });
  });

  describe('pii rules', () => {
    for (const detector of DETECTORS) {
      it(`accept the ${detector} detector`, () => {
        expect(parseOrThrow(RuleSchema, { ...minimalPiiRule, detector }, 'rule')).to.deep.equal({ ...minimalPiiRule, detector, exceptions: [] });
      });
    }

    it('reject an unknown detector', () => {
      expect(rejectedField(RuleSchema, withChanges(minimalPiiRule, { detector: 'ssn' }))).to.equal('detector');
      expect(rejectedField(RuleSchema, withChanges(minimalPiiRule, { detector: 'IBAN' }))).to.equal('detector');
    });

    it('reject a pii rule without a detector', () => {
      expect(rejectedField(RuleSchema, withChanges(minimalPiiRule, { detector: undefined }))).to.equal('detector');
    });
  });

  it('rejects an unknown or missing kind', () => {
    expect(rejectedField(RuleSchema, withChanges(minimalTermRule, { kind: 'regex' }))).to.equal('kind');
    expect(rejectedField(RuleSchema, withChanges(minimalTermRule, { kind: undefined }))).to.equal('kind');
  });
});

describe('GuardPolicySchema', () => {
  it('accepts a minimal policy with no rules and no internal domains by default', () => {
    expect(parseOrThrow(GuardPolicySchema, { version: 1 }, 'guard policy')).to.deep.equal({ version: 1, rules: [], internalDomains: [] });
  });

  it('accepts a policy with every field, keeping each rule kind', () => {
    const parsed = parseOrThrow(GuardPolicySchema, fullGuardPolicy, 'guard policy');
    expect(parsed.rules.map((rule) => rule.kind)).to.deep.equal(['term', 'pattern', 'pii']);
    expect(parsed.limits).to.deep.equal({ x: 280, mastodon: 500 });
    expect(parsed.disclosure).to.deep.equal(fullGuardPolicy.disclosure);
    expect(parsed.internalDomains).to.deep.equal(['intranet.helioria.example']);
  });

  it('accepts a version written as a string', () => {
    expect(parseOrThrow(GuardPolicySchema, { version: '2026-11' }, 'guard policy').version).to.equal('2026-11');
  });

  it('rejects a fractional or empty version', () => {
    expect(rejectedField(GuardPolicySchema, { version: 1.5 })).to.equal('version');
    expect(rejectedField(GuardPolicySchema, { version: '' })).to.equal('version');
    expect(rejectedField(GuardPolicySchema, {})).to.equal('version');
  });

  it('names the offending rule by its index', () => {
    const rules = [minimalPiiRule, withChanges(minimalTermRule, { terms: undefined })];
    expect(rejectedField(GuardPolicySchema, { version: 1, rules })).to.equal('rules[1].terms');
    expect(rejectedField(GuardPolicySchema, { version: 1, rules: [withChanges(minimalPiiRule, { detector: 'passport' })] })).to.equal('rules[0].detector');
    expect(rejectedField(GuardPolicySchema, { version: 1, rules: [withChanges(minimalTermRule, { terms: [] })] })).to.equal('rules[0].terms');
  });

  it('rejects a non-positive length limit', () => {
    expect(rejectedField(GuardPolicySchema, { version: 1, limits: { x: 0 } })).to.equal('limits.x');
    expect(rejectedField(GuardPolicySchema, { version: 1, limits: { mastodon: 499.5 } })).to.equal('limits.mastodon');
  });

  it('rejects a disclosure without phrases or with an unknown severity', () => {
    expect(rejectedField(GuardPolicySchema, { version: 1, disclosure: { anyOf: [], severity: 'info' } })).to.equal('disclosure.anyOf');
    expect(rejectedField(GuardPolicySchema, { version: 1, disclosure: { anyOf: ['#ambassadeur'], severity: 'notice' } })).to.equal(
      'disclosure.severity',
    );
  });

  it('rejects an empty internal domain', () => {
    expect(rejectedField(GuardPolicySchema, { version: 1, internalDomains: ['intranet.helioria.example', ''] })).to.equal('internalDomains[1]');
  });

  it('strips unknown fields', () => {
    expect(parseOrThrow(GuardPolicySchema, { version: 1, owner: 'Juridique' }, 'guard policy')).not.to.have.property('owner');
  });
});

describe('PersonSchema', () => {
  it('accepts a minimal person and defaults leaderboardOptIn to false', () => {
    expect(parseOrThrow(PersonSchema, minimalPerson, 'person')).to.deep.equal({ ...minimalPerson, leaderboardOptIn: false });
  });

  it('accepts a person with every field unchanged and strips unknown fields', () => {
    expect(parseOrThrow(PersonSchema, { ...fullPerson, salary: 42 }, 'person')).to.deep.equal(fullPerson);
  });

  it('rejects a javascript:, data: or ftp: avatar URL', () => {
    for (const avatarUrl of ['javascript:alert(1)', 'data:image/svg+xml,<svg onload=alert(1)>', 'ftp://a.example/p.jpg']) {
      expect(rejectedField(PersonSchema, withChanges(minimalPerson, { avatarUrl }))).to.equal('avatarUrl');
    }
  });

  it('rejects an empty id, display name or team', () => {
    expect(rejectedField(PersonSchema, withChanges(minimalPerson, { id: '' }))).to.equal('id');
    expect(rejectedField(PersonSchema, withChanges(minimalPerson, { displayName: '' }))).to.equal('displayName');
    expect(rejectedField(PersonSchema, withChanges(minimalPerson, { team: '' }))).to.equal('team');
  });
});

describe('DataDocumentSchema', () => {
  it('accepts a document with only a charter: missing arrays become empty, the policy has no rules', () => {
    const parsed = parseOrThrow(DataDocumentSchema, { charter: minimalCharter }, 'data document');
    expect(parsed.shareables).to.deep.equal([]);
    expect(parsed.people).to.deep.equal([]);
    expect(parsed.shares).to.deep.equal([]);
    expect(parsed.acknowledgments).to.deep.equal([]);
    expect(parsed.tiers).to.deep.equal([]);
    expect(parsed.guardPolicy).to.deep.equal({ version: 1, rules: [], internalDomains: [] });
    expect(parsed.viewer).to.equal(undefined);
  });

  it('accepts a full document, applying the defaults inside it', () => {
    const parsed = parseOrThrow(DataDocumentSchema, fullDocument(), 'data document');
    expect(parsed.shareables).to.have.length(3);
    expect(parsed.shareables[0]).to.deep.equal({ ...minimalShareable, hashtags: [], points: 10 });
    expect(parsed.people[0]).to.deep.equal({ ...minimalPerson, leaderboardOptIn: false });
    expect(parsed.shares).to.deep.equal([shareEvent]);
    expect(parsed.guardPolicy.rules[1]).to.deep.equal({ ...minimalPatternRule, exceptions: [] });
    expect(parsed.viewer).to.deep.equal(fullViewer);
  });

  it('strips unknown fields at every level', () => {
    const document = { ...fullDocument(), generatedBy: 'export-tool', $schema: 'https://relais.example/schema.json' };
    (document.shareables[0] as Record<string, unknown>)['internalNote'] = 'ne pas publier';
    const parsed = parseOrThrow(DataDocumentSchema, document, 'data document');
    expect(parsed).not.to.have.property('generatedBy');
    expect(parsed).not.to.have.property('$schema');
    expect(parsed.shareables[0]).not.to.have.property('internalNote');
  });

  it('rejects a document without a charter', () => {
    const { charter: _charter, ...rest } = fullDocument();
    expect(rejectedField(DataDocumentSchema, rest)).to.equal('charter');
  });

  const offending: [string, (document: ReturnType<typeof fullDocument>) => void][] = [
    ['shareables[2].url', (d) => Object.assign(d.shareables[2]!, { url: 'javascript:alert(1)' })],
    ['shareables[1].imageUrl', (d) => Object.assign(d.shareables[1]!, { imageUrl: 'data:image/png;base64,AAAA' })],
    ['shareables[0].category', (d) => Object.assign(d.shareables[0]!, { category: 'blog' })],
    ['people[1].leaderboardOptIn', (d) => Object.assign(d.people[1]!, { leaderboardOptIn: 'oui' })],
    ['shares[0].id', (d) => Object.assign(d.shares[0]!, { id: 'share-1' })],
    ['shares[0].network', (d) => Object.assign(d.shares[0]!, { network: 'myspace' })],
    ['acknowledgments[0].at', (d) => Object.assign(d.acknowledgments[0]!, { at: '2026-01-12 09:48' })],
    ['tiers[1].minPoints', (d) => Object.assign(d.tiers[1]!, { minPoints: -50 })],
    ['charter.minAcknowledgedVersion', (d) => Object.assign(d.charter, { minAcknowledgedVersion: 9 })],
    ['guardPolicy.rules[0].terms', (d) => Object.assign(d.guardPolicy.rules[0]!, { terms: [] })],
    ['guardPolicy.rules[2].detector', (d) => Object.assign(d.guardPolicy.rules[2]!, { detector: 'passport' })],
    ['viewer.id', (d) => Object.assign(d.viewer, { id: '' })],
  ];
  for (const [field, spoil] of offending) {
    it(`names ${field} when it is invalid`, () => {
      const document = fullDocument();
      spoil(document);
      expect(rejectedField(DataDocumentSchema, document)).to.equal(field);
    });
  }

  it('lists every problem in the error, with the entity being read', () => {
    const document = fullDocument();
    Object.assign(document.shareables[2]!, { url: 'ftp://files.helioria.example/x' });
    Object.assign(document.shares[0]!, { id: 'not-a-uuid' });
    let error: unknown;
    try {
      parseOrThrow(DataDocumentSchema, document, 'data document');
    } catch (thrown) {
      error = thrown;
    }
    expect(error).to.be.instanceOf(RelaisDataError);
    const dataError = error as RelaisDataError;
    expect(dataError.entity).to.equal('data document');
    expect(dataError.field).to.equal('shareables[2].url');
    expect(dataError.problems).to.have.length(2);
    expect(dataError.problems[0]).to.match(/^shareables\[2\]\.url: /);
    expect(dataError.problems[1]).to.match(/^shares\[0\]\.id: /);
    expect(dataError.message).to.contain('shareables[2].url');
  });
});
