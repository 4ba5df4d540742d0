/**
 * The adapter conformance suite (relais/testing) through real HTTP: a minimal node-side client
 * of the REST contract against the server, reset with each test's seed. It shows that the
 * server holds up its end; the shipped RestAdapter runs the same suite in Chromium.
 */
import { after, describe, it } from 'node:test';
import type { AdvocacyAdapter } from '../../src/adapters/types.js';
import { acknowledgmentIdempotencyKey } from '../../src/contract/data.js';
import { shareIdempotencyKey } from '../../src/contract/rest.js';
import type { Acknowledgment, LeaderboardQuery, ShareablesQuery, ShareEvent } from '../../src/model/index.js';
import { describeAdapterConformance } from '../../src/testing/conformance.js';
import { CONFORMANCE_NOW } from '../../src/testing/fixture.js';
import { startServer, type RunningServer } from '../index.js';
import { testDatabase } from './harness.js';

let server: Promise<RunningServer> | undefined;
const running = () => (server ??= testDatabase().then((database) => startServer({ database, port: 0, auth: 'demo', now: () => new Date(CONFORMANCE_NOW) })));
after(async () => (await server)?.close());

/** The contract, read plainly: one request per method, the demo viewer picked by header. */
class ContractClient implements AdvocacyAdapter {
  constructor(
    private readonly base: string,
    private readonly viewerId: string,
  ) {}

  async #send(method: string, path: string, body?: unknown, key?: string): Promise<{ status: number; json: unknown }> {
    // The suite also writes for other people (Alice acknowledges): demo viewers are admins, who may.
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: { 'x-relais-viewer': this.viewerId, ...(body ? { 'content-type': 'application/json' } : {}), ...(key ? { 'idempotency-key': key } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, json: text ? JSON.parse(text) : undefined };
  }

  async #read(path: string, { missingIsUndefined = false } = {}): Promise<never> {
    const { status, json } = await this.#send('GET', path);
    if (status === 404 && missingIsUndefined) return undefined as never;
    if (status !== 200) throw new Error(`GET ${path}: ${status} ${JSON.stringify(json)}`);
    return json as never;
  }

  async #write(path: string, body: unknown, key: string): Promise<void> {
    const { status, json } = await this.#send('POST', path, body, key);
    // 409 on the same key: the first write of this key stands, which is what a retry wants.
    const conflict = status === 409 && (json as { error?: { code?: string } }).error?.code === 'idempotency-conflict';
    if (status !== 201 && !conflict) throw new Error(`POST ${path}: ${status} ${JSON.stringify(json)}`);
  }

  viewer = () => this.#read('/viewer');
  shareables = (query: ShareablesQuery = {}) => {
    const params = new URLSearchParams(Object.entries(query).filter(([, value]) => value !== undefined).map(([name, value]) => [name, String(value)]));
    return this.#read(`/shareables${params.size ? `?${params}` : ''}`);
  };
  shareable = (id: string) => this.#read(`/shareables/${encodeURIComponent(id)}`, { missingIsUndefined: true });
  recordShare = (event: ShareEvent) => this.#write('/shares', event, shareIdempotencyKey(event));
  charter = () => this.#read('/charter');
  acknowledgment = (viewerId: string) => this.#read(`/acknowledgments/${encodeURIComponent(viewerId)}`, { missingIsUndefined: true });
  acknowledge = (ack: Acknowledgment) => this.#write('/acknowledgments', ack, acknowledgmentIdempotencyKey(ack));
  leaderboard = (query: LeaderboardQuery) => this.#read(`/leaderboard?${new URLSearchParams({ period: query.period, scope: query.scope, ...(query.limit !== undefined ? { limit: String(query.limit) } : {}) })}`);
  guardPolicy = () => this.#read('/guard-policy');
}

describeAdapterConformance(
  'The reference server through HTTP',
  async (seed, { viewer }) => {
    const server = await running();
    await server.reset(seed);
    return new ContractClient(server.url, viewer.id);
  },
  { describe, it },
);
