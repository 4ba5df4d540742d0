import { expect } from '@open-wc/testing';
import { charterStanding, needsAcknowledgment } from '../../../src/charter-banner/status.js';
import { CharterSchema, type Acknowledgment, type Charter } from '../../../src/model/index.js';

const now = new Date('2026-11-22T10:00:00Z');
const charter: Charter = CharterSchema.parse({
  id: 'charte',
  version: 3,
  minAcknowledgedVersion: 2,
  renewalDays: 365,
  title: 'Charte',
  summary: 'Résumé',
  body: '<p>Texte</p>',
  publishedAt: '2026-09-01',
});
const ack = (version: number, at: string, charterId = 'charte'): Acknowledgment => ({ viewerId: 'p-1', charterId, version, at });

describe('charterStanding', () => {
  it('requires a first acknowledgment when the viewer has none', () => {
    expect(charterStanding(charter, undefined, now)).to.deep.equal({ charter, acknowledgment: undefined, status: 'required', reason: 'first-time' });
  });

  it('asks again when the acknowledged version is below minAcknowledgedVersion', () => {
    expect(charterStanding(charter, ack(1, '2026-10-01T00:00:00Z'), now).status).to.equal('required');
    expect(charterStanding(charter, ack(1, '2026-10-01T00:00:00Z'), now).reason).to.equal('new-version');
  });

  it('keeps an acknowledgment of an older version that is still at or above minAcknowledgedVersion (a wording fix asks no one again)', () => {
    const standing = charterStanding(charter, ack(2, '2026-10-01T00:00:00Z'), now);
    expect(standing.status).to.equal('acknowledged');
    expect(standing.renewalDue?.toISOString()).to.equal('2027-10-01T00:00:00.000Z');
  });

  it('is renewal-due once the acknowledgment is older than renewalDays', () => {
    expect(charterStanding(charter, ack(3, '2025-11-22T09:59:59Z'), now)).to.include({ status: 'renewal-due', reason: 'renewal' });
    expect(charterStanding(charter, ack(3, '2025-11-23T10:00:00Z'), now).status).to.equal('acknowledged');
  });

  it('ignores an acknowledgment of another charter', () => {
    expect(charterStanding(charter, ack(3, '2026-11-01T00:00:00Z', 'autre'), now).status).to.equal('required');
  });

  it('asks nothing when the charter requires no acknowledgment', () => {
    expect(charterStanding({ ...charter, requireAcknowledgment: false }, undefined, now).status).to.equal('not-required');
  });

  it('gates sharing only while an acknowledgment is required or due', () => {
    expect((['required', 'renewal-due', 'acknowledged', 'not-required'] as const).map((s) => needsAcknowledgment(s))).to.deep.equal([true, true, false, false]);
  });
});
