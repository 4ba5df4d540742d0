/**
 * <charter-banner>: how much of the screen it takes (VISUAL.md: at most about 100 px of a
 * 1280 × 800 screen, at most a quarter of a 390 × 844 phone, and a modal keeps its main action
 * visible without scrolling). Layout, not time: measured in real Chromium at real viewport sizes,
 * with the demo's French charter (a long summary and a long change note).
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import type { CharterBannerElement, CharterBannerMode } from '../../../components/charter-banner/charter-banner.js';
import type { DataDocumentInput } from '../../../src/model/index.js';
import { ack, adapterWith, clientOf, DAY, makeSeed, part, settled, time } from './helpers.js';

type Charter = DataDocumentInput['charter'];

/** The demo's charter, as an editor would write it (long summary, long change note). */
const demoCharter: Charter = {
  ...makeSeed().charter,
  version: 3,
  minAcknowledgedVersion: 3,
  title: 'Charte d’utilisation des réseaux sociaux',
  summary:
    'Parler d’Hélioria sur les réseaux sociaux est un choix libre, et nous sommes heureux quand vous le faites. Cette charte rappelle ce qui peut être partagé, ce qui reste confidentiel et comment parler en votre nom propre, dans le respect des autres et de votre devoir de loyauté.',
  changeNote:
    'Version 3 : précisions sur les liens internes (intranet, SharePoint) et les captures d’écran, nouvelle section sur les contenus créés avec une IA générative, Mastodon et Bluesky cités en exemple, nouvelle adresse de contact. Pas de nouvelle obligation.',
  body: `<h2>Principes</h2>${'<p>Vous parlez en votre nom propre, avec votre vrai nom. Ce qui est confidentiel le reste : projets, clients, chiffres, documents et liens internes.</p>'.repeat(12)}`,
};

/** Each state the banner can show with a charter, and the data (and snoozes) that lead to it. */
const STATES: Record<string, { acknowledgments?: ReturnType<typeof ack>[]; snoozes?: number; expected: CharterBannerElement['state'] }> = {
  'prompt, first time': { expected: 'prompt' },
  'prompt, new version': { acknowledgments: [ack(2, '2026-10-01T08:00:00Z')], expected: 'prompt' },
  'prompt, renewal': { acknowledgments: [ack(3, '2025-10-14T08:37:00Z')], expected: 'prompt' },
  'prompt, last snooze used': { snoozes: 3, expected: 'prompt' },
  snoozed: { snoozes: 1, expected: 'snoozed' },
  acknowledged: { acknowledgments: [ack(3, '2026-11-01T08:00:00Z')], expected: 'acknowledged' },
};

const VIEWPORTS = [
  { width: 1280, height: 800, limit: 100 },
  { width: 390, height: 844, limit: 211 },
];

/** Mounts a French banner as the demo pages do (a page with no styles of its own), after `snoozes` snoozes. */
async function mount(mode: CharterBannerMode, state: (typeof STATES)[string]): Promise<CharterBannerElement> {
  const data = { charter: demoCharter, acknowledgments: state.acknowledgments ?? [] };
  for (let i = 0; i < (state.snoozes ?? 0); i++) {
    // Snoozes are the viewer's, whatever the mode: earlier page loads show the strip.
    const el = await mountIn('banner', data);
    part(el, 'snooze-button')!.click();
    await settled(el, 'snoozed');
    // An earlier page load, gone: it must not come back (and open its modal) when the clock moves.
    el.closest('div')!.remove();
    if (i < (state.snoozes ?? 0) - 1 || state.expected !== 'snoozed') time.clock.advance(4 * DAY);
  }
  sessionStorage.clear();
  return settled(await mountIn(mode, data), state.expected);
}

