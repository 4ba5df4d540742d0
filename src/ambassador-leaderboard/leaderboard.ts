/**
 * The model behind `<ambassador-leaderboard>`: which board to read for a mode, and what one render
 * shows of it (`$view`), with no DOM. The board itself (points, ranks, anonymity, small teams) is
 * the data source's, computed by the rules in `src/leaderboard/rules.ts` or the server's SQL;
 * this model only decides what to show of it:
 *
 * - `ranking` and `teams`: the top rows in rank order, and the viewer's row (or team) pinned
 *   below them when it falls outside;
 * - `tiers`: people grouped by tier, highest first, no ranks, names in the reader's collation
 *   within a tier, anonymous rows last;
 * - `personal`: the viewer's own figures only, their tier and what the next one takes;
 * - `empty`: nobody shared in the period.
 *
 * Every board is a store of the client, which reads it again after the viewer shares: the view
 * then carries one piece of `news` for the element to announce (« you move up to 4th »).
 */
import { atom, computed, type ReadableAtom } from 'nanostores';
import type { RelaisClient } from '../client/client.js';
import type { RelaisErrorInfo } from '../client/errors.js';
import type { Leaderboard, LeaderboardEntry, Period, Tier } from '../model/index.js';

export type LeaderboardMode = 'ranking' | 'tiers' | 'teams' | 'personal';
export const LEADERBOARD_MODES: readonly LeaderboardMode[] = ['ranking', 'tiers', 'teams', 'personal'];

/** What the board is read for: changing any of it reads another board. */
export interface LeaderboardQueryOptions {
  period: Period;
  mode: LeaderboardMode;
  /** Top rows shown; `'all'` for every row. */
  limit: number | 'all';
}

/** How the board is shown: changing it reads nothing. */
export interface LeaderboardDisplayOptions {
  /** Leave anonymous rows out instead of showing « Ambassador ». */
  hideAnonymous: boolean;
  /** The reader's language, for the order of names within a tier. */
  locale: string;
}

/** `ranking` and `teams`: rows in rank order. */
export interface RankedBoard {
  mode: 'ranking' | 'teams';
  period: Period;
  rows: readonly LeaderboardEntry[];
  /** The viewer's row (or team) when it falls outside the top rows, with its real rank. */
  pinned?: LeaderboardEntry;
  /** Thresholds, lowest first, for each row's tier. */
  tiers: readonly Tier[];
}

/** One tier of the `tiers` board. */
export interface TierGroup {
  /** `undefined`: below the lowest tier. */
  tier?: Tier;
  /** Named people in the reader's alphabetical order, then anonymous ones. */
  rows: readonly LeaderboardEntry[];
  /** How many more people the `limit` leaves out of this group. */
  more: number;
}

/** `tiers`: people by tier, highest first. */
export interface TiersBoard {
  mode: 'tiers';
  period: Period;
  groups: readonly TierGroup[];
}

/** `personal`: the viewer's own progress. */
export interface PersonalBoard {
  mode: 'personal';
  period: Period;
  points: number;
  shares: number;
  /** The tier these points reach, if any. */
  tier?: Tier;
  /** The next tier and what it takes; absent at the top. */
  next?: { tier: Tier; missing: number; /** 0–1, from the current tier's threshold to the next one's. */ progress: number };
  recent: NonNullable<LeaderboardEntry['recentShares']>;
}

export type Board = RankedBoard | TiersBoard | PersonalBoard;

/** What changed for the viewer when the board was read again after they shared. */
export type LeaderboardNews = { kind: 'rank'; rank: number; previousRank: number } | { kind: 'points'; points: number };

/** Everything one render needs, decided once. */
export type LeaderboardView =
  | { state: 'loading' }
  | { state: 'error'; error: RelaisErrorInfo }
  | {
      state: 'empty' | 'ready';
      board: Board;
      /** The viewer opted out: others see them as « Ambassador »; their own figures are theirs alone. */
      viewerOptedOut: boolean;
      /** Set once per reading that changed the viewer's place or points; the element announces it. */
      news?: LeaderboardNews;
    };

