/** What every `<post-composer-guard>` test file shares: a policy, a client, and ways to type and to read the element. */
import { fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import '../../../components/post-composer-guard/post-composer-guard.define.js';
import '../../../components/relais-provider/relais-provider.define.js';
import type { PostComposerGuardElement, PostComposerGuardState } from '../../../components/post-composer-guard/post-composer-guard.js';
import type { AdvocacyAdapter } from '../../../src/adapters/types.js';
import { MemoryAdapter } from '../../../src/adapters/memory-adapter.js';
import { RelaisClient } from '../../../src/client/index.js';
import { resetConfiguration } from '../../../src/config/index.js';
import type { GuardPolicyInput, Severity } from '../../../src/model/index.js';
import { ManualClock } from '../../fixtures/manual-clock.js';
import { makeSeed, viewer } from '../../fixtures/seed.js';

export { withOverrides } from '../../fixtures/seed.js';

const START = new Date('2026-11-22T09:00:00Z');

/** A small charter policy with one rule of each severity, a suggestion and a disclosure. */
export const POLICY: GuardPolicyInput = {
  version: 1,
  internalDomains: ['intranet.helioria.example'],
  disclosure: { anyOf: ['#ambassadeur'], severity: 'info' },
  rules: [
    {
      id: 'projets',
      kind: 'term',
      category: 'confidential',
      severity: 'block',
      terms: ['Projet Aurore', 'Zéphyr'],
      suggestion: 'un projet en cours',
      message: { en: 'This code name is internal.', fr: 'Ce nom de code est interne.' },
    },
    { id: 'politique', kind: 'term', category: 'politics', severity: 'warn', terms: ['grève', 'élection'], plurals: true },
    { id: 'email', kind: 'pii', category: 'personal-data', severity: 'warn', detector: 'email' },
    { id: 'interne', kind: 'pii', category: 'confidential', severity: 'info', detector: 'internal-link' },
  ],
};

export function adapterWith(policy: GuardPolicyInput = POLICY): MemoryAdapter {
  const clock = new ManualClock(START);
  return new MemoryAdapter({ data: makeSeed({ guardPolicy: policy }), viewer, now: () => clock.now() });
}

export function clientOf(adapter: AdvocacyAdapter = adapterWith()): RelaisClient {
  return new RelaisClient(adapter, { clock: new ManualClock(START) });
}

/** Until the element shows `state`, or (none given) a verdict or an error: past loading the policy and the guard's code. */
export async function settled(el: PostComposerGuardElement, state?: PostComposerGuardState): Promise<PostComposerGuardElement> {
  await waitUntil(() => (state ? el.state === state : el.state !== 'loading' && el.state !== 'waiting'), `expected ${state ?? 'a loaded state'}, saw ${el.state}`, { timeout: 3000 });
  await el.updateComplete;
  return el;
}

/** Mounts a composer under a provider of `client` and waits until the policy has loaded. */
export async function mount(
  template: TemplateResult = html`<post-composer-guard></post-composer-guard>`,
  client: RelaisClient = clientOf(),
): Promise<PostComposerGuardElement> {
  const provider = await fixture(html`<relais-provider .client=${client}>${template}</relais-provider>`);
  return settled(provider.querySelector('post-composer-guard')!);
}

export const part = <T extends Element = HTMLElement>(el: PostComposerGuardElement, name: string) => el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
export const parts = <T extends Element = HTMLElement>(el: PostComposerGuardElement, name: string) => [...el.shadowRoot!.querySelectorAll<T>(`[part~="${name}"]`)];
export const textOf = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The textarea in use: the page's slotted one, or the element's own. */
export const textareaOf = (el: PostComposerGuardElement) => el.querySelector('textarea') ?? part<HTMLTextAreaElement>(el, 'textarea')!;

/** Replaces the text as the user would (an `input` event), and waits for the check to render. */
export async function typeInto(el: PostComposerGuardElement, text: string): Promise<void> {
  const textarea = textareaOf(el);
  textarea.value = text;
  textarea.dispatchEvent(new Event('input', { bubbles: true }));
  await el.updateComplete;
  // A lazy composer's first edit loads the guard's code: its verdict follows.
  if (el.state === 'waiting') await settled(el);
}

/** Types real keys at the caret. */
export async function typeKeys(el: PostComposerGuardElement, text: string): Promise<void> {
  textareaOf(el).focus();
  await sendKeys({ type: text });
  await el.updateComplete;
}

export async function tab(times = 1): Promise<void> {
  for (let i = 0; i < times; i++) await sendKeys({ press: 'Tab' });
}

/** The focused element inside the composer, or the page's. */
export function focused(el: PostComposerGuardElement): Element | null {
  return el.shadowRoot!.activeElement ?? document.activeElement;
}

/** The ranges the element added to the page's highlights, for one severity. */
export function highlightRanges(severity: Severity): AbstractRange[] {
  return [...(CSS.highlights.get(`relais-guard-${severity}`) ?? [])] as AbstractRange[];
}

afterEach(() => {
  resetConfiguration();
});
