import { RelaisDataError, type RelaisErrorInfo } from '../model/index.js';

export type { RelaisErrorInfo };

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
