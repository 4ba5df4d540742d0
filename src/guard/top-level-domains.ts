/**
 * The top-level domains that end a URL's host on X. twitter-text (X's reference code) takes a host,
 * with or without a scheme, only when it ends in a domain of its lists (`validGTLD`,
 * `validCCTLD`: 1,574 domains) or in punycode. Its lists as it writes them weigh about 5 KB gzipped.
 * So the guard knows, in packed strings:
 * - every two-letter country domain (255, all of twitter-text's): for each first letter, the
 *   second letters as a base-36 bit mask;
 * - 120 of its 1,164 generic domains here: the historical ones (com, org, net, info, edu, gov…),
 *   the most used new ones (app, dev, xyz, shop, online, site, tech…), French and European places
 *   (paris, bzh, alsace, corsica, eus, brussels…) and business words (consulting, agency, immo…);
 *   sorted, each written as the number of letters it shares with the one before (0–9) and the
 *   letters that follow;
 * - the other 1,044, packed the same way (2.8 KB gzipped), in top-level-domains-rest.ts, added
 *   by the guard's engine ({@link addGenericTopLevelDomains}), which a page loads when a text is
 *   checked: companies' own domains are among them (.axa, .bnpparibas, .sncf, .orange, .leclerc),
 *   and a share card's counter shows before the engine without carrying them.
 * What differs from X: a host that ends in one of the 155 domains written in another script
 * (`.рф`, `.中国`, `.vermögensberatung`) is text for the guard and a 23-character URL for X; so is,
 * before the engine is loaded, a host on one of the rarer generic domains.
 * test/src/guard/top-level-domains.test.ts checks the lists against twitter-text's.
 */
/** For each first letter a–z, the second letters of the country domains, as a base-36 bit mask. */
const COUNTRY = 'sp3ek ybdob 13fegd jznrk 16578 3abk dq22j 10t1c lq8o 153k wkgr4 cepl3 13ycxp kpks5 35s d1hpt 1 3accw 11edb3 o5hbg u4if5 mno5 5mao 0 b8k0 2hzi9';
const GENERIC = '0academy1ero1gency1lsace1pp1rt1sia0bank1eauty2rlin2st1io2z1log1outique1russels1usiness1zh0care4ers2t1enter1lick2oud2ub1om3munity3pany2nsulting2op2rsica0design2v1igital0eco1du3cation1mail1nergy1us1vents1xpert0family2shion1inance2tness1un0gal2mes1lobal1ov1reen2oup1uide0health2lp1ouse0immo1nfo2t0jobs0law1egal1ife2nk2ve1ondon2ve1td0market1edia1il1obi2ney1useum0name1et3work2ws0one2line1rg0page2ris1hoto1ost1ro0quebec0restaurant0sale1chool1ervices1hop1ite1ocial2ftware2lutions1pace1tore2udio2yle1upport1wiss1ystems0team2ch2l1oday2p1raining3vel0video2p0website1iki2ne1ork3ld0xxx1yz';

let countryMasks: number[] | undefined;
let generic: Set<string> | undefined;
/** Packed lists added and not unpacked yet: unpacked when a host is first looked up. */
const pending: string[] = [GENERIC];

/** Adds generic domains packed as {@link GENERIC} is (sorted, front-coded). */
export function addGenericTopLevelDomains(packed: string): void {
  pending.push(packed);
}

/** Whether `name` (ASCII letters, lower case) is a top-level domain the guard knows. */
export function isTopLevelDomain(name: string): boolean {
  countryMasks ??= COUNTRY.split(' ').map((mask) => parseInt(mask, 36));
  generic ??= new Set();
  for (let packed = pending.shift(); packed !== undefined; packed = pending.shift()) {
    let previous = '';
    for (const [, shared, rest] of packed.matchAll(/(\d)([a-z]+)/g)) generic.add((previous = previous.slice(0, Number(shared)) + rest!));
  }
  return name.length === 2 ? ((countryMasks[name.charCodeAt(0) - 97]! >> (name.charCodeAt(1) - 97)) & 1) === 1 : generic.has(name);
}
