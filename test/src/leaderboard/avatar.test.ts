import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { AVATAR_COLOURS, avatarColour, initialsOf } from '../../../src/ambassador-leaderboard/avatar.js';

/** WCAG 2.x relative luminance of `#rrggbb`. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

describe('avatars without a picture', () => {
  it('give white initials at least 4.5:1 contrast on every colour', () => {
    for (const colour of AVATAR_COLOURS) expect((1.05 / (luminance(colour) + 0.05)), colour).to.be.at.least(4.5);
  });

  it('give one person one colour, always one of the palette', () => {
    fc.assert(
      fc.property(fc.string(), (id) => {
        expect(avatarColour(id)).to.equal(avatarColour(id));
        expect(AVATAR_COLOURS).to.include(avatarColour(id));
      }),
    );
  });

  it('spread neighbouring ids over the palette', () => {
    const colours = new Set(Array.from({ length: 30 }, (_, i) => avatarColour(`p-${String(i + 1).padStart(2, '0')}`)));
    expect(colours.size).to.be.at.least(7);
  });

  it('take the first letters of the first and last words, accents and case kept right', () => {
    expect(initialsOf('Émilie Durand')).to.equal('ÉD');
    expect(initialsOf('Jean-Marc de la Tour')).to.equal('JT');
    expect(initialsOf('awa')).to.equal('A');
    expect(initialsOf('  (Zoé)  Dupont ')).to.equal('ZD');
    expect(initialsOf('42')).to.equal('');
  });
});
