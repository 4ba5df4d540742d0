/** <charter-banner>: theming and layout. */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import type { CharterBannerElement } from '../../../components/charter-banner/charter-banner.js';
import {
  adapterWith,
  clientOf,
  ack,
  settled,
  mountBanner,
  part,
} from './helpers.js';

describe('<charter-banner> theming and layout', () => {
  afterEach(() => emulateMedia({ colorScheme: 'light' }));

  it('meets contrast in the forced dark theme', async () => {
    const el = await mountBanner(clientOf(adapterWith({ acknowledgments: [ack(1, '2026-10-01T08:00:00Z')] })), () => html`<charter-banner theme="dark"></charter-banner>`);
    expect(getComputedStyle(part(el, 'banner')!).backgroundColor).to.equal('rgb(28, 37, 53)');
    await expect(el).to.be.accessible();
  });

  it('follows prefers-color-scheme: dark unless forced light', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const el = await mountBanner(clientOf(adapterWith()), () => html`<charter-banner mode="inline"></charter-banner>`);
    expect(getComputedStyle(part(el, 'banner')!).backgroundColor).to.equal('rgb(28, 37, 53)');
    await expect(el).to.be.accessible();
    el.theme = 'light';
    await el.updateComplete;
    expect(getComputedStyle(part(el, 'banner')!).backgroundColor).to.equal('rgb(234, 241, 251)');
  });

  it('when sticky, makes room with scroll-padding-top while shown and removes it once hidden', async () => {
    const el = await mountBanner(clientOf(adapterWith()), () => html`<charter-banner sticky></charter-banner>`);
    expect(getComputedStyle(el).position).to.equal('sticky');
    const padding = () => document.documentElement.style.getPropertyValue('scroll-padding-top');
    await waitUntil(() => padding() === `${Math.ceil(el.getBoundingClientRect().height)}px`);
    part<HTMLInputElement>(el, 'checkbox')!.click();
    await el.updateComplete;
    part(el, 'acknowledge-button')!.click();
    await settled(el, 'acknowledged');
    expect(padding()).to.equal('');
  });

  it('exposes its state to CSS as a custom state', async () => {
    const el = await mountBanner(clientOf(adapterWith()));
    expect(el.matches(':state(prompt)')).to.equal(true);
    expect(el.matches(':state(acknowledged)')).to.equal(false);
  });
});

describe('<charter-banner> sticky scroll padding', () => {
  const padding = () => document.documentElement.style.getPropertyValue('scroll-padding-top');

  it('puts back the scroll-padding-top the page had once hidden', async () => {
    document.documentElement.style.setProperty('scroll-padding-top', '40px');
    const el = await mountBanner(clientOf(adapterWith()), () => html`<charter-banner sticky></charter-banner>`);
    await waitUntil(() => padding() === `${Math.ceil(el.getBoundingClientRect().height)}px`);
    part<HTMLInputElement>(el, 'checkbox')!.click();
    await el.updateComplete;
    part(el, 'acknowledge-button')!.click();
    await settled(el, 'acknowledged');
    expect(padding()).to.equal('40px');
  });

  it('with two sticky banners, pads for the taller and lets the last one out restore the page’s value', async () => {
    document.documentElement.style.setProperty('scroll-padding-top', '2rem', 'important');
    const page = await fixture(html`<div>
      <relais-provider .client=${clientOf(adapterWith())}><charter-banner sticky id="a"></charter-banner></relais-provider>
      <relais-provider .client=${clientOf(adapterWith())}><charter-banner sticky id="b" heading-level="3"></charter-banner></relais-provider>
    </div>`);
    const a = await settled(page.querySelector<CharterBannerElement>('#a')!, 'prompt');
    const b = await settled(page.querySelector<CharterBannerElement>('#b')!, 'prompt');
    const height = (el: Element) => Math.ceil(el.getBoundingClientRect().height);
    await waitUntil(() => padding() === `${Math.max(height(a), height(b))}px`, `padding ${padding()}`);
    a.remove();
    expect(padding(), 'the other one still covers the top').to.equal(`${height(b)}px`);
    b.remove();
    expect(padding()).to.equal('2rem');
    expect(document.documentElement.style.getPropertyPriority('scroll-padding-top')).to.equal('important');
  });
});
