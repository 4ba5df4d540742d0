/**
 * The zod schemas of every entity that crosses an adapter. They are the truth of the data model:
 * types are inferred from them, and every value an adapter returns is parsed by them.
 *
 * Written with `zod/mini`: the full `zod` build adds about 92 KB gzip to the script-tag bundle,
 * `zod/mini` about 6 KB.
 */
import * as z from 'zod/mini';
import { DEFAULT_POINTS } from '../contract/data.js';

const text = () => z.string().check(z.minLength(1, 'must not be empty'));
const count = () => z.int().check(z.nonnegative());

/** Only http and https: a `javascript:` or `data:` URL from the adapter must never reach an href. */
export const HttpUrlSchema = z.url({ protocol: /^https?$/, error: 'must be an http or https URL' });

/** An ISO 8601 date-time with offset (`2026-11-22T09:30:00Z`) or a plain date (`2026-11-22`). */
export const DateStringSchema = z.union([z.iso.datetime({ offset: true }), z.iso.date()], {
  error: 'must be an ISO 8601 date or date-time',
});

export const NETWORKS = [
  'linkedin',
  'x',
  'facebook',
  'mastodon',
  'bluesky',
  'threads',
  'whatsapp',
  'telegram',
  'teams',
  'email',
  'copy',
  'native',
] as const;
export const NetworkSchema = z.enum(NETWORKS);

export const CATEGORIES = ['product', 'culture', 'industry'] as const;
export const CategorySchema = z.enum(CATEGORIES);

export const PERIODS = ['week', 'month', 'quarter', 'year', 'all'] as const;
export const PeriodSchema = z.enum(PERIODS);

export const SEVERITIES = ['block', 'warn', 'info'] as const;
export const SeveritySchema = z.enum(SEVERITIES);

export const DETECTORS = ['email', 'phone', 'iban', 'card', 'fr-nir', 'siret', 'internal-link'] as const;
export const DetectorSchema = z.enum(DETECTORS);

export const ViewerSchema = z.object({
  id: text(),
  /** Absent for this browser's local anonymous viewer: elements say "you" in the reader's language. */
  displayName: z.optional(text()),
  team: z.optional(text()),
  locale: z.optional(text()),
  /** Privacy by default: someone who never opted in is shown anonymously. */
  leaderboardOptIn: z._default(z.boolean(), false),
});

/** Suggested text: `default` for every network, with optional per-network variants. */
export const ShareTextSchema = z.object({
  default: text(),
  ...Object.fromEntries(NETWORKS.map((network) => [network, z.optional(text())])),
} as { default: ReturnType<typeof text> } & Record<(typeof NETWORKS)[number], z.ZodMiniOptional<ReturnType<typeof text>>>);

export const ShareableSchema = z.object({
  id: text(),
  title: text(),
  summary: z.optional(z.string()),
  url: HttpUrlSchema,
  imageUrl: z.optional(HttpUrlSchema),
  imageAlt: z.optional(z.string()),
  category: CategorySchema,
  text: ShareTextSchema,
  hashtags: z._default(z.array(text()), []),
  lang: text(),
  publishedAt: DateStringSchema,
  expiresAt: z.optional(DateStringSchema),
  points: z._default(count(), DEFAULT_POINTS),
  campaign: z.optional(text()),
});

/**
 * What a share event records: `share` (the default when absent), or `copy-link`, the item's
 * address copied (network `copy`): not a share, counted apart, worth no points.
 */
export const SHARE_KINDS = ['share', 'copy-link'] as const;
export const ShareKindSchema = z.enum(SHARE_KINDS);

export const ShareEventSchema = z.object({
  id: z.uuid({ error: 'must be a UUID' }),
  shareableId: text(),
  viewerId: text(),
  network: NetworkSchema,
  at: DateStringSchema,
  personalized: z.boolean(),
  kind: z.optional(ShareKindSchema),
});

/** The largest charter body accepted by default: 500 KB (512,000 bytes) of UTF-8 HTML. */
export const DEFAULT_MAX_CHARTER_BODY_BYTES = 500 * 1024;

/**
 * The UTF-8 length of `text`, counted only as far as needed to compare it with `limit`: a
 * string of more UTF-16 units than `limit` is over it whatever they are, one of at most a third
 * of it is under it, and only the strings between are counted.
 */
