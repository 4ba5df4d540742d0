/**
 * What every data source agrees on, whatever it speaks (memory, static file, REST, SharePoint):
 * defaults and identities that the browser's adapters, the client and the reference server must
 * read alike. Defined once; DOM-free and Node-free.
 */

/** An acknowledgment's idempotency key: `ack:<viewerId>:<charterId>:<version>`. */
export function acknowledgmentIdempotencyKey(ack: { viewerId: string; charterId: string; version: number }): string {
  return `ack:${ack.viewerId}:${ack.charterId}:${ack.version}`;
}

/** Items per page of `GET /shareables` when the query gives no `limit`. */
export const DEFAULT_PAGE_SIZE = 20;

/** The points a shareable earns when it says none. */
export const DEFAULT_POINTS = 10;

/** The id of the leaderboard and statistics row that gathers every team smaller than the minimum size. */
export const OTHER_TEAMS_ID = 'other-teams';
