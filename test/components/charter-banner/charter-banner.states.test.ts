/** <charter-banner>: loading, errors, configuration and custom states. */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CharterBannerElement } from '../../../components/charter-banner/charter-banner.js';
import { configure } from '../../../src/config/index.js';
import {
  time,
  adapterWith,
  clientOf,
  settled,
  mountBanner,
  part,
  textOf,
  nextTask,
  recordStates,
  captureConsole,
  captureEvents,
  makeSeed,
  withOverrides,
} from './helpers.js';

describe('<charter-banner> loading, errors and configuration', () => {
  it('shows a localized loading state', async () => {
    let asked = false;
    const adapter = withOverrides(adapterWith(), {
      charter: () => {
        asked = true;
        return new Promise(() => {});
      },
    });
    const provider = await fixture(html`<relais-provider .client=${clientOf(adapter)}><charter-banner></charter-banner></relais-provider>`);
    const el = provider.querySelector('charter-banner')!;
    // The element has its client and asked for the charter: loading for the right reason.
    await waitUntil(() => asked, 'the charter was never asked for');
    await el.updateComplete;
    expect(el.state).to.equal('loading');
    expect(textOf(part(el, 'status'))).to.equal('Loading…');
    await expect(el).to.be.accessible();
  });

  it('on a failed load shows an error with a retry that loads again, and reports it once', async () => {
    const memory = adapterWith();
    let failing = true;
    const adapter = withOverrides(memory, { charter: () => (failing ? Promise.reject(new Error('HTTP 500')) : memory.charter()) });
    const errors = captureConsole('error');
    const { events, restore } = captureEvents('relais-error');
    let el: CharterBannerElement;
    try {
      el = await mountBanner(clientOf(adapter));
      expect(el.state).to.equal('error');
      // Renders again, as any element does many times: the error is still reported once.
      el.requestUpdate();
      await el.updateComplete;
      el.requestUpdate();
      await el.updateComplete;
    } finally {
      errors.restore();
      restore();
    }
    expect(events.map((event) => event.detail.code)).to.deep.equal(['unavailable']);
    expect(events[0]!.detail.message).to.equal('HTTP 500');
    expect(errors.calls).to.have.length(1);
    expect(textOf(part(el, 'error'))).to.equal('This could not be loaded.');
    await expect(el).to.be.accessible();

    failing = false;
    part(el, 'retry-button')!.click();
    await settled(el, 'prompt');
  });

  it('keeps the keyboard at the element when "Try again" is pressed and the error gives way', async () => {
    const memory = adapterWith();
    let failing = true;
    const adapter = withOverrides(memory, { charter: () => (failing ? Promise.reject(new Error('HTTP 503')) : memory.charter()) });
    const errors = captureConsole('error');
    let el: CharterBannerElement;
    try {
      el = await mountBanner(clientOf(adapter));
      await settled(el, 'error');
    } finally {
      errors.restore();
    }
    failing = false;
    part(el, 'retry-button')!.focus();
    await sendKeys({ press: 'Enter' });
    await settled(el, 'prompt');
    // Not lost to <body>: the next Tab continues from the element's place in the page.
    const focusOnHost = document.activeElement === el;
    expect(focusOnHost, `focus is on ${document.activeElement?.localName}`).to.equal(true);
    await sendKeys({ press: 'Tab' });
    const firstControl = el.shadowRoot!.activeElement === part(el, 'read-button');
    expect(firstControl, 'Tab goes to the first control of the prompt').to.equal(true);
  });

  it('on invalid data says so, names the field in one console error and in relais-error', async () => {
    const adapter = withOverrides(adapterWith(), { charter: async () => ({ ...makeSeed().charter, version: 'two' }) as never });
    const errors = captureConsole('error');
    let el: CharterBannerElement;
    const { events, restore } = captureEvents('relais-error');
    try {
      el = await mountBanner(clientOf(adapter));
      await waitUntil(() => events.length > 0, 'no relais-error');
    } finally {
      errors.restore();
      restore();
    }
    const detail = events[0]?.detail;
    expect(el.state).to.equal('error');
    expect(textOf(part(el, 'error'))).to.equal('The data received is not valid.');
    expect(detail).to.include({ code: 'invalid-data', field: 'version' });
    expect(errors.calls).to.have.length(1);
    expect(errors.calls[0]).to.contain('version');
  });

  it('shows employees a short neutral "not configured" sentence, and gives developers the how-to in the console and in relais-error', async () => {
    const warnings = captureConsole('warn');
    const { events, restore } = captureEvents('relais-error');
    let el: CharterBannerElement;
    try {
      el = await settled(await fixture<CharterBannerElement>(html`<charter-banner lang="fr"></charter-banner>`), 'not-configured');
    } finally {
      warnings.restore();
      restore();
    }
    const status = textOf(part(el, 'status'));
    expect(status).to.match(/configurée?/);
    expect(status, 'no developer instructions for employees').not.to.match(/provider|configure\(|data-adapter|<|\{/);
    expect(warnings.calls.filter((message) => message.includes('no data source is configured'))).to.have.length(1);
    expect(events.map((event) => event.detail.code)).to.deep.equal(['not-configured']);
    expect(events[0]!.detail.message).to.contain('Relais.configure').and.contain('data-adapter');
    await expect(el).to.be.accessible();
  });

  it('reads the page-wide client from Relais.configure', async () => {
    configure({ adapter: adapterWith(), clock: time.clock });
    const el = await settled(await fixture<CharterBannerElement>(html`<charter-banner mode="banner"></charter-banner>`));
    expect(el.state).to.equal('prompt');
  });
});

describe('<charter-banner> configured a little late', () => {
  const configureLater: [string, () => Promise<unknown>][] = [
    ['in a microtask', () => Promise.resolve()],
    ['after a setTimeout(0)', () => nextTask()],
  ];
  for (const [when, later] of configureLater) {
    it(`never says "not configured" (nor warns) when Relais.configure() comes ${when} after the element connected`, async () => {
      const warnings = captureConsole('warn');
      const el = document.createElement('charter-banner');
      const states = recordStates(el);
      try {
        document.body.append(el);
        await later();
        configure({ adapter: adapterWith(), clock: time.clock });
        await settled(el, 'prompt');
      } finally {
        warnings.restore();
        el.remove();
      }
      expect(states[0], 'rendered before the client came').to.equal('loading');
      expect(states).not.to.include('not-configured');
      expect(warnings.calls.filter((message) => message.includes('no data source is configured'))).to.deep.equal([]);
    });
  }

  it('with nothing configured, shows loading, then "not configured" with exactly one warning', async () => {
    const warnings = captureConsole('warn');
    const el = document.createElement('charter-banner');
    const states = recordStates(el);
    try {
      document.body.append(el);
      await settled(el, 'not-configured');
    } finally {
      warnings.restore();
      el.remove();
    }
    expect(states[0]).to.equal('loading');
    expect(states.at(-1)).to.equal('not-configured');
    expect(warnings.calls.filter((message) => message.includes('no data source is configured'))).to.have.length(1);
  });
});

describe('<charter-banner> custom states in older browsers', () => {
  type StateSetMethod = (this: CustomStateSet, name: string) => unknown;
  const proto = CustomStateSet.prototype as unknown as { add: StateSetMethod; delete: StateSetMethod };
  const { add, delete: remove } = proto;
  afterEach(() => {
    proto.add = add;
    proto.delete = remove;
  });

  it('falls back to "--" names where only those are accepted (Chromium before 125)', async () => {
    const added: string[] = [];
    const dashedOnly = (name: string) => {
      if (!name.startsWith('--')) throw new DOMException(`'${name}' is not a valid custom state`, 'SyntaxError');
    };
    proto.add = function (name) {
      dashedOnly(name);
      added.push(name);
      return this;
    };
    proto.delete = function (name) {
      dashedOnly(name);
      return true;
    };
    const el = await mountBanner(clientOf(adapterWith()));
    expect(el.state).to.equal('prompt');
    expect(part(el, 'banner')).not.to.equal(null);
    expect(added).to.include('--prompt');
  });

  it('keeps updating where custom states cannot be set at all (Firefox before 126, Safari before 17.4)', async () => {
    proto.add = () => {
      throw new TypeError('states.add is not a function');
    };
    const el = await mountBanner(clientOf(adapterWith()));
    expect(el.state).to.equal('prompt');
    part<HTMLInputElement>(el, 'checkbox')!.click();
    await el.updateComplete;
    part(el, 'acknowledge-button')!.click();
    await settled(el, 'acknowledged');
    expect(part(el, 'banner')).to.equal(null);
  });
});