export function utf8ByteLength(text: string, limit = Number.POSITIVE_INFINITY): number {
  if (text.length > limit) return text.length;
  if (text.length * 3 <= limit) return text.length;
  let bytes = 0;
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && index + 1 < text.length) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        index++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** Says a byte count the way a person reads it: `500 KB (512000 bytes)`. */
export function describeBytes(bytes: number): string {
  const units: [number, string][] = [
    [1024 * 1024, 'MB'],
    [1024, 'KB'],
  ];
  for (const [size, unit] of units) {
    if (bytes >= size && bytes % size === 0) return `${bytes / size} ${unit} (${bytes} bytes)`;
  }
  return `${bytes} bytes`;
}

/**
 * The charter's schema with its own cap on the size of `body`. {@link CharterSchema} is the one
 * with the default cap; adapters take `maxCharterBodyBytes` to raise or lower it.
 */
export function charterSchema({ maxBodyBytes = DEFAULT_MAX_CHARTER_BODY_BYTES }: { maxBodyBytes?: number } = {}) {
  return z
    .object({
      id: text(),
      version: z.int().check(z.positive()),
      title: text(),
      summary: text(),
      /** HTML written by the communication team; sanitized before display, never trusted. At most `maxBodyBytes` of UTF-8. */
      body: z.string().check(
        z.refine((body) => utf8ByteLength(body, maxBodyBytes) <= maxBodyBytes, {
          message: `must be at most ${describeBytes(maxBodyBytes)} of HTML (option maxCharterBodyBytes)`,
        }),
      ),
      url: z.optional(HttpUrlSchema),
      publishedAt: DateStringSchema,
      renewalDays: z._default(z.int().check(z.positive()), 365),
      requireAcknowledgment: z._default(z.boolean(), true),
      /** Acknowledgments of this version or later still count; a material change raises it. */
      minAcknowledgedVersion: z._default(z.int().check(z.positive()), 1),
      changeNote: z.optional(z.string()),
      /** The language the charter is written in (BCP 47), so that it is read right inside a page in another; default the document's `lang`. */
      lang: z.optional(text()),
    })
    .check(
      z.refine((charter) => charter.minAcknowledgedVersion <= charter.version, {
        message: 'must not exceed the charter version',
        path: ['minAcknowledgedVersion'],
      }),
    );
}

/** The charter, its body capped at {@link DEFAULT_MAX_CHARTER_BODY_BYTES}. */
export const CharterSchema = charterSchema();

export const AcknowledgmentSchema = z.object({
  viewerId: text(),
  charterId: text(),
  version: z.int().check(z.positive()),
  at: DateStringSchema,
});

export const TierSchema = z.object({ name: text(), minPoints: count() });

/** How many of the viewer's latest shares a leaderboard carries on their own row. */
export const RECENT_SHARES_LIMIT = 5;

export const LeaderboardEntrySchema = z.object({
  id: text(),
  /**
   * The person's or team's name. Absent where the element must say it in the reader's language:
   * an anonymous row, the "other teams" row (id `other-teams`), a viewer with no name.
   */
  displayName: z.optional(text()),
  team: z.optional(text()),
  points: count(),
  shares: count(),
  badges: z._default(z.array(text()), []),
  rank: z.int().check(z.positive()),
  isViewer: z._default(z.boolean(), false),
  anonymous: z._default(z.boolean(), false),
  /** A named person's picture (the people list's `avatarUrl`); never on an anonymous row. */
  avatarUrl: z.optional(HttpUrlSchema),
  /** A team row: how many named contributors its figures gather (for the per-member average). */
  members: z.optional(z.int().check(z.positive())),
  /**
   * The viewer's own row only: their latest shares in the period, newest first (at most
   * {@link RECENT_SHARES_LIMIT}), for the personal view. Never on anyone else's row.
   */
  recentShares: z.optional(
    z.array(
      z.object({
        shareableId: text(),
        /** The item's title when the source still has it. */
        title: z.optional(text()),
        network: NetworkSchema,
        at: DateStringSchema,
        /** Points this share earned (0 when the item's points were earned before). */
        points: count(),
      }),
    ),
  ),
});

