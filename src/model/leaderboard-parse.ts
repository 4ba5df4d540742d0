/**
 * A leaderboard parsed as `LeaderboardSchema` parses it, faster for big boards. `zod/mini` parses
 * an object in about 3 µs here, so a board of 10,000 people took 30 ms to validate — twice a
 * frame — on every reading, and a board is read again after each share.
 *
 * The schema stays the truth: an entry made only of the fields every row has (strings, counts,
 * booleans, badges) is checked here field by field with the schema's own rules and rebuilt with
 * its defaults; a picture's address is checked by the schema's URL rule; any other entry (the
 * viewer's recent shares, an unknown shape) and any entry this check refuses go through the
 * schema itself, so that an error names the field exactly as before. A property test
 * (test/src/model/leaderboard-parse.test.ts) holds both to the same results.
 */
import type { LeaderboardEntry } from './index.js';
import { HttpUrlSchema, LeaderboardEntrySchema, LeaderboardSchema } from './schemas.js';

const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
const isOptionalBoolean = (value: unknown): value is boolean | undefined => value === undefined || typeof value === 'boolean';
const isOptionalText = (value: unknown): value is string | undefined => value === undefined || isText(value);

const NO_BADGES: string[] = Object.freeze([]) as unknown as string[];

/** The entry as the schema would give it, or `undefined` when only the schema can say. */
function plainEntry(value: unknown): LeaderboardEntry | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const entry = value as Record<string, unknown>;
  if ('recentShares' in entry || 'members' in entry) return undefined;
  const { id, points, shares, rank, badges, isViewer, anonymous } = entry;
  if (!isText(id) || !isCount(points) || !isCount(shares) || !Number.isSafeInteger(rank) || (rank as number) < 1) return undefined;
  if (!isOptionalBoolean(isViewer) || !isOptionalBoolean(anonymous)) return undefined;
  if (badges !== undefined && !(Array.isArray(badges) && badges.every(isText))) return undefined;
  // Built key by key, in the schema's order; an optional key is kept when the input has it.
  const parsed: Record<string, unknown> = { id };
  if ('displayName' in entry) {
    if (!isOptionalText(entry['displayName'])) return undefined;
    parsed['displayName'] = entry['displayName'];
  }
  if ('team' in entry) {
    if (!isOptionalText(entry['team'])) return undefined;
    parsed['team'] = entry['team'];
  }
  parsed['points'] = points;
  parsed['shares'] = shares;
  // One frozen empty list for every entry without badges: a board of 10,000 is then 10,000 arrays lighter to make and to collect.
  parsed['badges'] = badges === undefined || badges.length === 0 ? NO_BADGES : [...badges];
  parsed['rank'] = rank;
  parsed['isViewer'] = isViewer ?? false;
  parsed['anonymous'] = anonymous ?? false;
  if ('avatarUrl' in entry) {
    const avatarUrl = entry['avatarUrl'];
    if (avatarUrl !== undefined && !HttpUrlSchema.safeParse(avatarUrl).success) return undefined;
    parsed['avatarUrl'] = avatarUrl;
  }
  return parsed as LeaderboardEntry;
}

/**
 * `before` itself when `value` is the same plain entry, field by field: what the schema would give
 * for `value` is then what it gave for `before` (`before` is a parsed entry). Checked with no
 * allocation and with each key written out (a key taken from a list makes every property access
 * a dictionary lookup: 1.6 ms for 10,000 entries where a fresh parse takes 0.4 ms), so that a board
 * read again after a share reuses every entry that did not change.
 */
function sameEntry(value: unknown, before: LeaderboardEntry | undefined): LeaderboardEntry | undefined {
  if (!before || typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const entry = value as Record<string, unknown>;
  if (entry['id'] !== before.id || entry['points'] !== before.points || entry['shares'] !== before.shares || entry['rank'] !== before.rank) return undefined;
  if ('recentShares' in entry || 'members' in entry || 'recentShares' in before || 'members' in before) return undefined;
  // -0 is not 0 to the schema's output (it keeps the sign): compared as the schema would keep it.
  if ((before.points === 0 || before.shares === 0) && (Object.is(entry['points'], -0) !== Object.is(before.points, -0) || Object.is(entry['shares'], -0) !== Object.is(before.shares, -0))) return undefined;
  // Left out, a flag is false; `null` is not left out (the schema refuses it).
  const { isViewer, anonymous } = entry;
  if ((isViewer === undefined ? false : isViewer) !== before.isViewer || (anonymous === undefined ? false : anonymous) !== before.anonymous) return undefined;
  // An optional text must be present in both or neither (the schema keeps a key given as undefined), with one value.
  const { displayName, team, avatarUrl } = entry;
  if (displayName !== before.displayName || (displayName === undefined && ('displayName' in entry) !== ('displayName' in before))) return undefined;
  if (team !== before.team || (team === undefined && ('team' in entry) !== ('team' in before))) return undefined;
  if (avatarUrl !== before.avatarUrl || (avatarUrl === undefined && ('avatarUrl' in entry) !== ('avatarUrl' in before))) return undefined;
  const badges = entry['badges'];
  if (badges === undefined) return before.badges.length === 0 ? before : undefined;
  if (!Array.isArray(badges) || badges.length !== before.badges.length) return undefined;
  for (let k = 0; k < badges.length; k++) if (badges[k] !== before.badges[k]) return undefined;
  return before;
}

type Parsed = ReturnType<typeof LeaderboardSchema.safeParse>;

/**
 * `LeaderboardSchema.safeParse`, each plain entry checked by hand.
 *
 * @param previous the board this function gave last for the same reading, if any: an entry equal
 *   to the one at the same place there is that same object, so that reading a board again after a
 *   share makes (and later collects) only the entries that changed, not all 10,000.
 */
export function safeParseLeaderboard(value: unknown, previous?: { entries: readonly LeaderboardEntry[] }): Parsed {
  const entries = typeof value === 'object' && value !== null ? (value as { entries?: unknown }).entries : undefined;
  if (!Array.isArray(entries)) return LeaderboardSchema.safeParse(value);
  const parsed: LeaderboardEntry[] = [];
  for (let index = 0; index < entries.length; index++) {
    const entry: unknown = entries[index];
    const plain = sameEntry(entry, previous?.entries[index]) ?? plainEntry(entry);
    if (plain) parsed.push(plain);
    else {
      const checked = LeaderboardEntrySchema.safeParse(entry);
      // The whole board through the schema: its error names the entry's index and field.
      if (!checked.success) return LeaderboardSchema.safeParse(value);
      parsed.push(checked.data);
    }
  }
  const rest = LeaderboardSchema.safeParse({ ...(value as object), entries: [] });
  if (!rest.success) return LeaderboardSchema.safeParse(value);
  return { success: true, data: { ...rest.data, entries: parsed } };
}
