/**
 * What a French reader expects of typography (shared/VISUAL.md, "French, written properly"),
 * as a checker: each problem found in a text, with a short excerpt around it. Used on the French
 * catalogue and on the French strings of the demo data.
 *
 * - the typographic apostrophe ’, never the straight ';
 * - guillemets « », never straight quotes, with a narrow no-break space (U+202F) inside;
 * - a narrow no-break space (U+202F) before ; ! ? and a no-break space (U+00A0) before :
 *   (a URL's `://` and a time's `10:30` are not punctuation);
 * - a no-break space before %, and between groups of digits (`12 000`), so that a number never
 *   breaks across lines;
 * - the ellipsis character …, not three dots;
 * - « 1er » for the first day of a month (« le 1er décembre »).
 */
const NBSP = '\u00a0';
const NNBSP = '\u202f';
const MONTHS = 'janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre';

interface Rule {
  pattern: RegExp;
  problem: string;
  /** A match to let through after all (the pattern cannot say it alone). */
  allow?: (text: string, index: number) => boolean;
}

const RULES: Rule[] = [
  { pattern: /'/g, problem: 'straight apostrophe (’)' },
  { pattern: /"/g, problem: 'straight double quote (« »)' },
  { pattern: /\.\.\./g, problem: 'three dots (…)' },
  {
    pattern: new RegExp(`(?<![${NNBSP}!?])[;!?]`, 'g'),
    problem: 'no narrow no-break space (U+202F) before ; ! ?',
    allow: (text, i) => /\bhttps?:\/\/\S*$/.test(text.slice(0, i)),
  },
  {
    pattern: new RegExp(`(?<!${NBSP}):`, 'g'),
    problem: 'no no-break space (U+00A0) before :',
    allow: (text, i) => text.startsWith('//', i + 1) || (/\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? '')),
  },
  { pattern: new RegExp(`«(?!${NNBSP})`, 'g'), problem: 'no narrow no-break space (U+202F) after «' },
  { pattern: new RegExp(`(?<!${NNBSP})»`, 'g'), problem: 'no narrow no-break space (U+202F) before »' },
  { pattern: new RegExp(`(?<![${NBSP}${NNBSP}])%`, 'g'), problem: 'no no-break space before %' },
  { pattern: /\d \d{3}(?!\d)/g, problem: 'ordinary space between groups of digits (U+202F)' },
  { pattern: new RegExp(`(?<!\\d)1[ ${NBSP}${NNBSP}](?:${MONTHS})\\b`, 'giu'), problem: '« 1 » for the first of the month (« 1er »)' },
];

/** Every typography problem in `text`, each as "problem: …excerpt…" (empty when there is none). */
export function frenchTypographyProblems(text: string): string[] {
  const problems: string[] = [];
  for (const { pattern, problem, allow } of RULES) {
    for (const match of text.matchAll(pattern)) {
      if (allow?.(text, match.index)) continue;
      const excerpt = text.slice(Math.max(0, match.index - 12), match.index + match[0].length + 12);
      problems.push(`${problem}: …${excerpt.replaceAll(NBSP, '⍽').replaceAll(NNBSP, '·')}…`);
    }
  }
  return problems;
}