export const LeaderboardSchema = z.object({
  period: PeriodSchema,
  entries: z.array(LeaderboardEntrySchema),
  tiers: z.optional(z.array(TierSchema)),
});

/** A rule's message: one string, or one per language (`{ fr, en }`). */
export const LocalizedTextSchema = z.union([text(), z.record(z.string(), text())]);

/**
 * A suggestion: a plain string, put in place of the passage as it is, or written with its grammar
 * so that the guard fits it to the sentence (`planFix`): `{ "text": "un projet en cours" }`,
 * `{ "text": "projet en cours", "gender": "m", "number": "s" }`, `{ "text": "" }` to remove.
 */
export const SuggestionSchema = z.union([
  z.string(),
  z.object({
    text: z.string(),
    gender: z.optional(z.enum(['m', 'f'])),
    number: z.optional(z.enum(['s', 'p'])),
    lang: z.optional(z.string()),
  }),
]);

const ruleBase = {
  id: text(),
  category: text(),
  severity: SeveritySchema,
  exceptions: z._default(z.array(text()), []),
  message: z.optional(LocalizedTextSchema),
  suggestion: z.optional(SuggestionSchema),
};

export const TermRuleSchema = z.object({
  ...ruleBase,
  kind: z.literal('term'),
  terms: z.array(text()).check(z.minLength(1, 'must list at least one term')),
  /** Also match simple French/English plurals (-s, -x). */
  plurals: z._default(z.boolean(), false),
});

export const PatternRuleSchema = z.object({
  ...ruleBase,
  kind: z.literal('pattern'),
  pattern: text(),
  /** Extra RegExp flags; `g`, `u` and `i` are handled by the guard. */
  flags: z.optional(z.string().check(z.regex(/^[imsu]*$/, 'may only hold the flags i, m, s, u'))),
});

export const PiiRuleSchema = z.object({
  ...ruleBase,
  kind: z.literal('pii'),
  detector: DetectorSchema,
});

export const RuleSchema = z.discriminatedUnion('kind', [TermRuleSchema, PatternRuleSchema, PiiRuleSchema]);

export const GuardPolicySchema = z.object({
  version: z.union([z.int(), text()]),
  rules: z._default(z.array(RuleSchema), []),
  /** Character limits by network name; a name Relais does not know yet is kept, not refused. */
  limits: z.optional(z.record(z.string(), z.int().check(z.positive()))),
  disclosure: z.optional(
    z.object({
      anyOf: z.array(text()).check(z.minLength(1, 'must list at least one phrase or hashtag')),
      severity: SeveritySchema,
      message: z.optional(LocalizedTextSchema),
    }),
  ),
  internalDomains: z._default(z.array(text()), []),
});

export const PersonSchema = z.object({
  id: text(),
  displayName: text(),
  team: z.optional(text()),
  avatarUrl: z.optional(HttpUrlSchema),
  leaderboardOptIn: z._default(z.boolean(), false),
});

/** The one JSON document an editor can publish with no server (StaticAdapter), or seed MemoryAdapter with. */
export const DataDocumentSchema = z.object({
  charter: CharterSchema,
  shareables: z._default(z.array(ShareableSchema), []),
  people: z._default(z.array(PersonSchema), []),
  shares: z._default(z.array(ShareEventSchema), []),
  acknowledgments: z._default(z.array(AcknowledgmentSchema), []),
  tiers: z._default(z.array(TierSchema), []),
  guardPolicy: z._default(GuardPolicySchema, { version: 1, rules: [], internalDomains: [] }),
  viewer: z.optional(ViewerSchema),
  /** The language the document's texts are written in, unless a charter says otherwise (BCP 47). */
  lang: z.optional(text()),
});

export const ShareablesQuerySchema = z.object({
  category: z.optional(CategorySchema),
  lang: z.optional(text()),
  limit: z.optional(z.int().check(z.positive())),
  cursor: z.optional(z.string()),
});

export const LeaderboardQuerySchema = z.object({
  period: PeriodSchema,
  scope: z.enum(['people', 'teams']),
  /** The top rows; the viewer's row (or team) is added when it falls outside. `0`: the viewer's row alone. */
  limit: z.optional(z.int().check(z.nonnegative())),
});

export function pageSchema<T extends z.ZodMiniType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.optional(z.string()) });
}
