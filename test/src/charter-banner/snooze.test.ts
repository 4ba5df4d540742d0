import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { KeyValueStorage } from '../../../src/client/browser-storage.js';
import { LocalState } from '../../../src/client/local-state.js';
import {
  clearSnoozes,
  DEFAULT_MAX_SNOOZES,
  dismissalKey,
  DEFAULT_SNOOZE_DAYS,
  nextSnoozeRecord,
  normalizePolicy,
  parseSnoozeRecord,
  readSnoozeState,
  snoozeKey,
  snoozeReminder,
  snoozeStateOf,
  recordDismissal,
  wasDismissed,
  type SnoozeSubject,
} from '../../../src/charter-banner/snooze.js';

const DAY = 24 * 60 * 60 * 1000;
const now = new Date('2026-11-22T09:00:00Z');
const later = (days: number) => new Date(now.getTime() + days * DAY);
const subject: SnoozeSubject = { viewerId: 'p-1', charterId: 'charte-reseaux', version: 2 };
const policy = { snoozeDays: 3, maxSnoozes: 3 };

/** A Map-backed storage, so that each test starts empty. */
function memoryStorage(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

/** The viewer's local state kept in `storage` (local and session alike). */
const on = (storage: KeyValueStorage) => new LocalState({ local: storage, session: storage });

/** A storage that refuses everything, as a blocked or full one does. */
const refusingStorage: KeyValueStorage = {
  getItem: () => {
    throw new DOMException('blocked', 'SecurityError');
  },
  setItem: () => {
    throw new DOMException('full', 'QuotaExceededError');
  },
  removeItem: () => {
    throw new DOMException('blocked', 'SecurityError');
  },
};

describe('charter snooze', () => {
  it('offers every snooze and hides nothing before the first one', () => {
    expect(snoozeStateOf(undefined, undefined, now, policy)).to.deep.equal({ snoozed: false, snoozesLeft: 3 });
  });

  it('hides the reminder for snoozeDays, then shows it again with one snooze fewer', () => {
    const storage = memoryStorage();
    const result = snoozeReminder(on(storage), subject, now, policy);
    expect(result).to.include({ snoozed: true, snoozesLeft: 2, persisted: true });
    expect(result!.until.toISOString()).to.equal(later(3).toISOString());
    expect(readSnoozeState(on(storage), subject, later(2.9), policy)).to.include({ snoozed: true, snoozesLeft: 2 });
    expect(readSnoozeState(on(storage), subject, later(3), policy)).to.deep.equal({ snoozed: false, snoozesLeft: 2 });
  });

  it('stops offering the option after maxSnoozes', () => {
    const storage = memoryStorage();
    let day = 0;
    for (const left of [2, 1, 0]) {
      expect(snoozeReminder(on(storage), subject, later(day), policy)?.snoozesLeft).to.equal(left);
      day += 3;
    }
    expect(snoozeReminder(on(storage), subject, later(day), policy)).to.equal(undefined);
    expect(readSnoozeState(on(storage), subject, later(day), policy)).to.deep.equal({ snoozed: false, snoozesLeft: 0 });
  });

  it('keeps one record per viewer, charter id and version', () => {
    const keys = new Set([
      snoozeKey(subject),
      snoozeKey({ ...subject, viewerId: 'p-2' }),
      snoozeKey({ ...subject, charterId: 'autre' }),
      snoozeKey({ ...subject, version: 3 }),
      snoozeKey({ ...subject, cycle: '2@2025-11-01T00:00:00Z' }),
    ]);
    expect(keys.size).to.equal(4);
    const storage = memoryStorage();
    snoozeReminder(on(storage), subject, now, policy);
    expect(readSnoozeState(on(storage), { ...subject, version: 3 }, now, policy)).to.deep.equal({ snoozed: false, snoozesLeft: 3 });
    expect(readSnoozeState(on(storage), { ...subject, viewerId: 'p-2' }, now, policy)).to.deep.equal({ snoozed: false, snoozesLeft: 3 });
  });

  it('starts afresh for another reminder of the same version (next year’s renewal)', () => {
    const storage = memoryStorage();
    snoozeReminder(on(storage), subject, now, policy);
    snoozeReminder(on(storage), subject, later(3), policy);
    const renewal = { ...subject, cycle: '2@2026-11-30T00:00:00Z' };
    expect(readSnoozeState(on(storage), renewal, later(4), policy)).to.deep.equal({ snoozed: false, snoozesLeft: 3 });
  });

  it('forgets the snoozes once cleared (after an acknowledgment)', () => {
    const storage = memoryStorage();
    snoozeReminder(on(storage), subject, now, policy);
    clearSnoozes(on(storage), subject);
    expect(storage.data.size).to.equal(0);
  });

  it('never throws when the storage refuses, says the snooze was not kept, and still holds it for the page', () => {
    const refused = on(refusingStorage);
    expect(readSnoozeState(refused, subject, now, policy)).to.deep.equal({ snoozed: false, snoozesLeft: 3 });
    expect(snoozeReminder(refused, subject, now, policy)).to.include({ snoozed: true, persisted: false, snoozesLeft: 2 });
    expect(readSnoozeState(refused, subject, later(1), policy), 'kept in memory for this page').to.include({ snoozed: true, snoozesLeft: 2 });
    expect(() => clearSnoozes(refused, subject)).not.to.throw();
    expect(readSnoozeState(refused, subject, later(1), policy)).to.deep.equal({ snoozed: false, snoozesLeft: 3 });
  });

  it('keeps the modal dismissal under its own key, next to the snooze record and never mistaken for it', () => {
    expect(dismissalKey(subject)).to.equal('relais:charter-dismissed:p-1:charte-reseaux:2');
    expect(dismissalKey({ ...subject, viewerId: 'a:b' })).to.equal('relais:charter-dismissed:a%3Ab:charte-reseaux:2');
    expect(dismissalKey({ ...subject, version: 3 })).not.to.equal(dismissalKey(subject));
    const storage = memoryStorage();
    expect(wasDismissed(on(storage), subject)).to.equal(false);
    recordDismissal(on(storage), subject);
    expect(wasDismissed(on(storage), subject)).to.equal(true);
    expect(wasDismissed(on(storage), { ...subject, version: 3 }), 'a new version opens again').to.equal(false);
    expect(readSnoozeState(on(storage), subject, now, policy), 'a dismissal is not a snooze').to.deep.equal({ snoozed: false, snoozesLeft: 3 });
    expect(wasDismissed(on(refusingStorage), subject)).to.equal(false);
    const refused = on(refusingStorage);
    expect(() => recordDismissal(refused, subject)).not.to.throw();
    expect(wasDismissed(refused, subject), 'kept in memory for this page').to.equal(true);
  });

  it('reads malformed records as none', () => {
    for (const raw of [null, '', 'not json', '42', '{"count":-1,"until":"2026-11-25T00:00:00Z"}', '{"count":1,"until":"soon"}', '{"count":1.5,"until":"2026-11-25T00:00:00Z"}']) {
      expect(parseSnoozeRecord(raw), String(raw)).to.equal(undefined);
    }
    expect(parseSnoozeRecord('{"count":1,"until":"2026-11-25T00:00:00Z"}')).to.deep.equal({ count: 1, until: '2026-11-25T00:00:00Z', cycle: '' });
  });

  it('does not let a stored snooze outlast the policy (a hand-edited date far away)', () => {
    const record = { count: 1, until: '2099-01-01T00:00:00Z', cycle: '' };
    expect(snoozeStateOf(record, undefined, now, policy)).to.deep.equal({ snoozed: false, snoozesLeft: 2 });
  });

  it('falls back to the defaults for unusable numbers, and allows no snooze with maxSnoozes 0', () => {
    expect(normalizePolicy({ snoozeDays: Number.NaN, maxSnoozes: -1 })).to.deep.equal({ snoozeDays: DEFAULT_SNOOZE_DAYS, maxSnoozes: DEFAULT_MAX_SNOOZES });
    expect(normalizePolicy({})).to.deep.equal({ snoozeDays: 3, maxSnoozes: 3 });
    expect(snoozeStateOf(undefined, undefined, now, { snoozeDays: 3, maxSnoozes: 0 }).snoozesLeft).to.equal(0);
    expect(nextSnoozeRecord(undefined, undefined, now, { snoozeDays: 3, maxSnoozes: 0 })).to.equal(undefined);
  });

  it('property: whatever the clicks and the clock, snoozes stay within 0…max and each lasts snoozeDays', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 6 }),
        fc.double({ min: 0.5, max: 30, noNaN: true }),
        fc.array(fc.double({ min: 0, max: 40, noNaN: true }), { maxLength: 10 }),
        (maxSnoozes, snoozeDays, gaps) => {
          const storage = memoryStorage();
          const rules = { maxSnoozes, snoozeDays };
          let clock = now.getTime();
          let granted = 0;
          for (const gap of gaps) {
            clock += Math.round(gap * DAY);
            const before = readSnoozeState(on(storage), subject, new Date(clock), rules);
            expect(before.snoozesLeft).to.equal(maxSnoozes - granted);
            const result = snoozeReminder(on(storage), subject, new Date(clock), rules);
            if (granted === maxSnoozes) {
              expect(result).to.equal(undefined);
              continue;
            }
            granted++;
            expect(result!.snoozesLeft).to.equal(maxSnoozes - granted);
            expect(result!.until.getTime() - clock).to.be.closeTo(snoozeDays * DAY, 1);
            expect(readSnoozeState(on(storage), subject, new Date(clock + snoozeDays * DAY - 1000), rules).snoozed).to.equal(snoozeDays * DAY > 1000);
            expect(readSnoozeState(on(storage), subject, new Date(clock + snoozeDays * DAY + 1), rules).snoozed).to.equal(false);
          }
        },
      ),
    );
  });
});
