/**
 * The provisioning script (integrations/sharepoint/provision/provision-lists.mjs, the module that
 * provision.mjs runs from the command line) against the SharePoint REST test server: lists created
 * with `POST /_api/web/lists` (BaseTemplate 100), columns with `fields/CreateFieldAsXml`, indexes
 * with a MERGE of the field, the HR register with `views` and `viewfields/addviewfield`
 * ("Working with lists and list items with REST", "Create a list field with CreateFieldAsXml").
 */
import { expect } from '@open-wc/testing';
import { randomUUID } from '../../../../src/client/browser-storage.js';
import { SharePointAdapter } from '../../../../src/adapters/sharepoint/sharepoint-adapter.js';
import { COLUMNS, DEFAULT_LISTS } from '../../../../src/adapters/sharepoint/lists.js';
import { CONFORMANCE_NOW, CONFORMANCE_VIEWER, conformanceSeed } from '../../../../src/testing/fixture.js';
import { HR_REGISTER, LEADERBOARD_LIST, provision, RELAIS_LISTS } from '../../../../integrations/sharepoint/provision/provision-lists.mjs';
import { resetSharePoint, sharePointLog, sharePointSchema } from '../../../fixtures/sharepoint-server.js';

describe('provisioning the SharePoint lists', () => {
  it('lists every column the adapter reads, under the default list titles', () => {
    const lists = new Map<string, [name: string, type: string, options?: object][]>(Object.entries({ ...RELAIS_LISTS, ...LEADERBOARD_LIST }));
    for (const key of Object.keys(COLUMNS) as (keyof typeof COLUMNS)[]) {
      const title: string = DEFAULT_LISTS[key];
      const provisioned = new Set(['Title', ...(lists.get(title) ?? []).map(([name]) => name)]);
      for (const column of COLUMNS[key]) expect(provisioned.has(column), `${title}.${column}`).to.equal(true);
    }
  });

  it('creates every list, column, index and the HR register on an empty site; SharePointAdapter then reads it', async () => {
    const site = await resetSharePoint(conformanceSeed(), CONFORMANCE_NOW, { empty: true });
    const done = await provision({ site });
    expect(done.listsCreated).to.have.length(7);
    expect(done.warnings).to.deep.equal([]);
    const schema = await sharePointSchema();
    for (const [title, columns] of Object.entries(RELAIS_LISTS)) {
      for (const [name, type, options = {}] of columns) {
        expect(schema[title]?.fields[name], `${title}.${name}`).to.deep.equal({ type, indexed: options.indexed === true, unique: options.unique === true });
      }
    }
    expect(schema[HR_REGISTER.list]!.views).to.deep.include({ Title: HR_REGISTER.title, PersonalView: false, RowLimit: 100, ViewQuery: '<OrderBy><FieldRef Name="AcknowledgedAt" Ascending="FALSE" /></OrderBy>', fields: HR_REGISTER.fields });
    const adapter = new SharePointAdapter({ site, viewer: CONFORMANCE_VIEWER, outbox: { name: randomUUID() } });
    try {
      expect((await adapter.charter()).id).to.equal('charter-2026');
    } finally {
      adapter.close();
    }
  });

  it('run again, or on a site missing a column and an index: adds only what is missing, and never deletes', async () => {
    const site = await resetSharePoint(conformanceSeed(), CONFORMANCE_NOW, { missing: { 'Relais Shares': ['Kind'] }, unindexed: { 'Relais Shares': ['SharedAt'] } });
    const done = await provision({ site });
    expect(done).to.deep.equal({ listsCreated: [], fieldsCreated: ['Relais Shares.Kind'], fieldsIndexed: ['Relais Shares.SharedAt'], viewsCreated: ['Relais Acknowledgments/HR register'], warnings: [] });
    const again = await provision({ site });
    expect(again).to.deep.equal({ listsCreated: [], fieldsCreated: [], fieldsIndexed: [], viewsCreated: [], warnings: [] });
    const methods = new Set((await sharePointLog()).map((request) => request.method));
    expect([...methods].sort()).to.deep.equal(['GET', 'POST']);
  });

  it('creates the Leaderboard list (a Power Automate flow fills it) only when asked, with Period, Scope and PeriodStart indexed', async () => {
    const site = await resetSharePoint(conformanceSeed(), CONFORMANCE_NOW, { empty: true });
    await provision({ site });
    expect(Object.keys(await sharePointSchema())).to.not.include('Relais Leaderboard');
    const done = await provision({ site, leaderboardList: true });
    expect(done.listsCreated).to.deep.equal(['Relais Leaderboard']);
    const fields = (await sharePointSchema())['Relais Leaderboard']!.fields;
    for (const [name, type, options = {}] of LEADERBOARD_LIST['Relais Leaderboard']!) {
      expect(fields[name], name).to.deep.equal({ type, indexed: options.indexed === true, unique: false });
    }
    expect(['Period', 'Scope', 'PeriodStart'].map((name) => fields[name]!.indexed)).to.deep.equal([true, true, true]);
  });

  it('--dry-run says what it would do and changes nothing', async () => {
    const site = await resetSharePoint(conformanceSeed(), CONFORMANCE_NOW, { empty: true });
    const lines: string[] = [];
    const done = await provision({ site, dryRun: true, log: (line) => lines.push(line) });
    expect(done.listsCreated).to.have.length(7);
    expect(lines[0]).to.equal('would create the list "Relais Charter"');
    expect(await sharePointSchema()).to.deep.equal({});
  });
});
