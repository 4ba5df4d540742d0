import { html, type TemplateResult } from 'lit';
import type { RelaisErrorInfo } from '../../src/client/errors.js';
import { reportNotConfigured } from '../../src/config/page-client.js';
import type { ClientController } from '../../src/context/index.js';
import type { Catalogue } from '../../src/i18n/index.js';

/**
 * The states every element has before it shows data of its own. With no client, "loading"
 * until the page had its chance to configure (a late `configure()`, a provider upgrading after
 * it), then "not configured", with one console message per page that says how to configure.
 */
export function missingClientState(clients: ClientController): 'loading' | 'not-configured' | undefined {
  if (clients.client) return undefined;
  if (!clients.settled) return 'loading';
  reportNotConfigured();
  return 'not-configured';
}

/** The loading line. */
export function renderLoading(t: Catalogue): TemplateResult {
  return html`<p part="status">${t.loading}</p>`;
}

/** The "not configured" line. */
export function renderNotConfigured(t: Catalogue): TemplateResult {
  return html`<p part="status">${t.notConfigured} <span class="how-to">${t.notConfiguredHowTo}</span></p>`;
}

/** What went wrong, said to the employee (the developer's message goes to the console and the event). */
export function errorMessage(t: Catalogue, error: RelaisErrorInfo | undefined): string {
  return error?.code === 'invalid-data' ? t.invalidData : t.error;
}

/** A load error, as an alert, and the button that loads again. */
export function renderLoadError(t: Catalogue, error: RelaisErrorInfo | undefined, retry: () => void): TemplateResult {
  return html`<p part="error" role="alert">${errorMessage(t, error)}</p>
    <button part="retry-button" @click=${retry}>${t.retry}</button>`;
}
