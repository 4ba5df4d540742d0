/**
 * OData v3 as SharePoint's REST API speaks it: query literals, and the error bodies it answers.
 * Sources: "Use OData query operations in SharePoint REST requests" and "Working with lists and
 * list items with REST" (learn.microsoft.com/sharepoint/dev/sp-add-ins/…).
 */

/** A string literal for `$filter`: single quotes, a quote doubled (and `#`/`&` left to URL encoding). */
export function text(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** A date-time literal for `$filter` on a DateTime column: `datetime'2026-11-16T00:00:00.000Z'`. */
export function datetime(ms: number): string {
  return `datetime'${new Date(ms).toISOString()}'`;
}

/** SharePoint's error: `{ "odata.error": { code: "-2130575252, Microsoft.SharePoint.SPException", message: { value } } }` (verbose: `error`). */
export interface SharePointErrorBody {
  /** The number before the comma of `code`, e.g. `-2130575252`. */
  number: string;
  /** The exception type after it, e.g. `Microsoft.SharePoint.SPException`. */
  type: string;
  message: string;
}

export function parseErrorBody(text: string): SharePointErrorBody | undefined {
  try {
    const parsed = JSON.parse(text) as Record<string, { code?: unknown; message?: { value?: unknown } | string } | undefined>;
    const error = parsed['odata.error'] ?? parsed.error;
    if (!error) return undefined;
    const [number = '', type = ''] = (typeof error.code === 'string' ? error.code : '').split(/,\s*/, 2);
    const value = typeof error.message === 'string' ? error.message : error.message?.value;
    const message = typeof value === 'string' ? value : '';
    return { number, type, message };
  } catch {
    return undefined;
  }
}

/** "The security validation for this page is invalid": the request digest expired (403). */
export const DIGEST_ERROR = '-2130575252';
/** `System.UnauthorizedAccessException`: the user may not do this (403). */
export const ACCESS_DENIED = '-2147024891';
/** A unique column refused a second item of the same value (`SPDuplicateValuesFoundException`). */
export const DUPLICATE_VALUE = '-2130575169';

/**
 * The column a 400 names as missing: "Column 'SharedAt' does not exist…" ($filter, $orderby),
 * "The field or property 'SharedAt' does not exist." ($select), "The property 'SharedAt' does
 * not exist on type 'SP.Data…'" (a new item's body).
 */
export function missingColumn(message: string): string | undefined {
  return /(?:Column|field or property|property) '([^']+)' does not exist/i.exec(message)?.[1];
}

/** The next page of a listing: `odata.nextLink` (OData v3, nometadata) or `@odata.nextLink` (v4, SPHttpClient). */
export function nextLinkOf(page: Record<string, unknown>): string | undefined {
  const link = page['odata.nextLink'] ?? page['@odata.nextLink'];
  return typeof link === 'string' ? link : undefined;
}
