/**
 * <post-composer-guard> in narrow columns (VISUAL.md: layout by container, from 280 px): nothing
 * of the findings, their previews and buttons crosses the element's edge, with a long URL, a long
 * suggestion and a note in the list. Layout, not time: measured in real Chromium.
 */
import { expect, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { PostComposerGuardElement } from '../../../components/post-composer-guard/post-composer-guard.js';
import type { GuardPolicyInput } from '../../../src/model/index.js';
import { captureConsole } from '../../fixtures/capture.js';
import { adapterWith, clientOf, mount, typeInto } from './helpers.js';

/** The demo's policy (demo/data/advocacy.json): its messages, suggestions and internal domains. */
async function demoPolicy(): Promise<GuardPolicyInput> {
  const response = await fetch('/demo/data/advocacy.json');
  return ((await response.json()) as { guardPolicy: GuardPolicyInput }).guardPolicy;
}

/**
 * The demo's draft (demo/compose.html), too long for X: a finding of each severity, one-click
 * fixes with their previews, a long link and the length finding.
 */
const DRAFT =
  'Fiers d’annoncer que le Projet Aurore entre en phase pilote avec la Verrerie Solvane ! Notre chiffre d’affaires de 48 millions le montre : malgré la grève de mars, l’équipe a tenu bon. Détails sur https://intranet.helioria.example/projets/aurore ou écrivez à camille.martin@helioria.example, 06 12 34 56 78. Merci à toutes et à tous pour ce travail remarquable, et rendez-vous au salon de Lyon en novembre pour la démonstration.';

/** Every box drawn in the element's shadow root that ends past its right edge (1 px for rounding). */
function overflowing(el: PostComposerGuardElement): string[] {
  const right = el.getBoundingClientRect().right;
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>('*')]
    .filter((node) => node.getClientRects().length > 0 && node.getBoundingClientRect().right > right + 1)
    .map((node) => `${node.getAttribute('part') ?? node.className ?? node.tagName} ends at ${Math.round(node.getBoundingClientRect().right)} > ${Math.round(right)}`);
}

describe('<post-composer-guard> in a narrow column', () => {
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  for (const width of [280, 390]) {
    it(`at ${width} px wide (a phone, 24 px margins), the findings, previews and buttons stay inside the element`, async () => {
      await setViewport({ width, height: 900 });
      const client = clientOf(adapterWith(await demoPolicy()));
      const el = await mount(html`<div style="padding: 0 24px" lang="fr"><post-composer-guard networks="linkedin x mastodon" network="x"></post-composer-guard></div>`, client);
      await typeInto(el, DRAFT);
      expect(el.state).to.equal('block');
      expect(el.shadowRoot!.querySelectorAll('[part~="finding"]').length, 'findings listed').to.be.at.least(3);
      expect(el.shadowRoot!.querySelector('.preview'), 'a fix previewed').not.to.equal(null);
      expect(overflowing(el)).to.deep.equal([]);
      expect(el.scrollWidth, 'no horizontal scrolling inside the element').to.be.at.most(el.clientWidth + 1);
    });
  }
});

describe('<post-composer-guard> and Lit', () => {
  it('loads, checks and switches network without Lit’s « change-in-update » warning (no update scheduled by an update)', async () => {
    // Lit warns once per page for each message: forget those an earlier test caused.
    (globalThis as { litIssuedWarnings?: Set<unknown> }).litIssuedWarnings?.clear();
    const warnings = captureConsole('warn');
    try {
      const el = await mount(html`<post-composer-guard networks="linkedin x mastodon" network="linkedin"></post-composer-guard>`);
      await typeInto(el, DRAFT);
      el.shadowRoot!.querySelector<HTMLInputElement>('input[value="x"]')!.click();
      await el.updateComplete;
      expect(el.network).to.equal('x');
      await typeInto(el, `${DRAFT} !`);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(warnings.calls.filter((message) => /change-in-update|scheduled an update/.test(message))).to.deep.equal([]);
    } finally {
      warnings.restore();
    }
  });
});
