/** <charter-banner>: the redesign — every state accessible in light and dark, the disclosure, the lines that stay, the look of controls. */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import type { CharterBannerElement } from '../../../components/charter-banner/charter-banner.js';
import {
  ack,
  adapterWith,
  captureConsole,
  clientOf,
  expectFocusOn,
  focused,
  makeSeed,
  mountBanner,
  part,
  settled,
  textOf,
  withOverrides,
} from './helpers.js';

type Setup = { mode: string; data?: Parameters<typeof adapterWith>[0]; snooze?: boolean; failing?: boolean; expected: CharterBannerElement['state'] };

const SETUPS: Record<string, Setup> = {
  'banner, first time': { mode: 'banner', expected: 'prompt' },
  'banner, new version': { mode: 'banner', data: { acknowledgments: [ack(1, '2026-10-01T08:00:00Z')] }, expected: 'prompt' },
  'banner, renewal': { mode: 'banner', data: { acknowledgments: [ack(2, '2025-10-01T08:00:00Z')] }, expected: 'prompt' },
  'banner, load error': { mode: 'banner', failing: true, expected: 'error' },
  'inline, first time': { mode: 'inline', expected: 'prompt' },
  'inline, snoozed': { mode: 'inline', snooze: true, expected: 'snoozed' },
  'inline, acknowledged': { mode: 'inline', data: { acknowledgments: [ack(2, '2026-11-01T08:00:00Z')] }, expected: 'acknowledged' },
  'inline, not required': { mode: 'inline', data: { charter: { ...makeSeed().charter, requireAcknowledgment: false } }, expected: 'not-required' },
  'dialog, first time': { mode: 'dialog', expected: 'prompt' },
};

async function mountSetup(setup: Setup, theme: 'light' | 'dark'): Promise<CharterBannerElement> {
  const memory = adapterWith(setup.data);
  const adapter = setup.failing ? withOverrides(memory, { charter: () => Promise.reject(new Error('HTTP 503')) }) : memory;
  const el = await mountBanner(clientOf(adapter), () => html`<charter-banner mode=${setup.mode} theme=${theme}></charter-banner>`);
  if (setup.snooze) {
    part(el, 'snooze-button')!.click();
    await settled(el, 'snoozed');
  }
  return settled(el, setup.expected);
}

