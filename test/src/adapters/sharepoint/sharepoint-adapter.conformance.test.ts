/**
 * SharePointAdapter against the SharePoint REST test server (test/fixtures/sharepoint-server-plugin.mjs,
 * whose header names the Microsoft documentation of each response shape): the conformance suite.
 */
import { randomUUID } from '../../../../src/client/browser-storage.js';
import { systemClock } from '../../../../src/clock.js';
import { SharePointAdapter } from '../../../../src/adapters/sharepoint/sharepoint-adapter.js';
import { describeAdapterConformance } from '../../../../src/testing/index.js';
import { resetSharePoint } from '../../../fixtures/sharepoint-server.js';

const adapters: SharePointAdapter[] = [];

afterEach(() => {
  for (const adapter of adapters.splice(0)) adapter.close();
});

describeAdapterConformance('SharePointAdapter on the SharePoint REST test server', async (seed, { viewer, now }) => {
  const site = await resetSharePoint(seed, now);
  // The viewer as an SPFx page context gives it; "now" pinned for expiry and periods.
  const adapter = new SharePointAdapter({ site, viewer, clock: { now: () => new Date(now), schedule: systemClock.schedule }, outbox: { name: randomUUID() } });
  adapters.push(adapter);
  return adapter;
});
