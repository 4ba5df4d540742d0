#!/usr/bin/env node
// Creates Relais's SharePoint lists on a site, adding only what is missing (docs/sharepoint.md).
//
//   SHAREPOINT_TOKEN=<access token> node integrations/sharepoint/provision/provision.mjs https://contoso.sharepoint.com/sites/intranet [--dry-run] [--leaderboard-list]
//
// The token is a bearer token for SharePoint (an Entra ID app with Sites.Manage.All, or
// `m365 util accesstoken get --resource https://contoso.sharepoint.com` of the CLI for Microsoft 365);
// SHAREPOINT_COOKIE may hold a signed-in browser's cookie header instead. The account must be able
// to manage lists on the site (a site owner). Nothing is ever deleted or changed in place.
import console from 'node:console';
import process from 'node:process';
import { provision } from './provision-lists.mjs';

const [site] = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const dryRun = process.argv.includes('--dry-run');
// Also the list a Power Automate flow keeps the leaderboard in (docs/sharepoint.md).
const leaderboardList = process.argv.includes('--leaderboard-list');
if (!site) {
  console.error('Usage: node integrations/sharepoint/provision/provision.mjs <site URL> [--dry-run] [--leaderboard-list]   (SHAREPOINT_TOKEN or SHAREPOINT_COOKIE in the environment)');
  process.exit(2);
}
const headers = {};
if (process.env.SHAREPOINT_TOKEN) headers.Authorization = `Bearer ${process.env.SHAREPOINT_TOKEN}`;
else if (process.env.SHAREPOINT_COOKIE) headers.Cookie = process.env.SHAREPOINT_COOKIE;
else console.warn('No SHAREPOINT_TOKEN nor SHAREPOINT_COOKIE: the requests go without credentials.');

try {
  const done = await provision({ site, headers, dryRun, leaderboardList, log: (line) => console.log(line) });
  for (const warning of done.warnings) console.warn(`warning: ${warning}`);
  console.log(`${dryRun ? 'Dry run: ' : ''}${done.listsCreated.length} list(s), ${done.fieldsCreated.length} column(s), ${done.fieldsIndexed.length} index(es), ${done.viewsCreated.length} view(s) ${dryRun ? 'to create' : 'created'}.`);
} catch (error) {
  console.error(`Provisioning stopped: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
