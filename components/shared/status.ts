import { html, nothing, type TemplateResult } from 'lit';
import type { RelaisErrorInfo } from '../../src/client/errors.js';
import { NOT_CONFIGURED, reportNotConfigured } from '../../src/config/page-client.js';
import type { ClientController } from '../../src/context/index.js';
import type { CommonStrings } from '../../src/i18n/catalogue.js';

/** What an element with no client shows. */
export type MissingClientView = { state: 'loading' } | { state: 'not-configured'; error: RelaisErrorInfo } | { state: 'error'; error: RelaisErrorInfo };

/**
 * The states every element has before it shows data of its own. With no client: an error when
 * the page's configuration is wrong (it says which attribute); else "loading" until the page had
 * its chance to configure (a late `configure()`, a provider upgrading after it), then "not
 * configured", with one console message per page that says how to configure.
 */
export function missingClientState(clients: ClientController): MissingClientView | undefined {
  if (clients.client) return undefined;
  const error = clients.configurationError;
  if (error) return { state: 'error', error };
  if (!clients.settled) return { state: 'loading' };
  reportNotConfigured();
  return { state: 'not-configured', error: NOT_CONFIGURED };
}

/** The loading line. */
export function renderLoading(t: CommonStrings): TemplateResult {
  return html`<p part="status">${t.loading}</p>`;
}

/** The "not configured" line: a short neutral sentence for employees (developers get the how-to in the console and the event). */
export function renderNotConfigured(t: CommonStrings): TemplateResult {
  return html`<p part="status">${t.notConfigured}</p>`;
}

/** What went wrong, said to the employee (the developer's message goes to the console and the event). */
export function errorMessage(t: CommonStrings, error: RelaisErrorInfo | undefined): string {
  if (error?.code === 'invalid-data') return t.invalidData;
  if (error?.code === 'invalid-configuration') return t.invalidConfiguration;
  return t.error;
}

/** A load error, as an alert, and the button that loads again (where loading again can help). */
export function renderLoadError(t: CommonStrings, error: RelaisErrorInfo | undefined, retry: () => void): TemplateResult {
  return html`<p part="error" role="alert">${errorMessage(t, error)}</p>
    ${error?.code === 'invalid-configuration' ? nothing : html`<button part="retry-button" @click=${retry}>${t.retry}</button>`}`;
}
