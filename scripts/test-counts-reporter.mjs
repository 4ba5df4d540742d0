// A node:test reporter that writes `{"passed": N, "failed": N}` when the run ends, counted from
// the test events themselves (scripts/test-server.mjs gives it a file as its destination).
// Tests only, as the spec reporter's summary counts them: a skipped test is not a pass, and a
// cancelled one (its suite's hook failed) is a failure.

/** @param {AsyncIterable<{ type: string, data: { skip?: unknown, todo?: unknown, details?: { type?: string } } }>} events */
export default async function* counts(events) {
  let passed = 0;
  let failed = 0;
  for await (const event of events) {
    const kind = event.data.details?.type;
    if (event.type === 'test:pass' && kind !== 'suite' && event.data.skip === undefined && event.data.todo === undefined) passed++;
    if (event.type === 'test:fail' && kind !== 'suite') failed++;
  }
  yield `${JSON.stringify({ passed, failed })}\n`;
}