export interface AmbassadorLeaderboard {
  readonly $view: ReadableAtom<LeaderboardView>;
  /** How the board is shown (the element's `hide-anonymous` and language). */
  setDisplay(display: Partial<LeaderboardDisplayOptions>): void;
  /** Reads the board again, after an error. */
  retry(): Promise<void>;
}

/** The board a mode reads: `personal` only the viewer's row (nobody else's reaches the page), `tiers` everyone. */
export function boardQuery({ period, mode, limit }: LeaderboardQueryOptions): { period: Period; scope: 'people' | 'teams'; limit?: number } {
  if (mode === 'personal') return { period, scope: 'people', limit: 0 };
  if (mode === 'tiers' || limit === 'all') return { period, scope: mode === 'teams' ? 'teams' : 'people' };
  return { period, scope: mode === 'teams' ? 'teams' : 'people', limit };
}

/** The highest tier `points` reach (tiers lowest first), if any. */
export function tierOf(tiers: readonly Tier[], points: number): Tier | undefined {
  let reached: Tier | undefined;
  for (const tier of tiers) {
    if (tier.minPoints > points) break;
    reached = tier;
  }
  return reached;
}

export function ambassadorLeaderboard(
  client: RelaisClient,
  options: LeaderboardQueryOptions,
  display: Partial<LeaderboardDisplayOptions> = {},
): AmbassadorLeaderboard {
  const query = boardQuery(options);
  const $board = client.leaderboard(query);
  const $display = atom<LeaderboardDisplayOptions>({ hideAnonymous: false, locale: 'en', ...display });
  /** The viewer's place and points on the last board shown, to tell what a new reading changed. */
  let last: { rank?: number; points?: number; news?: LeaderboardNews } | undefined;

  const $view = computed([$board, client.$viewer, $display], (loadable, viewer, display): LeaderboardView => {
    if (loadable.status === 'error') return { state: 'error', error: loadable.error };
    if (loadable.status === 'loading' || viewer.status === 'loading') return { state: 'loading' };
    const value = sortedTiers(loadable.value);
    const board = boardFor(options, value, display);
    const viewerRow = value.entries.find((entry) => entry.isViewer);
    const news = newsOf(last, viewerRow, options.mode);
    last = { rank: viewerRow?.rank, points: viewerRow?.points, news };
    const everyoneQuiet = value.entries.every((entry) => entry.shares === 0);
    return {
      state: options.mode !== 'personal' && everyoneQuiet ? 'empty' : 'ready',
      board,
      viewerOptedOut: viewer.status === 'ready' && !viewer.value.leaderboardOptIn,
      ...(news ? { news } : {}),
    };
  });

  return {
    $view,
    setDisplay(next) {
      const current = $display.get();
      const merged = { ...current, ...next };
      if (merged.hideAnonymous !== current.hideAnonymous || merged.locale !== current.locale) $display.set(merged);
    },
    retry: async () => {
      await client.retryFailed();
    },
  };
}

function sortedTiers(board: Leaderboard): Leaderboard & { tiers: Tier[] } {
  return { ...board, tiers: [...(board.tiers ?? [])].sort((a, b) => a.minPoints - b.minPoints) };
}

/**
 * The news of a new reading: the viewer's rank when it changed, else their points when they
 * changed; the same news object again when the reading is the same one (a display change).
 */
function newsOf(
  last: { rank?: number; points?: number; news?: LeaderboardNews } | undefined,
  viewerRow: LeaderboardEntry | undefined,
  mode: LeaderboardMode,
): LeaderboardNews | undefined {
  if (!last || !viewerRow) return undefined;
  if (last.rank === viewerRow.rank && last.points === viewerRow.points) return last.news;
  if (mode !== 'personal' && last.rank !== undefined && last.rank !== viewerRow.rank) return { kind: 'rank', rank: viewerRow.rank, previousRank: last.rank };
  return viewerRow.points !== last.points ? { kind: 'points', points: viewerRow.points } : undefined;
}

