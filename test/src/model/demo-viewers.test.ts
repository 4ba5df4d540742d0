import { expect } from '@open-wc/testing';
import { charterStanding } from '../../../src/charter-banner/status.js';
import { DataDocumentSchema, parseOrThrow } from '../../../src/model/index.js';
import type { DataDocument } from '../../../src/model/index.js';
import { DEMO_VIEWERS, demoViewer } from '../../../demo/demo-viewer.js';

/** The demo's "today", the date scripts/make-demo-data.mjs builds the history around. */
const DEMO_NOW = new Date('2026-11-22T10:00:00Z');

describe('demo viewers (demo/demo-viewer.js) and the demo data', () => {
  let doc: DataDocument;

  before(async () => {
    const response = await fetch('/demo/data/advocacy.json');
    doc = parseOrThrow(DataDocumentSchema, await response.json(), 'demo data document');
  });

  afterEach(() => sessionStorage.clear());

  const standing = (id: string) => {
    const latest = doc.acknowledgments
      .filter((ack) => ack.viewerId === id)
      .sort((a, b) => b.version - a.version || b.at.localeCompare(a.at))[0];
    return charterStanding(doc.charter, latest, DEMO_NOW);
  };

  it('offers a new employee, an old version, a renewal, someone up to date and someone off the leaderboard', () => {
    expect(DEMO_VIEWERS.map((viewer) => viewer.situation)).to.deep.equal(['new', 'old-version', 'renewal', 'up-to-date', 'opted-out']);
  });

  it('each is one of the people, in the situation the toolbar says', () => {
    for (const viewer of DEMO_VIEWERS) {
      const person = doc.people.find((candidate) => candidate.id === viewer.id);
      expect(person, viewer.id).to.include({ displayName: viewer.displayName, team: viewer.team });
      const { status, reason } = standing(viewer.id);
      const expected = {
        new: { status: 'required', reason: 'first-time', optIn: true },
        'old-version': { status: 'required', reason: 'new-version', optIn: true },
        renewal: { status: 'renewal-due', reason: 'renewal', optIn: true },
        'up-to-date': { status: 'acknowledged', reason: undefined, optIn: true },
        'opted-out': { status: 'acknowledged', reason: undefined, optIn: false },
      }[viewer.situation];
      expect({ status, reason, optIn: person!.leaderboardOptIn }, viewer.id).to.deep.equal(expected);
    }
    expect(doc.shares.filter((share) => share.viewerId === DEMO_VIEWERS[0]!.id), 'the new employee has not shared yet').to.deep.equal([]);
  });

  it('a first visit is the new employee; ?viewer= chooses, and the choice is kept for the tab', () => {
    expect(demoViewer({ search: '' }).situation).to.equal('new');
    expect(demoViewer({ search: '?viewer=p-03' }).id).to.equal('p-03');
    expect(demoViewer({ search: '' }).id, 'remembered').to.equal('p-03');
    expect(demoViewer({ search: '?viewer=nobody' }).situation, 'an unknown id').to.equal('new');
  });
});
