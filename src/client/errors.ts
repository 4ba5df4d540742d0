import { RelaisDataError, type RelaisErrorCode } from '../model/index.js';

/** What an element needs to show an error state and fire `relais-error`. */
export interface RelaisErrorInfo {
  code: RelaisErrorCode;
  /** For developers (console, event); elements show a localized message instead. */
  message: string;
  /** The offending field path, for `invalid-data`. */
  field?: string;
  error?: unknown;
}

export function toErrorInfo(error: unknown): RelaisErrorInfo {
  if (error instanceof RelaisDataError) {
    return { code: 'invalid-data', message: error.message, field: error.field, error };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'unavailable', message, error };
}