describe('<charter-banner> every state, light and dark', () => {
  afterEach(() => emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' }));

  for (const theme of ['light', 'dark'] as const) {
    for (const [name, setup] of Object.entries(SETUPS)) {
      it(`${name}, ${theme}: no axe violation`, async () => {
        const errors = captureConsole('error');
        try {
          const el = await mountSetup(setup, theme);
          await expect(el).to.be.accessible();
          if (setup.mode === 'dialog') part<HTMLDialogElement>(el, 'modal')!.close();
        } finally {
          errors.restore();
        }
      });
    }

    it(`the full text, ${theme}: no axe violation, and its acknowledgment stays in the footer`, async () => {
      const el = await mountBanner(clientOf(adapterWith()), () => html`<charter-banner theme=${theme}></charter-banner>`);
      part(el, 'read-button')!.click();
      const dialog = part<HTMLDialogElement>(el, 'dialog')!;
      expect(dialog.querySelector('[part~="acknowledge-button"]')).not.to.equal(null);
      await expect(el).to.be.accessible();
      dialog.close();
    });

    it(`loading and not configured, ${theme}: no axe violation`, async () => {
      const warnings = captureConsole('warn');
      try {
        const lone = await settled(await fixture<CharterBannerElement>(html`<charter-banner theme=${theme}></charter-banner>`), 'not-configured');
        await expect(lone).to.be.accessible();
      } finally {
        warnings.restore();
      }
      const adapter = withOverrides(adapterWith(), { charter: () => new Promise(() => {}) });
      const provider = await fixture(html`<relais-provider .client=${clientOf(adapter)}><charter-banner theme=${theme}></charter-banner></relais-provider>`);
      const loading = provider.querySelector('charter-banner')!;
      await loading.updateComplete;
      expect(loading.state).to.equal('loading');
      await expect(loading).to.be.accessible();
    });

    it(`« I confirm » is the one filled button, before and after the box is ticked, and « remind me later » is quieter, ${theme}`, async () => {
      await emulateMedia({ reducedMotion: 'reduce' });
      const el = await mountBanner(clientOf(adapterWith()), () => html`<charter-banner theme=${theme}></charter-banner>`);
      const button = part<HTMLButtonElement>(el, 'acknowledge-button')!;
      const filled = () => getComputedStyle(button).backgroundColor;
      expect(button.disabled).to.equal(false);
      expect(getComputedStyle(button).borderTopStyle).to.equal('solid');
      expect(filled(), 'filled before the box is ticked').not.to.equal('rgba(0, 0, 0, 0)');
      const before = filled();
      part<HTMLInputElement>(el, 'checkbox')!.click();
      await el.updateComplete;
      expect(filled(), 'the same after').to.equal(before);
      const snooze = getComputedStyle(part(el, 'snooze-button')!);
      expect(snooze.backgroundColor, 'not filled').to.equal('rgba(0, 0, 0, 0)');
      expect(Number(snooze.fontWeight), 'not bolder than the primary button').to.be.lessThan(Number(getComputedStyle(button).fontWeight));
    });
  }

  it('keeps motion short, and none under prefers-reduced-motion', async () => {
    const el = await mountBanner(clientOf(adapterWith()));
    const marker = () => getComputedStyle(part(el, 'details')!.querySelector('summary .icon')!);
    expect(parseFloat(marker().transitionDuration)).to.be.greaterThan(0);
    expect(parseFloat(marker().transitionDuration)).to.be.at.most(0.2);
    expect(getComputedStyle(part(el, 'acknowledge-button')!).transitionDuration, 'colours change at once').to.equal('0s');
    await emulateMedia({ reducedMotion: 'reduce' });
    expect(marker().transitionDuration).to.equal('0s');
  });
});

describe('<charter-banner> short first, details on demand', () => {
  it('keeps the summary and the change note behind a disclosure that the keyboard opens', async () => {
    const el = await mountBanner(clientOf(adapterWith({ acknowledgments: [ack(1, '2026-10-01T08:00:00Z')] })));
    const details = part<HTMLDetailsElement>(el, 'details')!;
    expect(details.open).to.equal(false);
    expect(part(el, 'summary')!.checkVisibility(), 'hidden').to.equal(false);
    expect(textOf(details.querySelector('summary'))).to.equal('Summary, changes');
    details.querySelector('summary')!.focus();
    await sendKeys({ press: 'Enter' });
    expect(details.open).to.equal(true);
    expect(part(el, 'summary')!.checkVisibility()).to.equal(true);
    expect(part(el, 'change-note')!.checkVisibility()).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('shows no label above the title that repeats it: the region’s name is for screen readers only', async () => {
    const el = await mountBanner(clientOf(adapterWith()), () => html`<charter-banner lang="fr"></charter-banner>`);
    const name = el.shadowRoot!.getElementById('charter-eyebrow')!;
    expect(name.getBoundingClientRect().width).to.be.at.most(1);
    expect(textOf(part(el, 'title'))).to.equal('Charte des réseaux sociaux');
  });
});

describe('<charter-banner> never vanishes from an article', () => {
  it('snoozed in inline mode, keeps one line that says until when, with a way to read the charter', async () => {
    const el = await mountBanner(clientOf(adapterWith()), () => html`<charter-banner mode="inline"></charter-banner>`);
    part(el, 'snooze-button')!.click();
    await settled(el, 'snoozed');
    expect(textOf(part(el, 'snoozed'))).to.equal('Reminder postponed until November 25, 2026. — Read the charter');
    part(el, 'reread-button')!.click();
    expect(part<HTMLDialogElement>(el, 'dialog')!.open).to.equal(true);
    await expect(el).to.be.accessible();
  });
});

describe('<charter-banner> acknowledging from the full text', () => {
  it('ticks and confirms in the full text’s footer with the keyboard; the dialog closes and the keyboard goes to the confirmation', async () => {
    const el = await mountBanner(clientOf(adapterWith()));
    part(el, 'read-button')!.focus();
    await sendKeys({ press: 'Enter' });
    const dialog = part<HTMLDialogElement>(el, 'dialog')!;
    expectFocusOn(el, 'body');
    await sendKeys({ press: 'Tab' });
    expect(textOf(focused(el)), 'Close comes right after the text').to.equal('Close');
    await sendKeys({ press: 'Tab' });
    expect(focused(el) === dialog.querySelector('[part~="checkbox"]'), 'then the checkbox of the footer').to.equal(true);
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    await sendKeys({ press: 'Tab' });
    expect(focused(el) === dialog.querySelector('[part~="acknowledge-button"]')).to.equal(true);
    await sendKeys({ press: 'Enter' });
    await settled(el, 'acknowledged');
    expect(dialog.open).to.equal(false);
    await waitUntil(() => focused(el) === part(el, 'confirmation'), `focus on ${document.activeElement?.localName}`);
    expect(textOf(part(el, 'confirmation'))).to.equal('Thank you, your acknowledgment is recorded.');
  });
});

describe('<charter-banner> type', () => {
  it('uses the system’s UI font on a plain page, a font stack from --relais-font-family, and the page’s font with font-family: inherit', async () => {
    const box = await fixture<HTMLDivElement>(html`<div style="font-family: Georgia, serif">
      <relais-provider .client=${clientOf(adapterWith())}>
        <charter-banner id="plain"></charter-banner>
        <charter-banner id="stack" style="--relais-font-family: Verdana, sans-serif"></charter-banner>
        <charter-banner id="page" style="font-family: inherit"></charter-banner>
      </relais-provider>
    </div>`);
    const font = (id: string) => getComputedStyle(part(box.querySelector<CharterBannerElement>(`#${id}`)!, 'read-button')!).fontFamily;
    await settled(box.querySelector<CharterBannerElement>('#page')!, 'prompt');
    expect(font('plain')).to.match(/^system-ui/);
    expect(font('stack')).to.equal('Verdana, sans-serif');
    expect(font('page')).to.equal('Georgia, serif');
  });
});
