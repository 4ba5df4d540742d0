import { expect } from '@open-wc/testing';
import { MemoryAdapter } from '../../../src/adapters/memory-adapter.js';
import type { AdvocacyAdapter } from '../../../src/adapters/types.js';
import { validatingAdapter } from '../../../src/adapters/validating-adapter.js';
import { CharterSchema, DEFAULT_MAX_CHARTER_BODY_BYTES, RelaisDataError, charterSchema, parseOrThrow } from '../../../src/model/index.js';
import { CONFORMANCE_NOW, CONFORMANCE_VIEWER, conformanceSeed } from '../../../src/testing/fixture.js';
import { StorageStub } from '../adapters/storage-stub.js';
import { rejectionOf } from '../../fixtures/rejection.js';

const rejection = (promise: Promise<unknown>) => rejectionOf(promise, RelaisDataError);

const charter = (body: string) => ({ ...conformanceSeed().charter, body });
/** `bytes` bytes of UTF-8: two-byte characters, so that counting UTF-16 units would be wrong. */
const bodyOf = (bytes: number) => '<p>' + 'é'.repeat((bytes - 7) / 2) + '</p>';

describe('charter body cap', () => {
  it('is 500 KB by default', () => {
    expect(DEFAULT_MAX_CHARTER_BODY_BYTES).to.equal(500 * 1024);
  });

  it('accepts a body of exactly the cap, counted in UTF-8 bytes, and refuses one byte more naming the field and the limit', () => {
    const atCap = bodyOf(DEFAULT_MAX_CHARTER_BODY_BYTES - 1) + ' ';
    expect(new TextEncoder().encode(atCap).length).to.equal(DEFAULT_MAX_CHARTER_BODY_BYTES);
    expect(parseOrThrow(CharterSchema, charter(atCap), 'charter').body).to.equal(atCap);
    let error: unknown;
    try {
      parseOrThrow(CharterSchema, charter(atCap + ' '), 'charter');
    } catch (caught) {
      error = caught;
    }
    expect(error).to.be.instanceOf(RelaisDataError);
    expect((error as RelaisDataError).field).to.equal('body');
    expect((error as RelaisDataError).message).to.contain('512000 bytes').and.contain('maxCharterBodyBytes');
  });

  it('takes another cap through charterSchema()', () => {
    const big = bodyOf(DEFAULT_MAX_CHARTER_BODY_BYTES + 1001);
    expect(parseOrThrow(charterSchema({ maxBodyBytes: 1024 * 1024 }), charter(big), 'charter').body).to.equal(big);
    expect(charterSchema({ maxBodyBytes: 10 }).safeParse(charter('<p>eleven</p>')).success).to.equal(false);
  });

  it('fails charter() of a MemoryAdapter, not its other reads, and follows its maxCharterBodyBytes option', async () => {
    const seed = conformanceSeed();
    seed.charter.body = bodyOf(600 * 1024 + 1);
    const options = { viewer: { ...CONFORMANCE_VIEWER }, now: new Date(CONFORMANCE_NOW), storage: new StorageStub() };
    const capped = new MemoryAdapter({ data: seed, ...options });
    const error = await rejection(capped.charter());
    expect(error.field).to.equal('charter.body');
    expect(error.message).to.contain('512000 bytes');
    expect((await capped.shareables()).items).to.have.length(7);
    const raised = validatingAdapter(new MemoryAdapter({ data: seed, ...options, maxCharterBodyBytes: 1024 * 1024 }));
    expect((await raised.charter()).body).to.equal(seed.charter.body);
  });

  it('is enforced by validatingAdapter for any adapter', async () => {
    const thirdParty = { charter: async () => charter(bodyOf(600 * 1024 + 1)) } as unknown as AdvocacyAdapter;
    const error = await rejection(validatingAdapter(thirdParty).charter());
    expect([error.entity, error.field]).to.deep.equal(['charter', 'body']);
  });
});

describe('problem wording', () => {
  it('says a strict lower bound as "greater than", not "at least" (positive() refuses 0)', () => {
    const result = CharterSchema.safeParse({ ...conformanceSeed().charter, version: 0, minAcknowledgedVersion: undefined });
    expect(result.success).to.equal(false);
    let error: unknown;
    try {
      parseOrThrow(CharterSchema, { ...conformanceSeed().charter, version: 0, minAcknowledgedVersion: undefined }, 'charter');
    } catch (caught) {
      error = caught;
    }
    expect((error as RelaisDataError).problems[0]).to.equal('version: must be greater than 0');
  });
});
