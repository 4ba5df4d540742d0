/** What every `<ambassador-leaderboard>` test file shares: a client over the leaderboard seed, a mount, and ways to read the board. */
import { fixture, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../../../components/ambassador-leaderboard/ambassador-leaderboard.define.js';
import '../../../components/relais-provider/relais-provider.define.js';
import type { AmbassadorLeaderboardElement, AmbassadorLeaderboardState } from '../../../components/ambassador-leaderboard/ambassador-leaderboard.js';
import { MemoryAdapter } from '../../../src/adapters/memory-adapter.js';
import type { AdvocacyAdapter } from '../../../src/adapters/types.js';
import { RelaisClient } from '../../../src/client/index.js';
import type { DataDocumentInput } from '../../../src/model/index.js';
import { ManualClock } from '../../fixtures/manual-clock.js';
import { leaderboardSeed, NOW, VIEWER } from '../../fixtures/leaderboard-seed.js';
import { StorageStub } from '../../src/adapters/storage-stub.js';

export { leaderboardSeed, OPTED_OUT, SALES_TEAM, share, VIEWER } from '../../fixtures/leaderboard-seed.js';

export function adapterOf(data: DataDocumentInput = leaderboardSeed()): MemoryAdapter {
  const clock = new ManualClock(NOW);
  return new MemoryAdapter({ data, viewer: VIEWER, now: () => clock.now() });
}

export function clientOf(adapter: AdvocacyAdapter = adapterOf()): RelaisClient {
  return new RelaisClient(adapter, { clock: new ManualClock(NOW), storage: { local: new StorageStub(), session: new StorageStub() } });
}

export async function settled(el: AmbassadorLeaderboardElement, state?: AmbassadorLeaderboardState): Promise<AmbassadorLeaderboardElement> {
  await waitUntil(() => (state ? el.state === state : el.state !== 'loading'), `expected ${state ?? 'a loaded state'}`, { timeout: 3000 });
  await el.updateComplete;
  return el;
}

/** Mounts one board under a provider of `client` (in French unless the template says otherwise) and waits until it has loaded. */
export async function mountBoard(
  board: TemplateResult = html`<ambassador-leaderboard></ambassador-leaderboard>`,
  client: RelaisClient = clientOf(),
  state?: AmbassadorLeaderboardState,
): Promise<AmbassadorLeaderboardElement> {
  const provider = await fixture(html`<relais-provider lang="fr" .client=${client}>${board}</relais-provider>`);
  return settled(provider.querySelector('ambassador-leaderboard')!, state);
}

export const part = <T extends Element = HTMLElement>(el: HTMLElement, name: string) => el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
export const parts = <T extends Element = HTMLElement>(el: HTMLElement, name: string) => [...el.shadowRoot!.querySelectorAll<T>(`[part~="${name}"]`)];
export const textOf = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The text of a node with its no-break spaces kept (they are checked), other runs of space folded. */
export const exactText = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/[ \t\n\r]+/g, ' ').trim();

/** The names in the board's rows, in order (table or lists). */
export const names = (el: HTMLElement) => [...el.shadowRoot!.querySelectorAll('[data-row] .who .data, li[part~="row"] > .data')].map((name) => textOf(name));

/** Each body row of the table as its cells' text. */
export function tableRows(el: HTMLElement): string[][] {
  return [...el.shadowRoot!.querySelectorAll('tbody tr[data-row]')].map((row) => [...row.children].map((cell) => textOf(cell)));
}
