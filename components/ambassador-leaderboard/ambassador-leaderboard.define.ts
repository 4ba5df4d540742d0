import { AmbassadorLeaderboardElement } from './ambassador-leaderboard.js';

AmbassadorLeaderboardElement.define();

declare global {
  interface HTMLElementTagNameMap {
    'ambassador-leaderboard': AmbassadorLeaderboardElement;
  }
}

export { AmbassadorLeaderboardElement };
