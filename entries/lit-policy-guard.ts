/**
 * Imported first by the script-tag bundle, so that it runs before the Lit bundled in it.
 *
 * Lit creates its Trusted Types policy, "lit-html", while its module is evaluated. On a page that
 * enforces Trusted Types without `'allow-duplicates'`, a second Lit (a second copy of Relais, or
 * the page's own Lit components) is refused that name, and the TypeError aborts the whole bundle:
 * uncaught, this copy's elements blank. Nothing but the page's CSP can let that Lit start; this
 * says so plainly instead, once, rather than leave an "Uncaught TypeError" blamed on nobody.
 *
 * It listens to the page's `error` event only while the bundle is being evaluated, and only when
 * a Lit is already on the page (`litHtmlVersions`) and the browser has Trusted Types.
 */
import type { TrustedTypesWindow } from 'trusted-types/lib/index.js';

const ADVICE =
  "Relais: this copy could not start: the page's Content-Security-Policy refuses it a second Trusted Types policy \"lit-html\" " +
  "(another copy of Relais, or the page's own Lit components, created one first). " +
  "Allow each policy name more than once: trusted-types lit-html relais 'allow-duplicates'. See docs/security.md.";

function guard(): () => void {
  const hasLit = (globalThis as { litHtmlVersions?: unknown[] }).litHtmlVersions?.length;
  if (!(window as unknown as TrustedTypesWindow).trustedTypes || !hasLit) return () => {};
  const onError = (event: ErrorEvent): void => {
    // A script from another origin loaded without `crossorigin` has its errors muted ("Script
    // error.", no error object): while this bundle runs, that error is this one.
    const muted = event.error == null;
    if (!muted && !String((event.error as Error)?.message ?? event.message).includes('"lit-html"')) return;
    release();
    event.preventDefault();
    console.error(document.currentScript instanceof HTMLScriptElement ? `${ADVICE} (${document.currentScript.src})` : ADVICE);
  };
  const release = (): void => removeEventListener('error', onError);
  addEventListener('error', onError);
  return release;
}

/** Call at the end of the bundle: it got there, Lit started. */
export const releaseLitPolicyGuard = guard();
