/**
 * X counts like X: how often the guard's X length agrees with twitter-text's (X's reference code,
 * a dev dependency bundled into this bench page), on the URL boundary cases and on 3,000
 * generated texts of test/fixtures/x-length-cases.ts (pinned seed); and the time of both.
 * Not a budget: the differential test (test/src/guard/x-length.test.ts) holds the agreement.
 */
import twitterText from 'twitter-text';
import { measureLength } from '../../src/guard/index.js';
import { X_EMOJI_SELECTOR_CASES, X_URL_BOUNDARY_CASES, generatedXTexts } from '../fixtures/x-length-cases.js';

const parseTweet = (text: string) => twitterText.parseTweet(text);

function agreement(texts: readonly string[]) {
  // Each side timed over the whole list: a call takes microseconds, below the clock's resolution.
  let started = performance.now();
  const ours = texts.map((text) => measureLength(text, 'x'));
  const guardTime = performance.now() - started;
  started = performance.now();
  const theirs = texts.map((text) => parseTweet(text).weightedLength);
  const referenceTime = performance.now() - started;
  const agreeing = ours.filter((length, k) => length === theirs[k]).length;
  return { agreeing, guardTime, referenceTime };
}

function run(): number {
  const boundary = agreement(X_URL_BOUNDARY_CASES);
  const emoji = agreement(X_EMOJI_SELECTOR_CASES);
  const texts = generatedXTexts(3000);
  agreement(texts); // a warm-up pass: both sides optimised before the timed one
  const generated = agreement(texts);
  const percent = (count: number, total: number) => `${((100 * count) / total).toFixed(1)} %`;
  console.log(`X length agreement with twitter-text on the URL boundary cases: ${boundary.agreeing}/${X_URL_BOUNDARY_CASES.length} (${percent(boundary.agreeing, X_URL_BOUNDARY_CASES.length)})`);
  console.log(`X length agreement with twitter-text on emoji written with variation selectors: ${emoji.agreeing}/${X_EMOJI_SELECTOR_CASES.length} (${percent(emoji.agreeing, X_EMOJI_SELECTOR_CASES.length)})`);
  console.log(`X length agreement with twitter-text on 3,000 generated texts (seed 20261207): ${generated.agreeing}/${texts.length} (${percent(generated.agreeing, texts.length)})`);
  console.log(`  time for the 3,000 texts (after a warm-up pass): the guard ${generated.guardTime.toFixed(1)} ms, twitter-text ${generated.referenceTime.toFixed(1)} ms`);
  return 0;
}

(window as unknown as { benchResult: number }).benchResult = run();
