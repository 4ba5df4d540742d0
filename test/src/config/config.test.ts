import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement, html as litHtml } from 'lit';
import '../../../components/relais-provider/relais-provider.define.js';
import type { RelaisProviderElement } from '../../../components/relais-provider/relais-provider.js';
import { MemoryAdapter } from '../../../src/adapters/memory-adapter.js';
import { $pageClient, configure, configureFromDocument, readDeclarativeConfig, registerBuiltInAdapters, reportNotConfigured, resetConfiguration } from '../../../src/config/index.js';
import { ClientController } from '../../../src/context/index.js';
import { resolveLocale } from '../../../src/i18n/index.js';
import { makeSeed } from '../../fixtures/seed.js';

// What the script-tag bundle does at start: data-adapter="static" and "memory" are known.
registerBuiltInAdapters();

/** A minimal element that shows which source it reads: the charter title of its client. */
class ProbeElement extends LitElement {
  readonly clients = new ClientController(this);
  readonly charter = this.clients.bind((client) => client.$charter);
  protected override render() {
    const charter = this.charter.value;
    if (!this.clients.client) return litHtml`not configured`;
    return litHtml`${charter?.status === 'ready' ? charter.value.title : 'loading'}`;
  }
}
customElements.define('config-probe', ProbeElement);

const adapterWithTitle = (title: string) => new MemoryAdapter({ data: makeSeed({ charter: { ...makeSeed().charter, title } }), viewer: { id: 'p-1', displayName: 'Camille' } });

async function titleOf(probe: ProbeElement, expected: string) {
  await waitUntil(() => probe.shadowRoot?.textContent === expected, `expected "${expected}", saw "${probe.shadowRoot?.textContent}"`, { timeout: 3000 });
}

function scriptWith(attributes: Record<string, string>): HTMLScriptElement {
  const script = document.createElement('script');
  for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value);
  return script;
}