async function mountIn(mode: CharterBannerMode, data: Partial<DataDocumentInput>, pageStyle = ''): Promise<CharterBannerElement> {
  const client = clientOf(adapterWith(data));
  // The strip spans the page; the card sits in an article column, as on the demo pages (1.5rem either side).
  document.body.style.margin = '0';
  const page = await fixture(
    html`<div lang="fr" style=${mode === 'inline' ? 'padding: 0 1.5rem' : pageStyle}><relais-provider .client=${client}><charter-banner mode=${mode}></charter-banner></relais-provider></div>`,
  );
  return settled(page.querySelector<CharterBannerElement>('charter-banner')!);
}

/** What the element takes in the page (dialog mode: the modal, which covers it). */
function heightOf(el: CharterBannerElement, mode: CharterBannerMode): number {
  const modal = part<HTMLDialogElement>(el, 'modal');
  if (mode === 'dialog' && modal?.open) return Math.round(modal.getBoundingClientRect().height);
  return Math.round(el.getBoundingClientRect().height);
}

/** The element is drawn within the viewport and not scrolled out of its scrolling box. */
function visibleWithoutScrolling(target: Element): boolean {
  const rect = target.getBoundingClientRect();
  if (rect.height === 0 || rect.top < 0 || rect.bottom > window.innerHeight) return false;
  for (let box = target.parentElement; box; box = box.parentElement) {
    const style = getComputedStyle(box);
    if (!/(auto|scroll|hidden)/.test(style.overflowY)) continue;
    const outer = box.getBoundingClientRect();
    if (rect.top < outer.top || rect.bottom > outer.bottom) return false;
  }
  return true;
}

