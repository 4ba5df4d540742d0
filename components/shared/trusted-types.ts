/**
 * Relais's one Trusted Types policy, named `relais` (docs/security.md). A page that enforces
 * Trusted Types (`require-trusted-types-for 'script'`) lists it next to Lit's:
 * `trusted-types lit-html relais`. Relais never creates a policy under another library's name
 * (`dompurify`…): without `'allow-duplicates'` a name can be created once per page, and taking
 * it would leave the page's own DOMPurify returning "" for the rest of its life.
 *
 * The policy passes markup through unchanged: it exists only so that a sanitizer can hand
 * untrusted markup to an inert parser (a document that runs nothing and loads nothing) and
 * clean the nodes it builds. Never use it to write into the live document: that is what
 * Trusted Types are there to stop. It is private to Relais's modules, never exported.
 */
import type { TrustedTypePolicy, TrustedTypesWindow } from 'trusted-types/lib/index.js';

/** The name of the policy, for the page's `trusted-types` directive. */
export const RELAIS_POLICY_NAME = 'relais';

/** The page enforces Trusted Types and refuses the `relais` policy. The message says what to add. */
export class TrustedTypesRefusedError extends Error {
  override readonly name = 'TrustedTypesRefusedError';
}

/** Created once per copy of Relais, on first use; the outcome (policy, none needed, refusal) is kept. */
let outcome: { policy: TrustedTypePolicy | null } | { refused: TrustedTypesRefusedError } | undefined;

/**
 * The `relais` policy, created on first use; `null` where the browser has no Trusted Types or the
 * page accepts plain strings anyway. Throws a `TrustedTypesRefusedError` when the page requires
 * Trusted Types but refuses the policy (its name is not listed, or a second copy of Relais without
 * `'allow-duplicates'`) — once per copy: the browser reports the refusal once, not at each call.
 */
export function relaisPolicy(): TrustedTypePolicy | null {
  outcome ??= createPolicy();
  if ('refused' in outcome) throw outcome.refused;
  return outcome.policy;
}

function createPolicy(): { policy: TrustedTypePolicy | null } | { refused: TrustedTypesRefusedError } {
  const factory = (window as unknown as TrustedTypesWindow).trustedTypes;
  if (!factory) return { policy: null };
  try {
    return {
      policy: factory.createPolicy(RELAIS_POLICY_NAME, {
        createHTML: (markup: string) => markup,
        // Relais loads no script: a sanitizer asking for a script URL has met something it should have dropped.
        createScriptURL: (url: string): string => {
          throw new TypeError(`Relais creates no script URL (${url})`);
        },
      }) as TrustedTypePolicy,
    };
  } catch (error) {
    // Refused. A page that lists policy names but does not require Trusted Types still takes
    // plain strings: ask a sink once (the only way to know) before giving up.
    try {
      new DOMParser().parseFromString('', 'text/html');
      return { policy: null };
    } catch {
      const reason = error instanceof Error ? ` (${error.message})` : '';
      return {
        refused: new TrustedTypesRefusedError(
          `the page's Content-Security-Policy requires Trusted Types but refuses the policy "${RELAIS_POLICY_NAME}"${reason}. ` +
            `Add it to the trusted-types directive: trusted-types lit-html ${RELAIS_POLICY_NAME} ` +
            `(with two copies of Relais on the page, or another Lit: trusted-types lit-html ${RELAIS_POLICY_NAME} 'allow-duplicates'). See docs/security.md.`,
        ),
      };
    }
  }
}
