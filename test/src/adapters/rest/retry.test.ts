import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { backoffDelay, isRetryableStatus, parseRetryAfter } from '../../../../src/adapters/rest/retry.js';

describe('backoffDelay', () => {
  it('doubles from baseDelay up to maxDelay, keeping between half and all of it (jitter)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 600_000 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (failures, baseDelay, maxDelay, r) => {
        const ceiling = Math.min(maxDelay, baseDelay * 2 ** (failures - 1));
        const delay = backoffDelay(failures, { baseDelay, maxDelay, random: () => r });
        expect(delay).to.be.at.least(Math.floor(ceiling / 2));
        expect(delay).to.be.at.most(Math.ceil(ceiling));
      }),
    );
  });

  it('never shrinks as failures add up, for the same draw', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (failures, r) => {
        const options = { random: () => r };
        expect(backoffDelay(failures + 1, options)).to.be.at.least(backoffDelay(failures, options));
      }),
    );
  });

  it('waits 0.5 s, 1 s, 2 s… by default, at most 30 s', () => {
    const full = { random: () => 1 };
    expect([1, 2, 3, 20].map((failures) => backoffDelay(failures, full))).to.deep.equal([500, 1000, 2000, 30_000]);
    expect(backoffDelay(1, { random: () => 0 })).to.equal(250);
  });

  it('is 0 with a baseDelay of 0 (tests make retries immediate)', () => {
    expect(backoffDelay(5, { baseDelay: 0 })).to.equal(0);
  });
});

describe('parseRetryAfter', () => {
  const now = new Date('2026-11-18T12:00:00Z');

  it('reads delay-seconds as milliseconds', () => {
    fc.assert(
      fc.property(fc.nat({ max: 10 ** 6 }), (seconds) => {
        expect(parseRetryAfter(String(seconds), now)).to.equal(seconds * 1000);
      }),
    );
    expect(parseRetryAfter(' 120 ', now)).to.equal(120_000);
  });

  it('reads an HTTP date as the time left until it, 0 once past', () => {
    expect(parseRetryAfter('Wed, 18 Nov 2026 12:01:30 GMT', now)).to.equal(90_000);
    expect(parseRetryAfter('Wed, 18 Nov 2026 11:00:00 GMT', now)).to.equal(0);
  });

  it('is undefined when absent or unreadable', () => {
    for (const value of [null, undefined, '', 'soon', '-5', '1.5']) expect(parseRetryAfter(value, now), String(value)).to.equal(undefined);
  });
});

describe('isRetryableStatus', () => {
  it('retries 408, 429 and every 5xx, and no other status', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 599 }), (status) => {
        expect(isRetryableStatus(status)).to.equal(status === 408 || status === 429 || status >= 500);
      }),
    );
  });
});