function boardFor(options: LeaderboardQueryOptions, board: Leaderboard & { tiers: Tier[] }, display: LeaderboardDisplayOptions): Board {
  const shown = display.hideAnonymous ? board.entries.filter((entry) => !entry.anonymous) : board.entries;
  switch (options.mode) {
    case 'personal':
      return personalBoard(board);
    case 'tiers':
      return tiersBoard(board, shown, options.limit, display.locale);
    default:
      return rankedBoard(options, board, shown);
  }
}

function rankedBoard(options: LeaderboardQueryOptions, board: Leaderboard & { tiers: Tier[] }, shown: readonly LeaderboardEntry[]): RankedBoard {
  const mode = options.mode === 'teams' ? 'teams' : 'ranking';
  // The source appends the viewer's row after the top rows when it falls outside them.
  const limit = options.limit === 'all' ? Infinity : options.limit;
  const last = board.entries[board.entries.length - 1];
  const pinned = last?.isViewer && board.entries.length > limit ? last : undefined;
  const rows = pinned ? shown.filter((entry) => entry !== pinned) : shown;
  return { mode, period: board.period, rows, tiers: board.tiers, ...(pinned ? { pinned } : {}) };
}

function tiersBoard(board: Leaderboard & { tiers: Tier[] }, shown: readonly LeaderboardEntry[], limit: number | 'all', locale: string): TiersBoard {
  const collator = new Intl.Collator(locale, { sensitivity: 'base' });
  const byTier = new Map<Tier | undefined, LeaderboardEntry[]>();
  for (const entry of shown) {
    if (entry.shares === 0 && !entry.isViewer) continue;
    const tier = tierOf(board.tiers, entry.points);
    const group = byTier.get(tier) ?? [];
    group.push(entry);
    byTier.set(tier, group);
  }
  const cap = limit === 'all' ? Infinity : limit;
  const order: (Tier | undefined)[] = [...board.tiers].reverse();
  order.push(undefined);
  const groups: TierGroup[] = [];
  for (const tier of order) {
    const members = byTier.get(tier);
    if (!members?.length) continue;
    // Names in the reader's order; anonymous rows after them, in the source's order (it says nothing).
    const named = members.filter((entry) => !entry.anonymous).sort((a, b) => collator.compare(a.displayName ?? '', b.displayName ?? ''));
    const sorted = [...named, ...members.filter((entry) => entry.anonymous)];
    let rows = sorted.slice(0, cap);
    const viewer = sorted.find((entry) => entry.isViewer);
    // The viewer is always in their own tier's list.
    if (viewer && !rows.includes(viewer)) rows = [...rows.slice(0, Math.max(0, cap - 1)), viewer];
    groups.push({ ...(tier ? { tier } : {}), rows, more: sorted.length - rows.length });
  }
  return { mode: 'tiers', period: board.period, groups };
}

function personalBoard(board: Leaderboard & { tiers: Tier[] }): PersonalBoard {
  const own = board.entries.find((entry) => entry.isViewer);
  const points = own?.points ?? 0;
  const tier = tierOf(board.tiers, points);
  const nextTier = board.tiers.find((candidate) => candidate.minPoints > points);
  const from = tier?.minPoints ?? 0;
  const next = nextTier && {
    tier: nextTier,
    missing: nextTier.minPoints - points,
    progress: Math.min(1, Math.max(0, (points - from) / (nextTier.minPoints - from))),
  };
  return { mode: 'personal', period: board.period, points, shares: own?.shares ?? 0, ...(tier ? { tier } : {}), ...(next ? { next } : {}), recent: own?.recentShares ?? [] };
}
