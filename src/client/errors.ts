import { RelaisDataError, type RelaisErrorCode } from '../model/index.js';

/** What an element needs to show an error state and fire `relais-error`. */
export interface RelaisErrorInfo {
  code: RelaisErrorCode;
  /** For developers (console, event); elements show a localized message instead. */
  message: string;
  /** The offending field path, for `invalid-data`. */
  field?: string;
  /**
   * `warning`: something was left out but the rest works (an invalid item dropped from a
   * listing, see `RelaisClient.$warnings`); `error` (or absent): the value could not be read.
   */
  severity?: 'error' | 'warning';
  error?: unknown;
}

export function toErrorInfo(error: unknown): RelaisErrorInfo {
  if (error instanceof RelaisDataError) {
    return { code: 'invalid-data', message: error.message, field: error.field, error };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'unavailable', message, error };
}

/** The warning of an item left out because it is invalid: `invalid-data`, its field, severity `warning`. */
export function toWarningInfo(error: RelaisDataError): RelaisErrorInfo {
  return { ...toErrorInfo(error), severity: 'warning' };
}
