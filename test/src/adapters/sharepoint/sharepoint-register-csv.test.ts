/**
 * SharePointAdapter.acknowledgmentsCsv(): the HR register (the Acknowledgments list) as the
 * reference server's `GET /admin/acknowledgments.csv` writes it, on the SharePoint REST test
 * server: the same columns, order and CSV-injection-safe quoting, read 5,000 items a page
 * (`odata.nextLink`, `$skiptoken=Paged=TRUE&p_ID=…`: "Use OData query operations in SharePoint
 * REST requests"; the list view threshold: "Manage large lists and libraries").
 */
import { expect } from '@open-wc/testing';
import { randomUUID } from '../../../../src/client/browser-storage.js';
import { SharePointAdapter, SharePointError } from '../../../../src/adapters/sharepoint/sharepoint-adapter.js';
import { csvField } from '../../../../src/contract/register-csv.js';
import { CONFORMANCE_NOW, CONFORMANCE_VIEWER, conformanceSeed } from '../../../../src/testing/fixture.js';
import { rejectionOf } from '../../../fixtures/rejection.js';
import { addSharePointItems, resetSharePoint, sharePointLog } from '../../../fixtures/sharepoint-server.js';
import { parse as parseCsv } from '../../../fixtures/csv-reader.js';


describe('SharePointAdapter.acknowledgmentsCsv(): the HR register as CSV', () => {
  let site: string;
  const adapters: SharePointAdapter[] = [];
  const make = () => {
    const adapter = new SharePointAdapter({ site, viewer: CONFORMANCE_VIEWER, outbox: { name: randomUUID() } });
    adapters.push(adapter);
    return adapter;
  };
  beforeEach(async () => {
    site = await resetSharePoint(conformanceSeed(), CONFORMANCE_NOW);
  });
  afterEach(() => {
    for (const adapter of adapters.splice(0)) adapter.close();
  });

  it("the reference server's columns and order: who, name, team, charter, version, when (ISO), oldest first, CRLF", async () => {
    const text = await make().acknowledgmentsCsv();
    expect(text.endsWith('\r\n')).to.equal(true);
    const rows = parseCsv(text);
    expect(rows[0]).to.deep.equal(['viewer_id', 'display_name', 'team', 'charter_id', 'version', 'acknowledged_at']);
    const seed = conformanceSeed();
    const expected = [...(seed.acknowledgments ?? [])]
      .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
      .map((ack) => {
        const person = seed.people?.find((p) => p.id === ack.viewerId);
        return [ack.viewerId, person?.displayName ?? '', person?.team ?? '', ack.charterId, String(ack.version), new Date(ack.at).toISOString()];
      });
    expect(rows.slice(1)).to.deep.equal(expected);
    expect(rows[1]!.slice(0, 3)).to.deep.equal(['p-viewer', 'Camille Martin', 'Engineering']);
  });

  it('defuses a name a spreadsheet would run as a formula (=, +, -, @, a leading tab), and keeps quotes and commas', async () => {
    await addSharePointItems('Relais People', [
      { RelaisId: 'p-eq', Title: '=HYPERLINK("x"), "Bob"', Team: '+Sales' },
      { RelaisId: 'p-tab', Title: '\t=1+1', Team: '@team' },
    ]);
    await addSharePointItems('Relais Acknowledgments', [
      { Title: 'k1', RelaisKey: 'k1', ViewerId: 'p-eq', CharterId: 'charter-2026', Version: 3, AcknowledgedAt: '2026-11-17T09:00:00Z' },
      { Title: 'k2', RelaisKey: 'k2', ViewerId: 'p-tab', CharterId: '-charter', Version: 3, AcknowledgedAt: '2026-11-17T10:00:00Z' },
    ]);
    const text = await make().acknowledgmentsCsv();
    expect(text).to.include(`p-eq,"'=HYPERLINK(""x""), ""Bob""",'+Sales,charter-2026,3,2026-11-17T09:00:00.000Z\r\n`);
    const rows = parseCsv(text);
    const tab = rows.find((row) => row[0] === 'p-tab')!;
    expect(tab).to.deep.equal(['p-tab', "'\t=1+1", "'@team", "'-charter", '3', '2026-11-17T10:00:00.000Z']);
  });

  it('quotes as the reference server does (one csvField for both, src/contract/register-csv.ts)', () => {
    const cases = ['plain', 'a,b', 'say "hi"', 'two\r\nlines', '=1+1', ' =1', '+33 6', '-5', '@x', '\u200b=1', '\ufeff=1', 'é=1'];
    // The register's quoting, written out.
    expect(cases.map(csvField)).to.deep.equal(['plain', '"a,b"', '"say ""hi"""', '"two\r\nlines"', "'=1+1", "' =1", "'+33 6", "'-5", "'@x", "'\u200b=1", "'\ufeff=1", 'é=1']);
  });

  it('reads past 5,000 items: 6,000 acknowledgments in two pages through the next link, every one in the register', async () => {
    const items = Array.from({ length: 6000 }, (_, n) => ({ Title: `k${n}`, RelaisKey: `k${n}`, ViewerId: `p-${String(n).padStart(4, '0')}`, CharterId: 'charter-2026', Version: 3, AcknowledgedAt: new Date(Date.parse('2026-11-17T00:00:00Z') + n * 1000).toISOString() }));
    await addSharePointItems('Relais Acknowledgments', items);
    const rows = parseCsv(await make().acknowledgmentsCsv());
    expect(rows.length).to.equal(1 + (conformanceSeed().acknowledgments?.length ?? 0) + 6000);
    expect(rows.at(-1)!.slice(0, 1)).to.deep.equal(['p-5999']);
    const pages = (await sharePointLog()).filter((request) => request.list === 'Relais Acknowledgments');
    expect(pages.length).to.equal(2);
    expect(decodeURIComponent(pages[0]!.query)).to.include('$top=5000').and.not.include('$filter');
    expect(decodeURIComponent(pages[1]!.query)).to.include('$skiptoken=Paged=TRUE&p_ID=');
  });

  it('an Acknowledgments list missing a column: an error naming it', async () => {
    site = await resetSharePoint(conformanceSeed(), CONFORMANCE_NOW, { missing: { 'Relais Acknowledgments': ['AcknowledgedAt'] } });
    const error = await rejectionOf<SharePointError>(make().acknowledgmentsCsv());
    expect({ code: error.code, list: error.list, field: error.field }).to.deep.equal({ code: 'missing-column', list: 'Relais Acknowledgments', field: 'AcknowledgedAt' });
  });
});