describe('<charter-banner> size on screen', () => {
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
    document.body.style.removeProperty('margin');
    await emulateMedia({ colorScheme: 'light' });
  });

  for (const viewport of VIEWPORTS) {
    for (const mode of ['banner', 'inline'] as const) {
      for (const [name, state] of Object.entries(STATES)) {
        it(`${mode} mode, ${name}, at ${viewport.width} × ${viewport.height}: at most ${viewport.limit} px`, async () => {
          await setViewport(viewport);
          const el = await mount(mode, state);
          const height = heightOf(el, mode);
          console.log(`SIZE ${mode} | ${name} | ${viewport.width}x${viewport.height} | ${height}`);
          expect(height).to.be.at.most(viewport.limit);
        });
      }
    }
  }

  for (const viewport of VIEWPORTS) {
    for (const [name, state] of Object.entries(STATES).filter(([, s]) => s.expected === 'prompt')) {
      it(`dialog mode, ${name}, at ${viewport.width} × ${viewport.height}: the checkbox and the acknowledge button are visible without scrolling`, async () => {
        await setViewport(viewport);
        // A modal closed by an earlier test (or removed open) counts as dismissed for the session.
        sessionStorage.clear();
        const el = await mount('dialog', state);
        const modal = part<HTMLDialogElement>(el, 'modal')!;
        try {
          await waitUntil(() => modal.open, 'the modal opens');
          const checkbox = visibleWithoutScrolling(part(el, 'checkbox')!);
          const button = visibleWithoutScrolling(part(el, 'acknowledge-button')!);
          console.log(`SIZE dialog | ${name} | ${viewport.width}x${viewport.height} | ${heightOf(el, 'dialog')} | checkbox ${checkbox ? 'visible' : 'below the fold'} | button ${button ? 'visible' : 'below the fold'}`);
          expect(checkbox, 'the checkbox').to.equal(true);
          expect(button, 'the acknowledge button').to.equal(true);
        } finally {
          // Closed (and its dismissal recorded) within this test, not after the next one began.
          const closed = oneEvent(modal, 'close');
          modal.close();
          await closed;
        }
      });
    }
  }

  /** The demo pages' grid: <main> is 72rem wide with 1.5rem of padding, so its text starts 64 px in at 1280. */
  const DEMO_GRID = '--relais-inset: max(1.5rem, calc((100% - 72rem) / 2))';

  for (const [name, state] of Object.entries(STATES).filter(([, s]) => s.expected === 'prompt')) {
    it(`banner mode on the demo page's grid, ${name}, at 1280 × 800: the content starts where the page's does, in at most 100 px`, async () => {
      await setViewport({ width: 1280, height: 800 });
      const el = await settled(await mountIn('banner', { charter: demoCharter, acknowledgments: state.acknowledgments ?? [] }, DEMO_GRID));
      const icon = el.shadowRoot!.querySelector('.layout > .icon')!;
      expect(Math.round(icon.getBoundingClientRect().left), 'the icon on the grid').to.equal(64);
      const height = heightOf(el, 'banner');
      console.log(`SIZE banner on the grid | ${name} | 1280x800 | ${height}`);
      expect(height).to.be.at.most(100);
    });
  }

  it('at 1280 × 800, « Summary » sits on the row of buttons (same middle)', async () => {
    await setViewport({ width: 1280, height: 800 });
    const el = await mount('banner', STATES['prompt, first time']!);
    const middle = (target: Element) => {
      const rect = target.getBoundingClientRect();
      return rect.top + rect.height / 2;
    };
    const summary = part(el, 'details')!.querySelector('summary')!;
    expect(Math.abs(middle(summary) - middle(part(el, 'acknowledge-button')!))).to.be.at.most(1);
  });

  it('banner mode at 390 × 844: the title has its own line beside the icon, and the sentence never wraps half beside, half under it', async () => {
    await setViewport({ width: 390, height: 844 });
    const el = await mount('banner', STATES['prompt, renewal']!);
    const icon = el.shadowRoot!.querySelector('.layout > .icon')!.getBoundingClientRect();
    const titleLines = [...part(el, 'title')!.getClientRects()];
    const lead = [...el.shadowRoot!.getElementById('charter-lead')!.getClientRects()];
    for (const line of titleLines) expect(line.left, 'every line of the title right of the icon').to.be.at.least(icon.right);
    expect(lead.length, 'the sentence wraps at this width').to.be.greaterThan(1);
    expect(lead[0]!.top, 'the sentence starts under the title').to.be.at.least(titleLines.at(-1)!.bottom - 1);
    for (const line of lead) expect(Math.round(line.left), 'every line of the sentence starts at one edge').to.equal(Math.round(lead[0]!.left));
  });

  it('inline mode at 390 × 844 (a card in an article): the title on one line of its own, the sentence under it', async () => {
    await setViewport({ width: 390, height: 844 });
    const el = await mount('inline', STATES['prompt, renewal']!);
    const titleLines = part(el, 'title')!.getClientRects();
    const lead = [...el.shadowRoot!.getElementById('charter-lead')!.getClientRects()];
    expect(titleLines.length, 'the demo title fits the card on one line').to.equal(1);
    expect(lead[0]!.top, 'the sentence starts under the title').to.be.at.least(titleLines[0]!.bottom - 1);
    for (const line of lead) expect(Math.round(line.left), 'every line of the sentence starts at one edge').to.equal(Math.round(lead[0]!.left));
  });

  it('the full-text dialog keeps its close button and (while asked) the acknowledgment in view at 390 × 844', async () => {
    await setViewport({ width: 390, height: 844 });
    const el = await mount('banner', STATES['prompt, first time']!);
    part(el, 'read-button')!.click();
    const dialog = part<HTMLDialogElement>(el, 'dialog')!;
    expect(dialog.open).to.equal(true);
    const body = part(el, 'body')!;
    await waitUntil(() => !body.hasAttribute('aria-busy'), 'the text never arrived');
    expect(body.scrollHeight, 'the text scrolls').to.be.greaterThan(body.clientHeight);
    const inDialog = (name: string) => dialog.querySelector(`[part~="${name}"]`);
    expect(visibleWithoutScrolling(inDialog('close-button')!), 'close').to.equal(true);
    expect(visibleWithoutScrolling(inDialog('checkbox')!), 'the checkbox').to.equal(true);
    expect(visibleWithoutScrolling(inDialog('acknowledge-button')!), 'the acknowledge button').to.equal(true);
    dialog.close();
  });
});
