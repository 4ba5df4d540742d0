/**
 * RestAdapter against the real reference server (server/, PGlite in memory), started by the
 * web-test-runner plugin of test/fixtures/rest-server-plugin.mjs: the conformance suite.
 * The fault tests (a proxy in front of the same server) are in rest-adapter.faults.test.ts.
 */
import { randomUUID } from '../../../../src/client/browser-storage.js';
import { RestAdapter } from '../../../../src/adapters/rest/rest-adapter.js';
import { describeAdapterConformance } from '../../../../src/testing/index.js';
import { resetRestServer, startRestServer } from '../../../fixtures/rest-server.js';

const adapters: RestAdapter[] = [];

before(async function () {
  // Starting PGlite takes seconds (many on a loaded machine); every test after resets it in milliseconds.
  this.timeout(180_000);
  await startRestServer();
});

afterEach(() => {
  for (const adapter of adapters.splice(0)) adapter.close();
});

describeAdapterConformance('RestAdapter on the reference server', async (seed, { viewer, now }) => {
  // The proxy plays the intranet's reverse proxy: it tells the server who the viewer is. An admin,
  // because the suite also reads and writes other people's acknowledgments (p-alice, p-bob).
  const endpoint = await resetRestServer(seed, now, { id: viewer.id, name: viewer.displayName, team: viewer.team ?? '', roles: 'admin' });
  const adapter = new RestAdapter({ endpoint, outbox: { name: randomUUID() } });
  adapters.push(adapter);
  return adapter;
});
