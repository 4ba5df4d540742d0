// Creates the SharePoint lists that SharePointAdapter reads and writes, with every column, index
// and the HR register view; adds only what is missing, and never removes or changes a column that
// holds data. Plain SharePoint REST (nometadata JSON), with no dependency: it runs in Node
// (provision.mjs, the command line) and in a browser (the tests run it against the SharePoint REST
// test server, test/fixtures/sharepoint-server-plugin.mjs). docs/sharepoint.md lists the columns.

const choices = (values) => `<CHOICES>${values.map((value) => `<CHOICE>${value}</CHOICE>`).join('')}</CHOICES>`;

/**
 * Every list, by its default title, and its columns: [internal name, SharePoint type, options].
 * `indexed`: queried by Relais (filter or order), indexed so that lists past the 5,000-item list
 * view threshold stay readable; `unique`: an idempotency key (a retry never adds a second item).
 */
export const RELAIS_LISTS = {
  'Relais Charter': [
    ['RelaisId', 'Text', { indexed: true }],
    ['Version', 'Number', { indexed: true }],
    ['Summary', 'Note'],
    ['Body', 'Note'],
    ['Url', 'Note'],
    ['PublishedAt', 'DateTime', { indexed: true }],
    ['RenewalDays', 'Number'],
    ['RequireAcknowledgment', 'Boolean', { default: '1' }],
    ['MinAcknowledgedVersion', 'Number'],
    ['ChangeNote', 'Note'],
    ['Lang', 'Text'],
  ],
  'Relais Shareables': [
    ['RelaisId', 'Text', { indexed: true, unique: true }],
    ['Summary', 'Note'],
    ['Url', 'Note'],
    ['ImageUrl', 'Note'],
    ['ImageAlt', 'Text'],
    ['Category', 'Choice', { indexed: true, choices: ['product', 'culture', 'industry'] }],
    ['ShareText', 'Note'],
    ['ShareTextVariants', 'Note'],
    ['Hashtags', 'Text'],
    ['Lang', 'Text', { indexed: true }],
    ['PublishedAt', 'DateTime', { indexed: true }],
    ['ExpiresAt', 'Text'],
    ['Points', 'Number'],
    ['Campaign', 'Text'],
  ],
  'Relais Acknowledgments': [
    ['RelaisKey', 'Text', { indexed: true, unique: true }],
    ['ViewerId', 'Text', { indexed: true }],
    ['CharterId', 'Text', { indexed: true }],
    ['Version', 'Number', { indexed: true }],
    ['AcknowledgedAt', 'DateTime', { indexed: true }],
  ],
  'Relais Shares': [
    ['RelaisKey', 'Text', { indexed: true, unique: true }],
    ['ShareableId', 'Text', { indexed: true }],
    ['ViewerId', 'Text', { indexed: true }],
    ['Network', 'Text'],
    ['SharedAt', 'DateTime', { indexed: true }],
    ['Personalized', 'Boolean', { default: '0' }],
    ['Kind', 'Text'],
  ],
  'Relais Guard Policy': [['Policy', 'Note']],
  'Relais People': [
    ['RelaisId', 'Text', { indexed: true, unique: true }],
    ['Team', 'Text'],
    ['AvatarUrl', 'Note'],
    ['LeaderboardOptIn', 'Boolean', { default: '0' }],
  ],
  'Relais Tiers': [['MinPoints', 'Number', { indexed: true }]],
};

/**
 * The list a Power Automate flow keeps the precomputed leaderboard in (SharePointAdapter's
 * `leaderboard: { list }` option), created only when asked (`leaderboardList: true`,
 * `--leaderboard-list`). One item per row of a board: `Period`, `Scope` and `PeriodStart` are
 * indexed, the adapter's filter (docs/sharepoint.md: what the flow must write).
 */
export const LEADERBOARD_LIST = {
  'Relais Leaderboard': [
    ['Period', 'Choice', { indexed: true, choices: ['week', 'month', 'quarter', 'year', 'all'] }],
    ['Scope', 'Choice', { indexed: true, choices: ['people', 'teams'] }],
    ['PeriodStart', 'DateTime', { indexed: true }],
    ['RelaisId', 'Text'],
    ['DisplayName', 'Text'],
    ['Team', 'Text'],
    ['AvatarUrl', 'Note'],
    ['Points', 'Number'],
    ['Shares', 'Number'],
    ['Rank', 'Number'],
    ['Anonymous', 'Boolean', { default: '0' }],
    ['Members', 'Number'],
    ['Badges', 'Text'],
    ['MergedTeams', 'Note'],
    ['ComputedAt', 'DateTime'],
  ],
};

/** The HR register: a public view of the acknowledgments list, newest first. */
export const HR_REGISTER = { list: 'Relais Acknowledgments', title: 'HR register', fields: ['ViewerId', 'CharterId', 'Version', 'AcknowledgedAt'] };

/** A column's schema XML for `CreateFieldAsXml`. */
export function fieldXml(name, type, options = {}) {
  const attributes = [`Type="${type}"`, `DisplayName="${name}"`, `Name="${name}"`, `StaticName="${name}"`];
  if (type === 'Note') attributes.push('NumLines="6"', 'RichText="FALSE"', 'UnlimitedLengthInDocumentLibrary="TRUE"');
  if (type === 'DateTime') attributes.push('Format="DateTime"');
  if (options.indexed) attributes.push('Indexed="TRUE"');
  if (options.unique) attributes.push('EnforceUniqueValues="TRUE"');
  const inner = `${options.choices ? choices(options.choices) : ''}${options.default === undefined ? '' : `<Default>${options.default}</Default>`}`;
  return `<Field ${attributes.join(' ')}>${inner}</Field>`;
}