describe('configuration precedence', () => {
  afterEach(() => {
    resetConfiguration();
    document.getElementById('relais-config')?.remove();
  });

  it('shows "not configured" when nothing is configured, and says how to configure once per page', async () => {
    const warnings: unknown[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args[0]);
    try {
      reportNotConfigured();
      reportNotConfigured();
    } finally {
      console.warn = original;
    }
    expect(warnings).to.have.length(1);
    expect(String(warnings[0])).to.contain('data-adapter="static"').and.contain('Relais.configure');
    const probe = await fixture<ProbeElement>(html`<config-probe></config-probe>`);
    expect(probe.shadowRoot?.textContent).to.equal('not configured');
  });

  it('uses the page-wide client from Relais.configure', async () => {
    configure({ adapter: adapterWithTitle('Charte de la page') });
    const probe = await fixture<ProbeElement>(html`<config-probe></config-probe>`);
    await titleOf(probe, 'Charte de la page');
  });

  it('lets a <relais-provider> ancestor win over Relais.configure, for the elements inside it only', async () => {
    configure({ adapter: adapterWithTitle('Charte de la page') });
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <relais-provider .adapter=${adapterWithTitle('Charte du fournisseur')}><config-probe id="inside"></config-probe></relais-provider>
      <config-probe id="outside"></config-probe>
    </div>`);
    await titleOf(wrapper.querySelector<ProbeElement>('#inside')!, 'Charte du fournisseur');
    await titleOf(wrapper.querySelector<ProbeElement>('#outside')!, 'Charte de la page');
  });

  it('follows the provider when its adapter changes', async () => {
    const provider = await fixture<RelaisProviderElement>(html`<relais-provider .adapter=${adapterWithTitle('Première')}><config-probe></config-probe></relais-provider>`);
    const probe = provider.querySelector<ProbeElement>('config-probe')!;
    await titleOf(probe, 'Première');
    provider.adapter = adapterWithTitle('Seconde');
    await titleOf(probe, 'Seconde');
  });

  it('lets Relais.configure win over the script tag configuration, whichever comes first', async () => {
    configure({ adapter: adapterWithTitle('Configurée') });
    const block = Object.assign(document.createElement('script'), { type: 'application/json', id: 'relais-config', textContent: JSON.stringify({ adapter: 'memory', data: makeSeed({ charter: { ...makeSeed().charter, title: 'Déclarée' } }) }) });
    document.body.append(block);
    configureFromDocument(null);
    const probe = await fixture<ProbeElement>(html`<config-probe></config-probe>`);
    await titleOf(probe, 'Configurée');
    resetConfiguration();
    configureFromDocument(null);
    await titleOf(probe, 'Déclarée');
  });

  it('reads data-adapter, data-src, data-lang and the viewer from the script tag', () => {
    const script = scriptWith({ 'data-adapter': 'static', 'data-src': '/advocacy.json', 'data-lang': 'fr', 'data-viewer-id': 'p-7', 'data-viewer-name': 'Inès Moreau' });
    expect(readDeclarativeConfig(script)).to.deep.equal({
      adapter: 'static',
      src: '/advocacy.json',
      endpoint: undefined,
      site: undefined,
      lang: 'fr',
      viewer: { id: 'p-7', displayName: 'Inès Moreau', team: undefined },
      sampleViewer: false,
    });
  });

  it('takes the data document’s sample viewer only where the script tag asks for it: data-viewer="sample"', () => {
    expect(readDeclarativeConfig(scriptWith({ 'data-adapter': 'static', 'data-src': '/a.json' }))?.sampleViewer).to.equal(false);
    expect(readDeclarativeConfig(scriptWith({ 'data-adapter': 'static', 'data-src': '/a.json', 'data-viewer': 'sample' }))?.sampleViewer).to.equal(true);
    expect(readDeclarativeConfig(scriptWith({ 'data-adapter': 'static', 'data-src': '/a.json', 'data-viewer': 'yes' }))?.sampleViewer).to.equal(false);
  });

  it('prefers the script tag attributes to the JSON block, and reads the block when the tag has none', () => {
    const block = Object.assign(document.createElement('script'), { type: 'application/json', id: 'relais-config', textContent: '{"adapter":"static","src":"/from-block.json"}' });
    document.body.append(block);
    expect(readDeclarativeConfig(scriptWith({ 'data-adapter': 'static', 'data-src': '/from-tag.json' }))?.src).to.equal('/from-tag.json');
    expect(readDeclarativeConfig(scriptWith({}))?.src).to.equal('/from-block.json');
  });

  it('explains a malformed JSON block in the console and stays unconfigured instead of throwing', () => {
    const block = Object.assign(document.createElement('script'), { type: 'application/json', id: 'relais-config', textContent: '{ adapter: static }' });
    document.body.append(block);
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args[0]);
    try {
      expect(configureFromDocument(null)).to.equal(undefined);
    } finally {
      console.error = original;
    }
    expect(String(errors[0])).to.contain('#relais-config').and.contain('not valid JSON');
    expect($pageClient.get()).to.equal(undefined);
  });

  it('names the unknown adapter and the known ones', () => {
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args[0]);
    try {
      configureFromDocument(scriptWith({ 'data-adapter': 'graphql' }));
    } finally {
      console.error = original;
    }
    expect(String(errors[0])).to.contain('unknown adapter "graphql"').and.contain('static');
  });

  it('refuses Relais.configure without an adapter with a message that shows how', () => {
    expect(() => configure({} as never)).to.throw(TypeError, /needs an adapter/);
  });

  it('ranks the configured locale below any lang inside the page and above <html lang>', async () => {
    const html_ = document.documentElement;
    const before = html_.getAttribute('lang');
    html_.setAttribute('lang', 'en');
    try {
      const wrapper = await fixture<HTMLDivElement>(html`<div><span id="plain"></span><section lang="de"><span id="inner"></span></section></div>`);
      const plain = wrapper.querySelector('#plain')!;
      expect(resolveLocale(plain)).to.equal('en');
      configure({ adapter: adapterWithTitle('x'), locale: 'fr' });
      expect(resolveLocale(plain)).to.equal('fr');
      expect(resolveLocale(wrapper.querySelector('#inner')!)).to.equal('de');
      resetConfiguration();
      const script = scriptWith({ 'data-adapter': 'memory', 'data-lang': 'fr-CA' });
      const errors = console.error;
      console.error = () => undefined; // the memory adapter has no inline data here; only the language matters
      try {
        configureFromDocument(script);
      } finally {
        console.error = errors;
      }
      expect(resolveLocale(plain)).to.equal('fr-CA');
    } finally {
      if (before === null) html_.removeAttribute('lang');
      else html_.setAttribute('lang', before);
    }
  });

  it('turns a malformed <relais-provider src> into an error for the elements inside, never an exception in the page', async () => {
    const provider = await fixture<RelaisProviderElement>(html`<relais-provider src="http://["><config-probe></config-probe></relais-provider>`);
    const probe = provider.querySelector<ProbeElement>('config-probe')!;
    await waitUntil(() => probe.charter.value?.status === 'error', 'the probe never saw the error');
    expect(probe.charter.value?.error?.message).to.contain('relais-provider src="http://["').and.contain('not a valid URL');
  });
});
