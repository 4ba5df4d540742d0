import type * as z from 'zod/mini';
import type * as schemas from './schemas.js';

export * from './schemas.js';
export { expiryTime, isExpired } from './dates.js';
export { isNetwork, networkList } from './networks.js';
export { RelaisDataError, formatPath, issuesToError, parseOrThrow, type RelaisErrorCode, type RelaisErrorInfo } from './errors.js';
export {
  ITEM_LISTS,
  parseDataDocument,
  partValue,
  type DroppedItem,
  type ItemList,
  type ParseDocumentOptions,
  type ParsedDocument,
  type Part,
} from './document.js';

export type Network = z.output<typeof schemas.NetworkSchema>;
export type Category = z.output<typeof schemas.CategorySchema>;
export type Period = z.output<typeof schemas.PeriodSchema>;
export type Severity = z.output<typeof schemas.SeveritySchema>;
/** The verdict of a guard check: `block` stops the share, `warn` asks for a second look, `pass` has nothing to say. */
export type Verdict = 'pass' | 'warn' | 'block';
export type Detector = z.output<typeof schemas.DetectorSchema>;
export type Viewer = z.output<typeof schemas.ViewerSchema>;
export type Shareable = z.output<typeof schemas.ShareableSchema>;
export type ShareText = z.output<typeof schemas.ShareTextSchema>;
export type ShareEvent = z.output<typeof schemas.ShareEventSchema>;
export type ShareKind = z.output<typeof schemas.ShareKindSchema>;

/** Whether an event is a share (copying the link is not: recorded apart, it earns nothing). An event of network `copy` written before `kind` existed is a copy too. */
export function isShare(event: Pick<ShareEvent, 'network' | 'kind'>): boolean {
  return event.kind !== 'copy-link' && event.network !== 'copy';
}
export type Charter = z.output<typeof schemas.CharterSchema>;
export type Acknowledgment = z.output<typeof schemas.AcknowledgmentSchema>;
export type Tier = z.output<typeof schemas.TierSchema>;
export type LeaderboardEntry = z.output<typeof schemas.LeaderboardEntrySchema>;
export type Leaderboard = z.output<typeof schemas.LeaderboardSchema>;
export type LocalizedText = z.output<typeof schemas.LocalizedTextSchema>;
export type Rule = z.output<typeof schemas.RuleSchema>;
export type TermRule = z.output<typeof schemas.TermRuleSchema>;
export type PatternRule = z.output<typeof schemas.PatternRuleSchema>;
export type PiiRule = z.output<typeof schemas.PiiRuleSchema>;
export type GuardPolicy = z.output<typeof schemas.GuardPolicySchema>;
/** A policy as written by hand or in JSON: defaults may be left out. */
export type GuardPolicyInput = z.input<typeof schemas.GuardPolicySchema>;
export type Person = z.output<typeof schemas.PersonSchema>;
export type DataDocument = z.output<typeof schemas.DataDocumentSchema>;
/** A data document as an editor writes it: optional arrays and defaults may be left out. */
export type DataDocumentInput = z.input<typeof schemas.DataDocumentSchema>;
export type ShareablesQuery = z.output<typeof schemas.ShareablesQuerySchema>;
export type LeaderboardQuery = z.output<typeof schemas.LeaderboardQuerySchema>;
export type Scope = LeaderboardQuery['scope'];

export interface Page<T> {
  items: T[];
  /** Pass back as `cursor` for the next page; absent on the last page. */
  nextCursor?: string;
}
