import { ContextRoot, createContext } from '@lit/context';
import type { RelaisClient } from '../client/client.js';
import { VERSION } from '../version.js';

/**
 * The client supplied by a `<relais-provider>` ancestor. The key carries the version, so that
 * two copies of Relais on one page (two SharePoint web parts) never hand each other a client.
 */
export const relaisClientContext = createContext<RelaisClient | undefined>(`relais-client@${VERSION}`);

let contextRootAttached = false;

/**
 * With script tags, elements may upgrade before their provider: a ContextRoot on the document
 * replays their context requests once the provider is defined.
 */
export function attachContextRoot(): void {
  if (contextRootAttached || typeof document === 'undefined') return;
  contextRootAttached = true;
  new ContextRoot().attach(document.documentElement);
}
