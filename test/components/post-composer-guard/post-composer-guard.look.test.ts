/** <post-composer-guard>: light and dark — the kit's palette, readable text, severities in their colours. */
import { expect, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { PostComposerGuardElement } from '../../../components/post-composer-guard/post-composer-guard.js';
import { mount, part, parts, typeInto } from './helpers.js';

/** A draft with a finding of each severity (a suggestion among them) and no disclosure. */
const DRAFT = 'Le Projet Aurore avance malgré la grève : https://intranet.helioria.example/aurore';

/** The kit's palettes (components/shared/theme.styles.ts), as computed colours. */
const PALETTES = {
  light: {
    text: 'rgb(22, 33, 58)',
    surface: 'rgb(255, 255, 255)',
    accent: 'rgb(29, 78, 216)',
    block: 'rgb(180, 35, 24)',
    warn: 'rgb(138, 75, 0)',
    info: 'rgb(29, 78, 216)',
  },
  dark: {
    text: 'rgb(238, 242, 248)',
    surface: 'rgb(22, 27, 38)',
    accent: 'rgb(138, 180, 255)',
    block: 'rgb(255, 161, 152)',
    warn: 'rgb(242, 192, 75)',
    info: 'rgb(138, 180, 255)',
  },
};

/** WCAG's contrast ratio of two `rgb(…)` colours. */
function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r, g, b] = color.match(/\d+(\.\d+)?/g)!.slice(0, 3).map((channel) => {
      const c = Number(channel) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

/** Mounts a composer with `theme` on a page of the scheme's own background, and types the draft. */
async function mountDraft(theme: string | undefined, pageBackground: string): Promise<PostComposerGuardElement> {
  const el = await mount(html`<post-composer-guard theme=${ifDefined(theme)} style="background: ${pageBackground}"></post-composer-guard>`);
  await typeInto(el, DRAFT);
  expect(el.state).to.equal('block');
  return el;
}

/** Checks every colour that the scheme decides, and the contrast of each pair. */
function expectPalette(el: PostComposerGuardElement, palette: (typeof PALETTES)['light']): void {
  const textarea = getComputedStyle(part(el, 'textarea')!);
  expect(textarea.color, 'text').to.equal(palette.text);
  expect(textarea.backgroundColor, 'field').to.equal(palette.surface);
  expect(contrast(textarea.color, textarea.backgroundColor), 'text on the field').to.be.at.least(4.5);

  for (const severity of ['block', 'warn', 'info'] as const) {
    const finding = el.shadowRoot!.querySelector(`[part~="finding"].${severity}`)!;
    const head = getComputedStyle(finding.querySelector('.finding-head')!);
    expect(head.color, severity).to.equal(palette[severity]);
    expect(getComputedStyle(finding).borderInlineStartColor, `${severity} border`).to.equal(palette[severity]);
    expect(contrast(head.color, getComputedStyle(finding).backgroundColor), `${severity} on its finding`).to.be.at.least(4.5);
  }

  const fix = getComputedStyle(part(el, 'fix-button')!);
  expect(fix.color, 'fix button').to.equal(palette.accent);
  expect(fix.borderTopColor, 'fix button outline').to.equal(palette.accent);
  expect(contrast(fix.color, palette.surface), 'fix button on its finding').to.be.at.least(4.5);
  expect(getComputedStyle(part(el, 'summary')!.querySelector('.icon')!).color, 'a blocking summary').to.equal(palette.block);
}

describe('<post-composer-guard> light and dark', () => {
  afterEach(() => emulateMedia({ colorScheme: 'light' }));

  it('takes the kit’s dark palette with theme="dark", text readable, severities in dark colours', async () => {
    const el = await mountDraft('dark', '#0d1117');
    expectPalette(el, PALETTES.dark);
    expect(parts(el, 'finding')).to.have.length(4);
    await expect(el).to.be.accessible();
  });

  it('follows a dark colour scheme by itself', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const el = await mountDraft(undefined, '#0d1117');
    expectPalette(el, PALETTES.dark);
    await expect(el).to.be.accessible();
  });

  it('stays light with theme="light" in a dark colour scheme, and light by default', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const forced = await mountDraft('light', '#ffffff');
    expectPalette(forced, PALETTES.light);
    await expect(forced).to.be.accessible();
    await emulateMedia({ colorScheme: 'light' });
    const plain = await mountDraft(undefined, '#ffffff');
    expectPalette(plain, PALETTES.light);
  });
});
