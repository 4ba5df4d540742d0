// `npm run build:sharepoint`: the SPFx solution for site owners, relais.sppkg, built with
// Microsoft's own SPFx toolchain (Heft and the SPFx web build rig) from integrations/sharepoint/spfx.
//
// 1. builds Relais (`node scripts/build.mjs`): the SPFx project takes it as `relais: file:../../..`;
// 2. installs the SPFx project's dependencies (its own package.json and lockfile) when missing;
// 3. runs `heft build` and `heft package-solution` (production) under Node 22, which SPFx 1.22+
//    asks for, through `npx -y -p node@22` when the running Node is another major;
// 4. checks the package: unzips relais.sppkg and asserts that its component manifests list the
//    Relais web part and the Relais charter application customizer (ids from their manifests, titles),
//    printing what it found, with the package's size and the build's time;
// 5. runs the package's JavaScript, as read from the .sppkg, in headless Chromium: stand-ins for
//    SharePoint's modules (the SPFx loader's `define`, the base classes, the page context and
//    SPHttpClient) and the repository's SharePoint REST test server (test/fixtures) holding the
//    demo data; the web part (share card, leaderboard, composer, and lists on another site through a
//    <relais-provider>) and the application customizer (Top placeholder) must each render their
//    prefixed Relais element in a ready state. This is
//    not SharePoint Online: it shows that the bundle loads, registers its elements and reads the
//    lists through SharePointAdapter, not how SharePoint's own loader and page host it.
//
// Not part of `npm test`: it needs Node 22, a ~1 GB install and a few minutes.
// Options: --skip-root (dist/ is already built), --skip-install, --check-only (check an existing
// .sppkg), --no-smoke (skip step 5; it also skips itself, saying so, when no Chrome is found).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:http';
import { inflateRawSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const spfx = join(root, 'integrations', 'sharepoint', 'spfx');
const sppkg = join(spfx, 'sharepoint', 'solution', 'relais.sppkg');
const args = new Set(process.argv.slice(2));
const started = Date.now();

/** Runs a command, echoing it; exits with its status when it fails. */
function run(command, commandArgs, cwd) {
  console.log(`\n> ${command} ${commandArgs.join(' ')}   (in ${cwd === root ? '.' : cwd.slice(root.length + 1)})`);
  const { status, error } = spawnSync(command, commandArgs, { cwd, stdio: 'inherit', shell: process.platform === 'win32' });
  if (status !== 0) {
    console.error(`build:sharepoint: \`${command} ${commandArgs.join(' ')}\` failed${error ? `: ${error.message}` : ` (exit code ${status})`}.`);
    process.exit(1);
  }
}

/** The command line that runs `args` under Node 22: this Node when it is 22, else the `node@22` package through npx. */
function node22(commandArgs) {
  if (process.versions.node.split('.')[0] === '22') return [commandArgs[0], commandArgs.slice(1)];
  return ['npx', ['-y', '-p', 'node@22', ...commandArgs]];
}

const seconds = (ms) => `${(ms / 1000).toFixed(0)} s`;

if (!args.has('--check-only')) {
  if (!args.has('--skip-root')) run('node', ['scripts/build.mjs'], root);
  else if (!existsSync(join(root, 'dist', 'relais.js'))) {
    console.error('build:sharepoint: dist/ is missing; run without --skip-root.');
    process.exit(1);
  }

  const heftBin = join(spfx, 'node_modules', '@rushstack', 'heft', 'bin', 'heft');
  if (!args.has('--skip-install') && !existsSync(heftBin)) {
    const t = Date.now();
    const install = existsSync(join(spfx, 'package-lock.json')) ? ['ci'] : ['install'];
    run(...node22(['npm', ...install, '--no-audit', '--no-fund']), spfx);
    console.log(`SPFx dependencies installed in ${seconds(Date.now() - t)}.`);
  }
  if (!existsSync(heftBin)) {
    console.error('build:sharepoint: Heft is not installed in integrations/sharepoint/spfx (run without --skip-install).');
    process.exit(1);
  }

  const t = Date.now();
  run(...node22(['node', heftBin, 'build', '--clean', '--production']), spfx);
  run(...node22(['node', heftBin, 'package-solution', '--production']), spfx);
  console.log(`Heft build and package-solution took ${seconds(Date.now() - t)}.`);
}

// ---- The check: unzip the .sppkg (a zip, an Open Packaging Conventions package) and read its manifests.

/** The entries of a zip file, by name: the central directory, then each local entry (stored or deflated). */
function unzip(buffer) {
  let eocd = buffer.length - 22;
  while (eocd >= 0 && buffer.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip file (no end of central directory)');
  const count = buffer.readUInt16LE(eocd + 10);
  let at = buffer.readUInt32LE(eocd + 16);
  const entries = new Map();
  for (let i = 0; i < count; i++) {
    if (buffer.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory entry');
    const method = buffer.readUInt16LE(at + 10);
    const compressedSize = buffer.readUInt32LE(at + 20);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    const localHeader = buffer.readUInt32LE(at + 42);
    const name = buffer.toString('utf8', at + 46, at + 46 + nameLength);
    const dataStart = localHeader + 30 + buffer.readUInt16LE(localHeader + 26) + buffer.readUInt16LE(localHeader + 28);
    const data = buffer.subarray(dataStart, dataStart + compressedSize);
    entries.set(name, method === 0 ? data : method === 8 ? inflateRawSync(data) : undefined);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

const decodeXml = (s) =>
  s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n))).replace(/&amp;/g, '&');

/** A manifest's id, from the JSON-with-comments source. */
function manifestId(path) {
  const id = /"id"\s*:\s*"([0-9a-f-]{36})"/i.exec(readFileSync(join(spfx, path), 'utf8'))?.[1];
  if (!id) throw new Error(`no id in ${path}`);
  return id.toLowerCase();
}

if (!existsSync(sppkg)) {
  console.error(`build:sharepoint: ${sppkg} was not produced.`);
  process.exit(1);
}
const webPartId = manifestId('src/webparts/relais/RelaisWebPart.manifest.json');
const customizerId = manifestId('src/extensions/relaisCharter/RelaisCharterApplicationCustomizer.manifest.json');
const entries = unzip(readFileSync(sppkg));
const texts = [...entries].filter(([name, data]) => data && /\.xml$/i.test(name)).map(([name, data]) => [name, data.toString('utf8')]);

// Each component's manifest travels as JSON in a ComponentManifest attribute of a ClientSideComponent element.
const manifests = [];
for (const [name, xml] of texts) {
  for (const match of xml.matchAll(/ComponentManifest="([^"]*)"/g)) {
    manifests.push({ file: name, manifest: JSON.parse(decodeXml(match[1])) });
  }
}
const appManifest = texts.find(([name]) => /(^|\/)AppManifest\.xml$/i.test(name))?.[1] ?? '';
const appTitle = /<Title>([^<]*)<\/Title>/.exec(appManifest)?.[1];

console.log(`\n${sppkg.slice(root.length + 1)}: ${(statSync(sppkg).size / 1024).toFixed(1)} KB, ${entries.size} entries`);
console.log(`  AppManifest.xml: title ${JSON.stringify(appTitle)}`);
for (const { file, manifest } of manifests) {
  const title = manifest.preconfiguredEntries?.[0]?.title?.default;
  console.log(`  ${file}: ${manifest.componentType}${manifest.extensionType ? `/${manifest.extensionType}` : ''} ${manifest.alias} id ${manifest.id} version ${manifest.version}${title ? ` title ${JSON.stringify(title)}` : ''}`);
}
// The customizer's title is the one site owners see: that of its CustomAction and tenant-wide instance.
const customizerTitles = [];
for (const [name, xml] of texts) {
  for (const match of xml.matchAll(/<(CustomAction|ClientSideComponentInstance)\b([^>]*)>/g)) {
    const attrs = Object.fromEntries([...match[2].matchAll(/(\w+)="([^"]*)"/g)].map(([, k, v]) => [k, decodeXml(v)]));
    const id = (attrs.ClientSideComponentId ?? attrs.ComponentId ?? '').toLowerCase();
    console.log(`  ${name}: ${match[1]} ${JSON.stringify(attrs.Title)} at ${attrs.Location} for ${id} properties ${attrs.ClientSideComponentProperties ?? attrs.Properties}`);
    if (id === customizerId) customizerTitles.push(attrs.Title);
  }
}

const problems = [];
const webPart = manifests.find(({ manifest }) => manifest.id?.toLowerCase() === webPartId)?.manifest;
if (!webPart) problems.push(`no manifest for the web part ${webPartId}`);
else {
  if (webPart.componentType !== 'WebPart') problems.push(`the web part's manifest says componentType ${webPart.componentType}`);
  if (webPart.preconfiguredEntries?.[0]?.title?.default !== 'Relais') problems.push('the web part is not titled "Relais"');
}
const customizer = manifests.find(({ manifest }) => manifest.id?.toLowerCase() === customizerId)?.manifest;
if (!customizer) problems.push(`no manifest for the application customizer ${customizerId}`);
else if (customizer.componentType !== 'Extension' || customizer.extensionType !== 'ApplicationCustomizer') {
  problems.push(`the customizer's manifest says ${customizer.componentType}/${customizer.extensionType}`);
}
if (!customizerTitles.includes('Relais charter')) problems.push('no CustomAction or ClientSideComponentInstance titled "Relais charter" for the customizer');
if (![...entries.keys()].some((name) => /ClientSideAssets\/.*\.js$/.test(name))) problems.push('no JavaScript in ClientSideAssets (includeClientSideAssets)');

if (problems.length) {
  console.error(`\nbuild:sharepoint: relais.sppkg is not as expected:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(`\nrelais.sppkg lists the web part "Relais" (${webPartId}) and the application customizer "Relais charter" (${customizerId}).`);

// ---- 5. The smoke run in Chromium.

if (args.has('--no-smoke')) {
  console.log('\nSmoke run skipped (--no-smoke).');
} else {
  const { findChrome } = await import('./find-chrome.mjs');
  const chrome = findChrome();
  if (!chrome) console.log('\nSmoke run NOT done: no Chrome or Chromium found (set CHROME_PATH).');
  else await smokeRun(chrome);
}
console.log(`\nrelais.sppkg ${args.has('--check-only') ? 'checked' : 'built and checked'} in ${seconds(Date.now() - started)}.`);

/** Serves the package's ClientSideAssets and a page that hosts its two components with stand-ins; asserts what they render. */
async function smokeRun(executablePath) {
  const { default: puppeteer } = await import('puppeteer-core');
  const { sharePointServerPlugin } = await import('../test/fixtures/sharepoint-server-plugin.mjs');
  const seed = JSON.parse(readFileSync(join(root, 'demo', 'data', 'advocacy.json'), 'utf8'));
  const bundle = [...entries.keys()].find((name) => /^ClientSideAssets\/relais_[0-9a-f]+\.js$/.test(name));
  if (!bundle) fail('no relais_<hash>.js bundle in ClientSideAssets');
  const strings = (name) => readFileSync(join(spfx, 'src', name), 'utf8');

  const assets = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname).slice(1);
    const body = path === 'page.html' ? page : entries.get(path);
    if (!body) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': path.endsWith('.html') ? 'text/html; charset=utf-8' : 'text/javascript; charset=utf-8' }).end(body);
  });
  await new Promise((resolve) => assets.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${assets.address().port}`;
  const sharePoint = sharePointServerPlugin();
  const { url: site } = await sharePoint.executeCommand({ command: 'sp-server-reset', payload: { seed, now: '2026-11-16T10:00:00Z', origin } });
  const viewer = seed.viewer;
  const item = seed.shareables.find((s) => s.category === 'product' && !s.expiresAt);
  const otherSite = site.replace('127.0.0.1', 'localhost'); // the same test server under another name: "another site"

  // The SPFx loader gives the bundle its dependencies through AMD `define`; these stand-ins offer
  // what the two components use, as the ES5 classes and enums SharePoint's modules are.
  const page = `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><title>Relais SPFx smoke run</title>
<div id="top"></div><main><div id="wp-card"></div><div id="wp-board"></div><div id="wp-composer"></div><div id="wp-other-site"></div></main>
<script>
  const loc = {};
  function define(_deps, factory) { loc.value = factory(); } // the loc files' AMD form, read in turn
  ${strings('webparts/relais/loc/en-us.js')}
  const webPartStrings = loc.value;
  ${strings('extensions/relaisCharter/loc/en-us.js')}
  const charterStrings = loc.value;
  function BaseClientSideWebPart() { this.domElement = null; this.properties = {}; }
  function BaseApplicationCustomizer() { this.properties = {}; }
  const modules = {
    '@microsoft/sp-core-library': { Version: { parse: (v) => ({ v }) }, Log: { info() {}, warn(...a) { console.warn(...a); }, error(...a) { console.error(...a); } } },
    '@microsoft/sp-property-pane': { PropertyPaneDropdown: (p, o) => ({ p, o }), PropertyPaneTextField: (p, o) => ({ p, o }) },
    '@microsoft/sp-webpart-base': { BaseClientSideWebPart },
    '@microsoft/sp-http': { SPHttpClient: { configurations: { v1: {} } } },
    '@microsoft/sp-component-base': { ThemeProvider: { serviceKey: 'ThemeProvider' } },
    '@microsoft/sp-application-base': { BaseApplicationCustomizer, PlaceholderName: { Top: 1, Bottom: 2 } },
    RelaisWebPartStrings: webPartStrings,
    RelaisCharterStrings: charterStrings,
  };
  window.define = (deps, factory) => { window.relaisBundle = factory(...deps.map((d) => { if (!(d in modules)) throw new Error('no stand-in for ' + d); return modules[d]; })); };
  window.define.amd = {};
  window.spfxContext = {
    pageContext: {
      web: { absoluteUrl: ${JSON.stringify(site)} },
      user: { loginName: ${JSON.stringify(viewer.id)}, displayName: ${JSON.stringify(viewer.displayName)} },
      cultureInfo: { currentUICultureName: 'fr-FR' },
    },
    spHttpClient: { fetch: (url, _configuration, init) => fetch(url, init) },
    // A light site theme, as most are: the elements take it rather than the reader's system scheme.
    serviceScope: { consume: (key) => (key === 'ThemeProvider' ? { tryGetTheme: () => ({ isInverted: false }) } : undefined) },
    placeholderProvider: {
      placeholderNames: [1],
      changedEvent: { add() {}, remove() {} },
      tryCreateContent: (name) => (name === 1 ? { domElement: document.getElementById('top'), dispose() {} } : undefined),
    },
  };
</script>
<script src="/${bundle}"></script>`;

  const browser = await puppeteer.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  const problems = [];
  try {
    const tab = await browser.newPage();
    tab.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    // Failed loads are reported with their address below; other console errors are problems.
    tab.on('console', (message) => message.type() === 'error' && !message.text().startsWith('Failed to load resource') && problems.push(`console error: ${message.text()}`));
    // The package's own files and SharePoint's answers must load; the demo data's images live on
    // hosts that do not exist here (noted, not counted).
    const ours = (url) => [origin, new URL(site).origin, new URL(otherSite).origin].some((o) => url.startsWith(o));
    const elsewhere = new Set();
    tab.on('requestfailed', (request) => (ours(request.url()) ? problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`) : elsewhere.add(new URL(request.url()).host)));
    tab.on('response', (response) => response.status() >= 400 && ours(response.url()) && problems.push(`HTTP ${response.status()}: ${response.url()}`));
    await tab.goto(`${origin}/page.html`);
    const exportNames = { webPart: manifestExport(webPartId), customizer: manifestExport(customizerId) };
    /* global window, document, customElements -- the function below runs in the page */
    const found = await tab.evaluate(async ({ exportNames, itemId, otherSite }) => {
      const bundle = window.relaisBundle;
      // As SharePoint's loader does: the manifest's exportName, then the module's default export.
      const WebPart = bundle[exportNames.webPart].default;
      const Customizer = bundle[exportNames.customizer].default;
      const mountWebPart = (id, properties) => {
        const webPart = new WebPart();
        webPart.domElement = document.getElementById(id);
        webPart.context = window.spfxContext;
        webPart.properties = { show: 'share-card', item: '', category: '', mode: 'ranking', period: 'month', network: 'linkedin', siteUrl: '', ...properties };
        webPart.render();
        return webPart.getPropertyPaneConfiguration().pages[0].groups[0].groupFields.map((f) => f.p);
      };
      const paneFields = {
        card: mountWebPart('wp-card', { show: 'share-card', item: itemId }),
        board: mountWebPart('wp-board', { show: 'leaderboard', mode: 'ranking', period: 'all' }),
        composer: mountWebPart('wp-composer', { show: 'composer' }),
        // Lists on another site than the page default's.
        otherSite: mountWebPart('wp-other-site', { show: 'leaderboard', period: 'all', siteUrl: otherSite }),
      };
      const customizer = new Customizer();
      customizer.context = window.spfxContext;
      customizer.properties = { siteUrl: '', mode: 'banner' };
      await customizer.onInit();
      const STATES = ['loading', 'error', 'not-configured', 'not-found', 'expired', 'scheduled', 'ready', 'empty', 'gated', 'blocked', 'shared', 'waiting', 'pass', 'warn', 'block', 'prompt', 'snoozed', 'acknowledged', 'not-required'];
      const read = (host) => {
        let el = document.getElementById(host).firstElementChild;
        // A component whose lists are on another site holds its element in a <relais-…-relais-provider>.
        const provider = el?.localName.endsWith('-relais-provider') ? el.localName : undefined;
        if (provider) el = el.firstElementChild;
        if (!el) return { tag: null, provider };
        const state = STATES.find((s) => el.matches(':state(' + s + ')'));
        return { tag: el.localName, provider, defined: !!customElements.get(el.localName), state, theme: el.getAttribute('theme'), text: (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim() };
      };
      const settled = (r) => r.state && r.state !== 'loading';
      const hosts = ['top', 'wp-card', 'wp-board', 'wp-composer', 'wp-other-site'];
      for (let i = 0; i < 100 && !hosts.map(read).every(settled); i++) await new Promise((r) => setTimeout(r, 100));
      return { paneFields, results: Object.fromEntries(hosts.map((h) => [h, read(h)])) };
    }, { exportNames, itemId: item.id, otherSite });
    const expected = {
      top: { tag: 'charter-banner', states: ['prompt'], text: seed.charter.title },
      'wp-card': { tag: 'share-card', states: ['ready', 'gated'], text: item.title },
      'wp-board': { tag: 'ambassador-leaderboard', states: ['ready'] },
      'wp-composer': { tag: 'post-composer-guard', states: ['waiting', 'pass'] },
      'wp-other-site': { tag: 'ambassador-leaderboard', states: ['ready'], provider: true },
    };
    console.log('\nSmoke run (the .sppkg\'s JavaScript in headless Chromium, SharePoint stand-ins, the SharePoint REST test server):');
    console.log(`  property pane fields: share card ${found.paneFields.card.join(', ')}; leaderboard ${found.paneFields.board.join(', ')}; composer ${found.paneFields.composer.join(', ')}`);
    for (const [host, want] of Object.entries(expected)) {
      const got = found.results[host];
      console.log(`  ${host === 'top' ? 'Top placeholder' : `web part #${host}`}: ${got.provider ? `<${got.provider}> holding ` : ''}<${got.tag}> ${got.defined ? 'defined' : 'NOT defined'}, state ${got.state}, theme ${got.theme}${got.text ? `: "${got.text.slice(0, 70)}…"` : ''}`);
      if (!got.tag?.endsWith(`-${want.tag}`) || !/^relais-[a-z0-9]+-/.test(got.tag)) problems.push(`${host}: expected a prefixed <relais-…-${want.tag}>, found <${got.tag}>`);
      if (!got.defined) problems.push(`${host}: <${got.tag}> is not defined`);
      // The site theme (light here), not the reader's system scheme.
      if (got.theme !== 'light') problems.push(`${host}: theme ${got.theme}, expected the site theme's light`);
      if (!!want.provider !== !!got.provider) problems.push(`${host}: ${want.provider ? 'expected' : 'did not expect'} a <relais-provider> (lists on another site than the page default's)`);
      if (!want.states.includes(got.state)) problems.push(`${host}: state ${got.state}, expected ${want.states.join(' or ')}`);
      if (want.text && !got.text.includes(want.text.replace(/\s+/g, ' '))) problems.push(`${host}: does not show "${want.text}"`);
    }
    if (elsewhere.size) console.log(`  (images of the demo data not loaded, their hosts are not reachable here: ${[...elsewhere].join(', ')})`);
  } finally {
    await browser.close();
    assets.close();
    await sharePoint.serverStop();
  }
  if (problems.length) fail(`the smoke run found problems:\n- ${problems.join('\n- ')}`);
  console.log('  Smoke run passed.');
}

/** The export name of a component in the bundle, from the manifest the build wrote (dist/<id>.manifest.json). */
function manifestExport(id) {
  return JSON.parse(readFileSync(join(spfx, 'dist', `${id}.manifest.json`), 'utf8')).loaderConfig.exportName;
}

function fail(message) {
  console.error(`\nbuild:sharepoint: ${message}`);
  process.exit(1);
}
