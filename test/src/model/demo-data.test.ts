import { expect } from '@open-wc/testing';
import { CATEGORIES, DataDocumentSchema, DETECTORS, parseOrThrow } from '../../../src/model/index.js';
import type { DataDocument } from '../../../src/model/index.js';

/** The demo's "today", the date scripts/make-demo-data.mjs builds the history around. */
const DEMO_NOW = Date.parse('2026-11-22T10:00:00Z');

/** Paths of `source` whose value is missing or different in `parsed` (defaults added by parsing are fine). */
function droppedPaths(source: unknown, parsed: unknown, path = ''): string[] {
  if (source === null || typeof source !== 'object') return Object.is(source, parsed) ? [] : [path];
  if (parsed === null || typeof parsed !== 'object') return [path];
  return Object.entries(source).flatMap(([key, value]) =>
    droppedPaths(value, (parsed as Record<string, unknown>)[key], Array.isArray(source) ? `${path}[${key}]` : `${path}.${key}`),
  );
}

describe('demo data document (demo/data/advocacy.json)', () => {
  let data: unknown;
  let doc: DataDocument;

  // Fetched rather than imported: the test server hands JSON imports to esbuild as JavaScript,
  // which a JSON module import (`with { type: 'json' }`) then refuses. It serves the repository root.
  before(async () => {
    const response = await fetch('/demo/data/advocacy.json');
    expect(response.ok, `GET /demo/data/advocacy.json: ${response.status}`).to.equal(true);
    data = await response.json();
    doc = parseOrThrow(DataDocumentSchema, data, 'demo data document');
  });

  it('parses with DataDocumentSchema', () => {
    expect(doc.charter.id).to.be.a('string');
  });

  it('keeps every field through parsing (nothing the demo relies on is an unknown field)', () => {
    expect(droppedPaths(data, doc)).to.deep.equal([]);
  });

  it('has the version 3 charter, with version 2 still counting and yearly renewal', () => {
    expect(doc.charter).to.include({ version: 3, minAcknowledgedVersion: 2, renewalDays: 365, requireAcknowledgment: true });
    expect(doc.charter.title).to.equal('Charte d’utilisation des réseaux sociaux');
    expect(doc.charter.publishedAt.startsWith('2026-')).to.equal(true);
    expect(doc.charter.changeNote).to.be.a('string').and.not.equal('');
    const body = new DOMParser().parseFromString(doc.charter.body, 'text/html').body;
    expect(body.querySelectorAll('h2').length).to.be.greaterThan(4);
    expect(body.querySelectorAll('li').length).to.be.greaterThan(5);
    expect(body.textContent).to.contain('reseaux-sociaux@helioria.example');
  });

  it('has at least 14 shareables in all three categories, mostly industry and least product', () => {
    expect(doc.shareables.length).to.be.at.least(14);
    const share = (category: string) => doc.shareables.filter((item) => item.category === category).length / doc.shareables.length;
    for (const category of CATEGORIES) expect(share(category), category).to.be.greaterThan(0);
    expect(share('industry')).to.be.within(0.4, 0.6);
    expect(share('culture')).to.be.within(0.2, 0.4);
    expect(share('product')).to.be.within(0.1, 0.3);
  });

  it('has unique shareable ids, French items and two in English', () => {
    expect(new Set(doc.shareables.map((item) => item.id)).size).to.equal(doc.shareables.length);
    expect(doc.shareables.filter((item) => item.lang === 'en')).to.have.length(2);
    expect(doc.shareables.filter((item) => item.lang === 'fr').length).to.equal(doc.shareables.length - 2);
  });

  it('has at least one expired item, and others still live', () => {
    const expired = doc.shareables.filter((item) => item.expiresAt && Date.parse(item.expiresAt) < DEMO_NOW);
    expect(expired.length).to.be.at.least(1);
    expect(expired.length).to.be.lessThan(doc.shareables.length);
  });

  it('keeps every suggested X text short enough for a post with its link (23) and hashtags', () => {
    for (const item of doc.shareables) {
      const text = item.text.x ?? item.text.default;
      const tags = item.hashtags.map((tag) => ` #${tag}`).join('');
      expect([...`${text} `].length + 23 + [...tags].length, item.id).to.be.at.most(280);
    }
  });

  it('has 30 people in several teams, one of them smaller than five, and some opted out', () => {
    expect(doc.people).to.have.length(30);
    expect(new Set(doc.people.map((person) => person.id)).size).to.equal(30);
    const teams = new Map<string, number>();
    for (const person of doc.people) teams.set(person.team ?? '', (teams.get(person.team ?? '') ?? 0) + 1);
    expect(teams.size).to.be.at.least(5);
    expect([...teams.values()].some((size) => size < 5)).to.equal(true);
    const optedOut = doc.people.filter((person) => !person.leaderboardOptIn).length;
    expect(optedOut).to.be.within(3, 8);
  });

  it('has at least 200 shares over at least four distinct months, each with a unique id', () => {
    expect(doc.shares.length).to.be.at.least(200);
    expect(new Set(doc.shares.map((share) => share.at.slice(0, 7))).size).to.be.at.least(4);
    expect(new Set(doc.shares.map((share) => share.id)).size).to.equal(doc.shares.length);
  });

  it('uses version 4 UUIDs for share ids', () => {
    for (const share of doc.shares) expect(share.id).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('only records shares of known items by known people, between publication and expiry', () => {
    const items = new Map(doc.shareables.map((item) => [item.id, item]));
    const people = new Set(doc.people.map((person) => person.id));
    for (const share of doc.shares) {
      const item = items.get(share.shareableId);
      expect(item, share.shareableId).not.to.equal(undefined);
      expect(people.has(share.viewerId), share.viewerId).to.equal(true);
      const at = Date.parse(share.at);
      expect(at).to.be.at.least(Date.parse(item!.publishedAt));
      if (item!.expiresAt) expect(at).to.be.at.most(Date.parse(item!.expiresAt));
      expect(at).to.be.lessThan(DEMO_NOW);
    }
  });

  it('has uneven activity: very active ambassadors, occasional ones and people who never share', () => {
    const counts = doc.people.map((person) => doc.shares.filter((share) => share.viewerId === person.id).length);
    expect(counts.filter((n) => n >= 30).length).to.be.at.least(3);
    expect(counts.filter((n) => n > 0 && n < 10).length).to.be.at.least(10);
    expect(counts.filter((n) => n === 0).length).to.be.at.least(3);
    expect(doc.shares.some((share) => share.personalized)).to.equal(true);
    expect(doc.shares.some((share) => !share.personalized)).to.equal(true);
    expect(new Set(doc.shares.map((share) => share.network)).size).to.be.at.least(6);
  });

  it('has someone sharing the same item twice, and an exact tie on points capped per item', () => {
    const points = new Map(doc.shareables.map((item) => [item.id, item.points]));
    const totals: number[] = [];
    let repeated = false;
    for (const person of doc.people) {
      const shared = doc.shares.filter((share) => share.viewerId === person.id).map((share) => share.shareableId);
      const distinct = new Set(shared);
      if (distinct.size < shared.length) repeated = true;
      const total = [...distinct].reduce((sum, id) => sum + (points.get(id) ?? 0), 0);
      if (total > 0) totals.push(total);
    }
    expect(repeated).to.equal(true);
    expect(new Set(totals).size).to.be.lessThan(totals.length);
  });

  it('has acknowledgments for about half the people, on versions 1, 2 and 3, some older than a year', () => {
    const people = new Set(doc.acknowledgments.map((ack) => ack.viewerId));
    expect(people.size).to.be.within(12, 18);
    expect(new Set(doc.acknowledgments.map((ack) => ack.version))).to.deep.equal(new Set([1, 2, 3]));
    for (const ack of doc.acknowledgments) expect(ack.charterId).to.equal(doc.charter.id);
    const yearAgo = DEMO_NOW - doc.charter.renewalDays * 86_400_000;
    expect(doc.acknowledgments.some((ack) => ack.version >= 2 && Date.parse(ack.at) < yearAgo)).to.equal(true);
    expect(doc.acknowledgments.some((ack) => ack.version >= 2 && Date.parse(ack.at) >= yearAgo)).to.equal(true);
  });

  it('has tiers in increasing order, starting at zero', () => {
    expect(doc.tiers.length).to.be.at.least(3);
    expect(doc.tiers[0]!.minPoints).to.equal(0);
    for (let i = 1; i < doc.tiers.length; i++) expect(doc.tiers[i]!.minPoints).to.be.greaterThan(doc.tiers[i - 1]!.minPoints);
  });

  it('has a guard policy with term, pattern and every pii detector, and patterns that compile', () => {
    const policy = doc.guardPolicy;
    expect(policy.internalDomains).to.include('intranet.helioria.example');
    expect(policy.disclosure?.anyOf).to.include('#helioria');
    expect(policy.limits?.mastodon).to.equal(500);
    const detectors = new Set(policy.rules.flatMap((rule) => (rule.kind === 'pii' ? [rule.detector] : [])));
    expect(detectors).to.deep.equal(new Set(DETECTORS));
    expect(policy.rules.some((rule) => rule.kind === 'term' && rule.severity === 'block')).to.equal(true);
    expect(policy.rules.some((rule) => rule.kind === 'term' && rule.plurals && rule.exceptions.includes('grève du zèle'))).to.equal(true);
    for (const rule of policy.rules) {
      expect(rule.message, rule.id).to.have.keys('fr', 'en');
      if (rule.kind === 'pattern') expect(() => new RegExp(rule.pattern, `giu${rule.flags ?? ''}`), rule.id).not.to.throw();
    }
    const revenue = policy.rules.find((rule) => rule.kind === 'pattern' && new RegExp(rule.pattern, 'iu').test("un chiffre d'affaires de 48 M€"));
    expect(revenue, 'a rule catches an unpublished revenue figure').not.to.equal(undefined);
  });

  it('has a demo viewer who is one of the people, opted in', () => {
    const person = doc.people.find((candidate) => candidate.id === doc.viewer?.id);
    expect(doc.viewer).to.include({ id: 'p-07', locale: 'fr-FR', leaderboardOptIn: true });
    expect(person).to.include({ displayName: doc.viewer!.displayName, team: doc.viewer!.team });
  });
});
