/**
 * Leaderboard computation, pure and shared by every adapter that holds raw share history
 * (MemoryAdapter, StaticAdapter, and any REST or SharePoint adapter that reads events and
 * ranks them in the browser). No I/O, no clock: `now` is an input.
 *
 * The rules, chosen for "recognition without harsh competition" and for privacy:
 *
 * - **Points are capped per item.** A person earns a shareable's points once, at their first
 *   share of it ever; sharing it again, or on another network, adds to `shares` but earns
 *   nothing. So a week's board counts an item's points only if it was first shared that week.
 * - **Ranks are competition ranks on points** (1, 2, 2, 4). Within a rank, rows are ordered by
 *   shares, then named rows before anonymous ones, then by name: nothing that an entry does
 *   not already show.
 * - **Opted-out people are anonymous.** They keep their place in the ranking, but their row
 *   carries no `displayName` (the element says "anonymous" in the reader's language), an id that only says
 *   where the row stands (`anonymous-2`, never derived from the person, so it cannot be
 *   linked across periods or boards), no team and no badges. People who share but are not in
 *   the people list never opted in, so they are anonymous too.
 * - **The viewer always sees their own row**, named and marked `isViewer`, even when they
 *   opted out or shared nothing; when `limit` cuts it off, it is appended after the top rows.
 * - **Only people who shared in the period are listed** (besides the viewer): a row at zero
 *   points would single out colleagues who chose not to take part, and taking part is
 *   voluntary.
 * - **A team's figures are those of its named contributors only**: the members who opted in
 *   and shared in the period. A team is shown on its own only when at least `minTeamSize` of
 *   them contributed; smaller ones are merged into one `other-teams` row, itself left out if it
 *   still gathers fewer than `minTeamSize` contributors. An opted-out person's shares are never
 *   in a team total, so no subtraction (team minus its named rows) can single them out, and a
 *   team of silent colleagues cannot lend its size to one sharer. People with no team are not
 *   part of the team board. A team row says how many contributors it gathers (`members`).
 * - **Pictures only of named people**: a named row carries the person's `avatarUrl`; an
 *   anonymous row never does.
 * - **The viewer's latest shares** (at most `RECENT_SHARES_LIMIT`, newest first, in the period)
 *   ride on the viewer's own row only (`recentShares`), for the personal view.
 */
import type {
  Category,
  Leaderboard,
  LeaderboardEntry,
  Period,
  Person,
  Scope,
  Shareable,
  ShareEvent,
  Tier,
  Viewer,
} from '../model/index.js';
import { CATEGORIES, isShare } from '../model/index.js';
import { RECENT_SHARES_LIMIT } from '../model/schemas.js';
import { DAY_MS } from '../time.js';
import { OTHER_TEAMS_ID } from '../contract/data.js';

export { OTHER_TEAMS_ID };

/** The smallest team shown on its own by default. */
export const DEFAULT_MIN_TEAM_SIZE = 5;

/**
 * The badges a person can earn, computed from their whole share history (not the period),
 * with what each one means. Repeated shares of one item count once, like points.
 */
export const BADGES = {
  /** Shared at least one item. */
  'first-share': 'shared a first item',
  /** Shared ten different items. */
  'ten-shares': 'shared ten different items',
  /** Shared five different items in their own words (`personalized: true`). */
  'own-words': 'shared five items in their own words',
  /** Shared at least one item of each category: product, culture and industry. */
  'all-categories': 'shared product, culture and industry items',
} as const;
export type Badge = keyof typeof BADGES;

/** A half-open time range `[start, end)`, in epoch milliseconds. */
export interface TimeRange {
  start: number;
  end: number;
}

/**
 * The calendar period that contains `now`, in UTC: the ISO week (Monday to Sunday), the
 * month, the quarter or the year. `undefined` for `'all'`, which has no bounds.
 */
export function periodRange(period: Period, now: Date): TimeRange | undefined {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  switch (period) {
    case 'week': {
      const daysSinceMonday = (now.getUTCDay() + 6) % 7;
      const start = Date.UTC(year, month, now.getUTCDate() - daysSinceMonday);
      return { start, end: start + 7 * DAY_MS };
    }
    case 'month':
      return { start: Date.UTC(year, month, 1), end: Date.UTC(year, month + 1, 1) };
    case 'quarter': {
      const firstMonth = month - (month % 3);
      return { start: Date.UTC(year, firstMonth, 1), end: Date.UTC(year, firstMonth + 3, 1) };
    }
    case 'year':
      return { start: Date.UTC(year, 0, 1), end: Date.UTC(year + 1, 0, 1) };
    case 'all':
      return undefined;
  }
}

/**
 * Competition ranks ("1224") for rows already sorted best first: a row whose score equals the
 * previous row's shares its rank, and the next different score skips the tied places.
 */
export function competitionRanks<T>(sorted: readonly T[], score: (row: T) => number): number[] {
  const ranks: number[] = [];
  sorted.forEach((row, index) => {
    const tiedWithPrevious = index > 0 && score(sorted[index - 1]!) === score(row);
    ranks.push(tiedWithPrevious ? ranks[index - 1]! : index + 1);
  });
  return ranks;
}