/**
 * Provisions the lists on `site`. `fetch` carries the credentials (a bearer token, the browser's
 * cookies); `dryRun` only says what it would do. Resolves to what was done, step by step.
 * `leaderboardList`: also the Leaderboard list a Power Automate flow fills (LEADERBOARD_LIST).
 * @param {{ site: string, fetch?: typeof fetch, headers?: Record<string, string>, dryRun?: boolean, leaderboardList?: boolean, log?: (line: string) => void }} options
 */
export async function provision({ site, fetch: fetchImpl = globalThis.fetch, headers = {}, dryRun = false, leaderboardList = false, log = () => {} }) {
  const root = site.replace(/\/+$/, '');
  const done = { listsCreated: [], fieldsCreated: [], fieldsIndexed: [], viewsCreated: [], warnings: [] };
  const quote = (value) => `'${value.replaceAll("'", "''")}'`;
  let digest;
  const call = async (method, path, body, extra = {}) => {
    const init = { method, headers: { Accept: 'application/json;odata=nometadata', ...headers, ...extra } };
    if (method === 'POST') {
      digest ??= (await call('GET-DIGEST', '/_api/contextinfo')).FormDigestValue;
      init.headers['X-RequestDigest'] = digest;
    }
    if (method === 'GET-DIGEST') init.method = 'POST';
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json;odata=nometadata';
      init.body = JSON.stringify(body);
    }
    const response = await fetchImpl(`${root}${path}`, init);
    const text = await response.text();
    if (response.status === 404) return undefined;
    if (!response.ok) throw new Error(`${init.method} ${root}${path} answered ${response.status}: ${text}`);
    return text ? JSON.parse(text) : {};
  };
  const act = async (what, action) => {
    log(`${dryRun ? 'would ' : ''}${what}`);
    if (!dryRun) await action();
  };

  const lists = { ...RELAIS_LISTS, ...(leaderboardList ? LEADERBOARD_LIST : {}) };
  for (const [title, columns] of Object.entries(lists)) {
    const list = `/_api/web/lists/GetByTitle(${encodeURIComponent(quote(title))})`;
    const exists = await call('GET', list);
    if (!exists) {
      await act(`create the list "${title}"`, () => call('POST', '/_api/web/lists', { Title: title, BaseTemplate: 100, Description: 'Relais (employee advocacy): see docs/sharepoint.md', AllowContentTypes: false }));
      done.listsCreated.push(title);
    }
    const fields = exists || !dryRun ? ((await call('GET', `${list}/fields?$select=InternalName,TypeAsString,Indexed,EnforceUniqueValues`))?.value ?? []) : [];
    const byName = new Map(fields.map((field) => [field.InternalName, field]));
    for (const [name, type, options = {}] of columns) {
      const field = byName.get(name);
      if (!field) {
        await act(`add the column ${title}.${name} (${type}${options.indexed ? ', indexed' : ''}${options.unique ? ', unique' : ''})`, () =>
          // Options 8: AddFieldInternalNameHint (the internal name is Name); 16: shown in the default view.
          call('POST', `${list}/fields/CreateFieldAsXml`, { parameters: { SchemaXml: fieldXml(name, type, options), Options: 24 } }),
        );
        done.fieldsCreated.push(`${title}.${name}`);
        continue;
      }
      if (field.TypeAsString && field.TypeAsString !== type) done.warnings.push(`${title}.${name} is a ${field.TypeAsString} column, Relais expects ${type}: left as it is`);
      if (options.indexed && !field.Indexed) {
        await act(`index the column ${title}.${name}`, () =>
          call('POST', `${list}/fields/getbyinternalnameortitle(${encodeURIComponent(quote(name))})`, { Indexed: true }, { 'X-HTTP-Method': 'MERGE', 'IF-MATCH': '*' }),
        );
        done.fieldsIndexed.push(`${title}.${name}`);
      }
      if (options.unique && !field.EnforceUniqueValues) done.warnings.push(`${title}.${name} does not enforce unique values: set it in the column's settings (Relais looks the key up before adding, so a retry adds no second item even without it)`);
    }
  }

  const registerList = `/_api/web/lists/GetByTitle(${encodeURIComponent(quote(HR_REGISTER.list))})`;
  const views = dryRun && done.listsCreated.includes(HR_REGISTER.list) ? [] : ((await call('GET', `${registerList}/views?$select=Title`))?.value ?? []);
  if (!views.some((view) => view.Title === HR_REGISTER.title)) {
    await act(`create the view "${HR_REGISTER.title}" of "${HR_REGISTER.list}"`, async () => {
      await call('POST', `${registerList}/views`, {
        Title: HR_REGISTER.title,
        PersonalView: false,
        RowLimit: 100,
        ViewQuery: '<OrderBy><FieldRef Name="AcknowledgedAt" Ascending="FALSE" /></OrderBy>',
      });
      for (const field of HR_REGISTER.fields) {
        await call('POST', `${registerList}/views/getbytitle(${encodeURIComponent(quote(HR_REGISTER.title))})/viewfields/addviewfield(${encodeURIComponent(quote(field))})`);
      }
    });
    done.viewsCreated.push(`${HR_REGISTER.list}/${HR_REGISTER.title}`);
  }
  return done;
}
