// `node scripts/bench-server.mjs`: the reference server's figures, printed.
//   1. The leaderboard query (the SQL the server runs) for 10,000 people and 1,000,000 shares on
//      PGlite: median and p95 per period and scope. The rows are generated in SQL
//      (generate_series), with a fixed random seed.
//   2. Writes per second sustained by one server instance (HTTP, Idempotency-Key, PGlite on the
//      same data) with 50 concurrent clients, and their latency.
// Options: --people N --shares N --runs N --writes N --clients N; --database-url URL to measure a
// PostgreSQL instead (a schema of its own, dropped at the end). The figures depend on the
// machine and its load: they are measurements, never test assertions.
import { randomUUID } from 'node:crypto';
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { register } from 'tsx/esm/api';

register();
const { openDatabase, migrate, startServer } = await import('../server/index.ts');
const { leaderboard } = await import('../server/store/index.ts');

const { values: options } = parseArgs({
  options: {
    people: { type: 'string', default: '10000' },
    shares: { type: 'string', default: '1000000' },
    items: { type: 'string', default: '400' },
    runs: { type: 'string', default: '15' },
    writes: { type: 'string', default: '3000' },
    clients: { type: 'string', default: '50' },
    'database-url': { type: 'string' },
  },
});
const people = Number(options.people);
const shares = Number(options.shares);
const items = Number(options.items);
const runs = Number(options.runs);
const NOW = new Date('2026-11-18T12:00:00Z');

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const summary = (times) => {
  const sorted = [...times].sort((a, b) => a - b);
  return `median ${percentile(sorted, 50).toFixed(0)} ms, p95 ${percentile(sorted, 95).toFixed(0)} ms (${sorted.length} runs)`;
};

const databaseUrl = options['database-url'];
const schema = databaseUrl ? `relais_bench_${process.pid}` : undefined;
const where = databaseUrl ? 'PostgreSQL' : 'PGlite (in memory)';
console.log(`Relais server bench on ${where}; ${availableParallelism()} cores, load average ${loadavg()[0].toFixed(1)}`);

let started = performance.now();
const db = await openDatabase(databaseUrl ? { databaseUrl, schema } : { dataDir: 'memory://' });
await migrate(db);
console.log(`database opened and migrated in ${seconds(performance.now() - started)}`);

// ---------------------------------------------------------------------------------------------
// The data, generated in SQL

started = performance.now();
await db.transaction(async (tx) => {
  await tx.query('SELECT setseed(0.42)');
  await tx.query(
    `INSERT INTO people (id, display_name, team, leaderboard_opt_in)
     SELECT 'p' || g, 'Person ' || g, 'Team ' || (g % 60), g % 3 <> 0 FROM generate_series(1, $1::int) g`,
    [people],
  );
  await tx.query(
    `INSERT INTO shareables (id, doc, category, lang_base, published_at, expires_at, points)
     SELECT 's' || g,
            jsonb_build_object('id', 's' || g, 'title', 'Item ' || g, 'url', 'https://example.com/' || g,
              'category', (ARRAY['product', 'culture', 'industry'])[1 + g % 3], 'text', jsonb_build_object('default', 'Text ' || g),
              'lang', 'fr', 'publishedAt', to_char(timestamptz '2025-10-01' + g * interval '1 day', 'YYYY-MM-DD'), 'points', 5 + (g % 6) * 5),
            (ARRAY['product', 'culture', 'industry'])[1 + g % 3], 'fr', timestamptz '2025-10-01' + g * interval '1 day', NULL, 5 + (g % 6) * 5
     FROM generate_series(1, $1::int) g`,
    [items],
  );
  // Shares skewed as real ones are (a few people share a lot), spread over the last 400 days.
  await tx.query(
    `INSERT INTO shares (id, shareable_id, viewer_id, network, at, personalized)
     SELECT md5('share' || g)::uuid,
            's' || (1 + floor(random() * $2::int)::int),
            'p' || (1 + floor(power(random(), 2) * $3::int)::int),
            (ARRAY['linkedin', 'x', 'mastodon', 'bluesky', 'email'])[1 + floor(random() * 5)::int],
            $4::timestamptz - random() * interval '400 days',
            random() < 0.3
     FROM generate_series(1, $1::int) g`,
    [shares, items, people, NOW.toISOString()],
  );
  // What recording each share keeps up to date, built in one statement for the bulk load.
  await tx.query(
    `INSERT INTO person_items (viewer_id, shareable_id, first_at, personalized)
     SELECT viewer_id, shareable_id, min(at), bool_or(personalized) FROM shares GROUP BY viewer_id, shareable_id`,
  );
});
await db.query('ANALYZE');
const [counts] = await db.query('SELECT (SELECT count(*)::int FROM people) AS people, (SELECT count(*)::int FROM shares) AS shares');
console.log(`generated ${counts.people} people, ${items} shareables, ${counts.shares} shares in SQL in ${seconds(performance.now() - started)}`);

// ---------------------------------------------------------------------------------------------
// 1. The leaderboard query

const viewer = { id: 'p4242', displayName: 'Person 4242', team: 'Team 42', leaderboardOptIn: false };
const cases = [
  ['people', 'week', 10],
  ['people', 'month', 10],
  ['people', 'year', 10],
  ['people', 'all', 10],
  ['teams', 'month', undefined],
  ['teams', 'all', undefined],
];
console.log(`\nLeaderboard query, ${counts.people} people, ${counts.shares} shares:`);
for (const [scope, period, limit] of cases) {
  await leaderboard(db, { period, scope, limit, now: NOW, viewer, minTeamSize: 5 }); // warm-up
  const times = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    await leaderboard(db, { period, scope, limit, now: NOW, viewer, minTeamSize: 5 });
    times.push(performance.now() - start);
  }
  console.log(`  ${scope.padEnd(6)} ${period.padEnd(7)} ${limit ? `top ${limit}` : 'all   '}  ${summary(times)}`);
}

// ---------------------------------------------------------------------------------------------
// 2. Writes per second, one instance, 50 concurrent clients

const writes = Number(options.writes);
const clients = Number(options.clients);
const server = await startServer({ database: db, port: 0, auth: 'header', now: () => NOW });
const latencies = [];
let next = 0;
let failures = 0;
const client = async () => {
  while (next < writes) {
    const index = next++;
    const person = `p${1 + (index % people)}`;
    const event = { id: randomUUID(), shareableId: `s${1 + (index % items)}`, viewerId: person, network: 'linkedin', at: NOW.toISOString(), personalized: index % 2 === 0 };
    const start = performance.now();
    const response = await fetch(`${server.url}/shares`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': event.id, 'x-relais-user': person },
      body: JSON.stringify(event),
    });
    await response.arrayBuffer();
    latencies.push(performance.now() - start);
    if (response.status !== 201) failures++;
  }
};
started = performance.now();
await Promise.all(Array.from({ length: clients }, client));
const elapsed = performance.now() - started;
const sorted = latencies.sort((a, b) => a - b);
console.log(`\nWrites (POST /shares over HTTP, one instance, ${clients} concurrent clients):`);
console.log(`  ${writes} writes in ${seconds(elapsed)}: ${(writes / (elapsed / 1000)).toFixed(0)} writes/s; latency median ${percentile(sorted, 50).toFixed(0)} ms, p95 ${percentile(sorted, 95).toFixed(0)} ms; ${failures} failed`);

await server.close();
if (schema) await db.query(`DROP SCHEMA ${schema} CASCADE`);
await db.close();
process.exit(failures ? 1 : 0);
