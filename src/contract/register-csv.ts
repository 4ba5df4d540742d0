/**
 * The HR register as CSV, written alike by the reference server (`GET /admin/acknowledgments.csv`)
 * and by SharePointAdapter's `acknowledgmentsCsv()`: RFC 4180 fields, CRLF line ends, and a field
 * a spreadsheet could run as a formula defused with a leading `'` (OWASP, CSV injection).
 */

/** The register's header row, as the reference server writes it. */
export const REGISTER_COLUMNS = ['viewer_id', 'display_name', 'team', 'charter_id', 'version', 'acknowledged_at'] as const;

/**
 * A field whose first character that is not a space is `=`, `+`, `-` or `@`, or a control or
 * format character (tab, return, zero-width space, BOM…) that a spreadsheet may skip before `=`.
 */
const FORMULA_START = /^ *[=+\-@\p{Cc}\p{Cf}]/u;

/** One CSV field: defused when it could be a formula, quoted when it holds a comma, quote or line break. */
export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Rows of fields as a CSV document: CRLF after every line, the last included. */
export function csvDocument(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