/** Everything the leaderboard is computed from. */
export interface LeaderboardInput {
  period: Period;
  scope: Scope;
  /** Top rows to return; the viewer's row (or team) is appended when it falls outside. */
  limit?: number;
  now: Date;
  viewer: Viewer;
  people: readonly Person[];
  /** The catalogue, expired items included: points earned on them still count. */
  shareables: readonly (Pick<Shareable, 'id' | 'points' | 'category'> & { title?: string })[];
  /** Share history, one event per id. */
  shares: readonly ShareEvent[];
  tiers?: readonly Tier[];
  minTeamSize?: number;
}

/** Computes a leaderboard by the rules in this module's documentation. */
export function computeLeaderboard(input: LeaderboardInput): Leaderboard {
  const range = periodRange(input.period, input.now);
  const stats = statsByPerson(input.shares, input.shareables, range);
  const rows =
    input.scope === 'teams'
      ? teamRows(input, stats)
      : personRows(input, stats);
  const entries = pickTopAndViewer(rankRows(rows), input.limit).map((entry) =>
    entry.isViewer && input.scope !== 'teams' ? { ...entry, recentShares: recentSharesOf(input, range) } : entry,
  );
  const tiers = [...(input.tiers ?? [])].sort((a, b) => a.minPoints - b.minPoints);
  return { period: input.period, entries, tiers };
}

/** The viewer's latest shares in the period, newest first, with the points each one earned. */
function recentSharesOf(input: LeaderboardInput, range: TimeRange | undefined): NonNullable<LeaderboardEntry['recentShares']> {
  const catalogue = new Map(input.shareables.map((item) => [item.id, item]));
  const history = input.shares
    .filter((event) => isShare(event) && event.viewerId === input.viewer.id)
    .map((event) => ({ event, at: Date.parse(event.at) }))
    .sort((a, b) => a.at - b.at || compareText(a.event.id, b.event.id));
  const earned = new Set<string>();
  const inPeriod: NonNullable<LeaderboardEntry['recentShares']> = [];
  for (const { event, at } of history) {
    const item = catalogue.get(event.shareableId);
    const points = earned.has(event.shareableId) ? 0 : (item?.points ?? 0);
    earned.add(event.shareableId);
    if (range && (at < range.start || at >= range.end)) continue;
    inPeriod.push({ shareableId: event.shareableId, ...(item?.title ? { title: item.title } : {}), network: event.network, at: event.at, points });
  }
  return inPeriod.reverse().slice(0, RECENT_SHARES_LIMIT);
}

// ---------------------------------------------------------------------------------------------
// Per-person statistics

interface PersonStats {
  /** Points earned in the period (each item's points at most once, ever). */
  points: number;
  /** Share events in the period, repeats included. */
  shares: number;
  badges: Badge[];
}

function statsByPerson(
  shares: readonly ShareEvent[],
  shareables: LeaderboardInput['shareables'],
  range: TimeRange | undefined,
): Map<string, PersonStats> {
  const catalogue = new Map(shareables.map((item) => [item.id, item]));
  // Oldest first, so that the first event seen for a (person, item) pair is the one that earns.
  // Copying the link is not a share: it earns nothing, counts nothing and makes no badge.
  const history = shares
    .filter(isShare)
    .map((event) => ({ event, at: Date.parse(event.at) }))
    .sort((a, b) => a.at - b.at || compareText(a.event.id, b.event.id));

  const byPerson = new Map<string, { stats: PersonStats; items: Set<string>; ownWords: Set<string>; categories: Set<Category> }>();
  for (const { event, at } of history) {
    let person = byPerson.get(event.viewerId);
    if (!person) {
      person = { stats: { points: 0, shares: 0, badges: [] }, items: new Set(), ownWords: new Set(), categories: new Set() };
      byPerson.set(event.viewerId, person);
    }
    const item = catalogue.get(event.shareableId);
    const firstShareOfItem = !person.items.has(event.shareableId);
    const inPeriod = !range || (at >= range.start && at < range.end);
    if (inPeriod) {
      person.stats.shares += 1;
      // An item no longer in the catalogue still counts as a share, but its points are unknown.
      if (firstShareOfItem) person.stats.points += item?.points ?? 0;
    }
    person.items.add(event.shareableId);
    if (event.personalized) person.ownWords.add(event.shareableId);
    if (item) person.categories.add(item.category);
  }

  const result = new Map<string, PersonStats>();
  for (const [id, person] of byPerson) {
    person.stats.badges = badgesFor(person.items.size, person.ownWords.size, person.categories);
    result.set(id, person.stats);
  }
  return result;
}

function badgesFor(distinctItems: number, distinctOwnWords: number, categories: Set<Category>): Badge[] {
  const badges: Badge[] = [];
  if (distinctItems >= 1) badges.push('first-share');
  if (distinctItems >= 10) badges.push('ten-shares');
  if (distinctOwnWords >= 5) badges.push('own-words');
  if (CATEGORIES.every((category) => categories.has(category))) badges.push('all-categories');
  return badges;
}

// ---------------------------------------------------------------------------------------------
// Rows before ranking

