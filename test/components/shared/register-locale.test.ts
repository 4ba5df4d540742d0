/** `Relais.registerLocale` on a page that already shows elements: each re-renders in the new strings, taking its keys from one flat object. */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { AmbassadorLeaderboardElement } from '../../../components/ambassador-leaderboard/ambassador-leaderboard.js';
import type { CharterBannerElement } from '../../../components/charter-banner/charter-banner.js';
import { en } from '../../../src/i18n/catalogues.js';
import { registerLocale } from '../../../src/i18n/index.js';
import { clientOf as boardClientOf, part as boardPart, settled as boardSettled, textOf } from '../ambassador-leaderboard/helpers.js';
import { adapterWith, clientOf as bannerClientOf, part as bannerPart, settled as bannerSettled } from '../charter-banner/helpers.js';

describe('registerLocale with elements on the page', () => {
  it('re-renders each element in the strings registered after it, English where a key is left out', async () => {
    const page = await fixture(html`<div lang="de">
      <relais-provider .client=${bannerClientOf(adapterWith())}><charter-banner></charter-banner></relais-provider>
      <relais-provider .client=${boardClientOf()}><ambassador-leaderboard></ambassador-leaderboard></relais-provider>
    </div>`);
    const banner = await bannerSettled(page.querySelector<CharterBannerElement>('charter-banner')!);
    const board = await boardSettled(page.querySelector<AmbassadorLeaderboardElement>('ambassador-leaderboard')!);
    // No German yet: English.
    expect(textOf(bannerPart(banner, 'read-button'))).to.equal(en.charterRead);
    expect(textOf(boardPart(board, 'privacy'))).to.equal(en.leaderboardPrivacy('ranking'));

    // One flat object with keys of both elements (and of the common part).
    registerLocale('de', { charterRead: 'Charta lesen', leaderboardPrivacy: () => 'Nur wer teilen wollte, wird genannt.' });
    await waitUntil(() => textOf(bannerPart(banner, 'read-button')) === 'Charta lesen', 'the banner re-rendered in German');
    await waitUntil(() => textOf(boardPart(board, 'privacy')) === 'Nur wer teilen wollte, wird genannt.', 'the leaderboard re-rendered in German');
    expect(textOf(boardPart(board, 'title')), 'a key left out: English').to.equal(en.leaderboardTitle);
  });
});
