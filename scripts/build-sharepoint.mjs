// `npm run build:sharepoint`: the SPFx solution for site owners, relais.sppkg, built with
// Microsoft's own SPFx toolchain (Heft and the SPFx web build rig) from integrations/sharepoint/spfx.
//
// 1. builds Relais (`node scripts/build.mjs`): the SPFx project takes it as `relais: file:../../..`;
// 2. installs the SPFx project's dependencies (its own package.json and lockfile) when missing;
// 3. runs `heft build` and `heft package-solution` (production) under Node 22, which SPFx 1.22+
//    asks for, through `npx -y -p node@22` when the running Node is another major;
// 4. checks the package: unzips relais.sppkg and asserts that its component manifests list the
//    Relais web part and the Relais charter application customizer (ids from their manifests, titles),
//    printing what it found, with the package's size and the build's time.
//
// Not part of `npm test`: it needs Node 22, a ~1 GB install and a few minutes.
// Options: --skip-root (dist/ is already built), --skip-install, --check-only (check an existing .sppkg).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
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
console.log(`\nrelais.sppkg lists the web part "Relais" (${webPartId}) and the application customizer "Relais charter" (${customizerId}). ${args.has('--check-only') ? 'Checked' : 'Built and checked'} in ${seconds(Date.now() - started)}.`);