/** A leaderboard row before its rank (and, for anonymous rows, its id) is assigned. */
interface Row {
  id: string;
  /** Absent where the element names the row in the reader's language (anonymous, other teams). */
  displayName?: string;
  team?: string;
  points: number;
  shares: number;
  badges: string[];
  isViewer: boolean;
  anonymous: boolean;
  /** Sorts after named rows on equal points and shares (`other-teams`, anonymous people). */
  last: boolean;
  avatarUrl?: string;
  members?: number;
}

const NO_STATS: PersonStats = { points: 0, shares: 0, badges: [] };

function personRows(input: LeaderboardInput, stats: Map<string, PersonStats>): Row[] {
  const people = new Map(input.people.map((person) => [person.id, person]));
  const listed = [...stats].filter(([, personStats]) => personStats.shares > 0).map(([id]) => id);
  if (!listed.includes(input.viewer.id)) listed.push(input.viewer.id);

  return listed.map((id): Row => {
    const { points, shares, badges } = stats.get(id) ?? NO_STATS;
    const person = people.get(id);
    if (id === input.viewer.id) {
      const team = input.viewer.team ?? person?.team;
      return { id, displayName: input.viewer.displayName, ...(team ? { team } : {}), ...(person?.avatarUrl ? { avatarUrl: person.avatarUrl } : {}), points, shares, badges, isViewer: true, anonymous: false, last: false };
    }
    if (person?.leaderboardOptIn) {
      return { id, displayName: person.displayName, ...(person.team ? { team: person.team } : {}), ...(person.avatarUrl ? { avatarUrl: person.avatarUrl } : {}), points, shares, badges, isViewer: false, anonymous: false, last: false };
    }
    // The real id is replaced once the row's place is known (see rankRows).
    return { id: '', points, shares, badges: [], isViewer: false, anonymous: true, last: true };
  });
}

function teamRows(input: LeaderboardInput, stats: Map<string, PersonStats>): Row[] {
  const minTeamSize = input.minTeamSize ?? DEFAULT_MIN_TEAM_SIZE;
  const teamOf = new Map<string, string>();
  for (const person of input.people) if (person.team) teamOf.set(person.id, person.team);
  // The page may know the viewer's team better than the people list (adapter options).
  if (input.viewer.team) teamOf.set(input.viewer.id, input.viewer.team);

  // Only named contributors count: opted in (the people list says so) and sharing in the period.
  const named = new Set(input.people.filter((person) => person.leaderboardOptIn).map((person) => person.id));
  const teams = new Map<string, { members: number; points: number; shares: number }>();
  for (const [personId, team] of teamOf) {
    const personStats = stats.get(personId);
    if (!named.has(personId) || !personStats || personStats.shares === 0) continue;
    const totals = teams.get(team) ?? { members: 0, points: 0, shares: 0 };
    totals.members += 1;
    totals.points += personStats.points;
    totals.shares += personStats.shares;
    teams.set(team, totals);
  }

  const viewerTeam = teamOf.get(input.viewer.id);
  const rows: Row[] = [];
  const others = { members: 0, points: 0, shares: 0, hasViewer: false };
  for (const [team, totals] of teams) {
    if (totals.members >= minTeamSize) {
      rows.push({ id: team, displayName: team, points: totals.points, shares: totals.shares, badges: [], isViewer: team === viewerTeam, anonymous: false, last: false, members: totals.members });
    } else {
      others.members += totals.members;
      others.points += totals.points;
      others.shares += totals.shares;
      others.hasViewer ||= team === viewerTeam;
    }
  }
  if (others.members >= minTeamSize) {
    rows.push({ id: OTHER_TEAMS_ID, points: others.points, shares: others.shares, badges: [], isViewer: others.hasViewer, anonymous: false, last: true, members: others.members });
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Ranking and cutting

function compareRows(a: Row, b: Row): number {
  return (
    b.points - a.points ||
    b.shares - a.shares ||
    Number(a.last) - Number(b.last) ||
    // Anonymous rows with equal points and shares look identical: their order says nothing.
    (a.anonymous ? 0 : compareText(a.displayName ?? '', b.displayName ?? '') || compareText(a.id, b.id))
  );
}

function rankRows(rows: Row[]): LeaderboardEntry[] {
  const sorted = [...rows].sort(compareRows);
  const ranks = competitionRanks(sorted, (row) => row.points);
  let anonymousCount = 0;
  return sorted.map(({ last: _last, ...row }, index) => ({
    ...row,
    id: row.anonymous ? `anonymous-${++anonymousCount}` : row.id,
    rank: ranks[index]!, // competitionRanks gives one rank per row of `sorted`
  }));
}

function pickTopAndViewer(entries: LeaderboardEntry[], limit: number | undefined): LeaderboardEntry[] {
  if (limit === undefined || entries.length <= limit) return entries;
  const top = entries.slice(0, limit);
  const viewerRow = entries.slice(limit).find((entry) => entry.isViewer);
  return viewerRow ? [...top, viewerRow] : top;
}

/** Code-point order: the same in every browser and locale, unlike `localeCompare`. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
