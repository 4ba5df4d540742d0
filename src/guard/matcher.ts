/**
 * Aho-Corasick automaton over folded text: finds occurrences of thousands of phrases in one
 * pass, so the cost of a check grows with the length of the text, not with the number of
 * phrases. Only whole-word occurrences are reported, and at each end position only the longest
 * one per group (a group is what owns phrases: a rule's terms, its exceptions, the disclosure):
 * with nested terms (`a`, `a a`, `a a a`…) a position ends hundreds of phrases of one rule, and
 * reporting each cost text × terms.
 */
import { isWordUnitAt } from './normalize.js';

const ROOT = 0;
const NO_STATE = -1;

/**
 * Transitions (state, code unit) → state in an open-addressing hash table over typed arrays:
 * compact for hundreds of thousands of states, and much faster than a Map keyed by numbers.
 */
class TransitionTable {
  #size = 0;
  #mask = 0;
  /** Three ints per slot, side by side for one cache miss per probe: state, unit, target. */
  #slots = new Int32Array(0);

  constructor() {
    this.#allocate(1024);
  }

  #allocate(capacity: number): void {
    this.#mask = capacity - 1;
    this.#slots = new Int32Array(capacity * 3).fill(NO_STATE);
  }

  #slot(state: number, unit: number): number {
    let hash = Math.imul(state, 0x9e3779b1) ^ Math.imul(unit, 0x85ebca77);
    hash ^= hash >>> 15;
    return Math.imul(hash, 0x2c1b3c6d) & this.#mask;
  }

  /** Adds a transition that is not in the table yet. */
  add(state: number, unit: number, target: number): void {
    if ((this.#size + 1) * 2 > this.#mask + 1) {
      // Keep the table at most half full, so that probe runs stay short.
      const old = this.#slots;
      this.#allocate((this.#mask + 1) * 2);
      this.#size = 0;
      for (let at = 0; at < old.length; at += 3) if (old[at] !== NO_STATE) this.add(old[at]!, old[at + 1]!, old[at + 2]!);
    }
    const slots = this.#slots;
    let slot = this.#slot(state, unit);
    while (slots[slot * 3] !== NO_STATE) slot = (slot + 1) & this.#mask;
    slots[slot * 3] = state;
    slots[slot * 3 + 1] = unit;
    slots[slot * 3 + 2] = target;
    this.#size++;
  }

  get(state: number, unit: number): number {
    const slots = this.#slots;
    const mask = this.#mask;
    let slot = this.#slot(state, unit);
    for (;;) {
      const at = slot * 3;
      const found = slots[at]!;
      if (found === NO_STATE) return NO_STATE;
      if (found === state && slots[at + 1] === unit) return slots[at + 2]!;
      slot = (slot + 1) & mask;
    }
  }
}

function toUnits(phrase: string): Uint16Array {
  const units = new Uint16Array(phrase.length);
  for (let k = 0; k < phrase.length; k++) units[k] = phrase.charCodeAt(k);
  return units;
}

/** Called with a group and the range, in folded units, of its longest phrase ending there. */
export type OnPhraseMatch = (group: number, start: number, end: number) => void;

/** Chains holding more distinct groups than this are walked to their end at each match. */
const MAX_TRACKED_GROUPS = 64;

export class PhraseMatcher {
  readonly phraseCount: number;
  #transitions: TransitionTable;
  /** Transitions out of the root for ASCII, the hottest lookups, in a plain array. */
  #rootAscii: Int32Array;
  #failure: Int32Array;
  /** The nearest state on the failure chain (itself included) that ends a phrase, or ROOT. */
  #firstOutput: Int32Array;
  /** The next state after this one on the failure chain that ends a phrase, or ROOT. */
  #nextOutput: Int32Array;
  #outputStart: Int32Array;
  #outputs: Int32Array;
  #phraseLength: Int32Array;
  #needsLeftBoundary: Uint8Array;
  #groupStart: Int32Array;
  #groups: Int32Array;
  /** Distinct groups owning the phrases on the output chain from a state (Infinity: many). */
  #chainGroups: Float64Array;
  /** Per group, the last end position reported in the current scan. */
  #reportedAt: Int32Array;

  /**
   * @param phrases folded phrases (see `foldPhrase`), none empty, no two alike.
   * @param phraseGroups the groups (numbers below `groupCount`) owning each phrase.
   */
  constructor(phrases: readonly string[], phraseGroups: ReadonlyArray<readonly number[]>, groupCount: number) {
    this.phraseCount = phrases.length;
    const transitions = new TransitionTable();
    // The trie's shape, for the breadth-first pass: first child, next sibling, unit of the edge in.
    const firstChild: number[] = [NO_STATE];
    const nextSibling: number[] = [NO_STATE];
    const edgeUnit: number[] = [0];
    const ends: Array<number[] | undefined> = [undefined];
    phrases.forEach((phrase, index) => {
      let state = ROOT;
      for (let k = 0; k < phrase.length; k++) {
        const unit = phrase.charCodeAt(k);
        let next = transitions.get(state, unit);
        if (next === NO_STATE) {
          next = firstChild.length;
          firstChild.push(NO_STATE);
          nextSibling.push(firstChild[state]!);
          edgeUnit.push(unit);
          ends.push(undefined);
          firstChild[state] = next;
          transitions.add(state, unit, next);
        }
        state = next;
      }
      (ends[state] ??= []).push(index);
    });

    const stateCount = firstChild.length;
    this.#transitions = transitions;
    this.#rootAscii = new Int32Array(128).fill(NO_STATE);
    for (let child = firstChild[ROOT]!; child !== NO_STATE; child = nextSibling[child]!) {
      if (edgeUnit[child]! < 128) this.#rootAscii[edgeUnit[child]!] = child;
    }

    // Failure links, breadth first: the longest proper suffix of a state that is also a prefix.
    const failure = new Int32Array(stateCount);
    this.#failure = failure;
    this.#firstOutput = new Int32Array(stateCount);
    this.#nextOutput = new Int32Array(stateCount);
    const queue = new Int32Array(stateCount);
    let tail = 0;
    for (let child = firstChild[ROOT]!; child !== NO_STATE; child = nextSibling[child]!) queue[tail++] = child;
    for (let head = 0; head < tail; head++) {
      const state = queue[head]!;
      this.#nextOutput[state] = this.#firstOutput[failure[state]!]!;
      this.#firstOutput[state] = ends[state] ? state : this.#nextOutput[state];
      for (let child = firstChild[state]!; child !== NO_STATE; child = nextSibling[child]!) {
        const unit = edgeUnit[child]!;
        let fallback = failure[state]!;
        let next: number;
        for (;;) {
          next = transitions.get(fallback, unit);
          if (next !== NO_STATE || fallback === ROOT) break;
          fallback = failure[fallback]!;
        }
        failure[child] = next === NO_STATE ? ROOT : next;
        queue[tail++] = child;
      }
    }

    this.#outputStart = new Int32Array(stateCount + 1);
    const outputs: number[] = [];
    for (let state = 0; state < stateCount; state++) {
      this.#outputStart[state] = outputs.length;
      for (const phrase of ends[state] ?? []) outputs.push(phrase);
    }
    this.#outputStart[stateCount] = outputs.length;
    this.#outputs = Int32Array.from(outputs);

    this.#groupStart = new Int32Array(phrases.length + 1);
    const groups: number[] = [];
    phrases.forEach((_, phrase) => {
      this.#groupStart[phrase] = groups.length;
      groups.push(...phraseGroups[phrase]!);
    });
    this.#groupStart[phrases.length] = groups.length;
    this.#groups = Int32Array.from(groups);
    this.#reportedAt = new Int32Array(groupCount);

    // Groups along each output chain, breadth first (a chain's next state is shallower), so that
    // a scan can stop walking a chain once every group on it has its longest phrase.
    this.#chainGroups = new Float64Array(stateCount);
    const chainSets: Array<Set<number> | undefined> = [];
    for (let head = 0; head < tail; head++) {
      const state = queue[head]!;
      if (!ends[state]) continue;
      const next = this.#nextOutput[state]!;
      const inherited = next === ROOT ? new Set<number>() : chainSets[next];
      let set: Set<number> | undefined;
      if (inherited) {
        set = new Set(inherited);
        for (const phrase of ends[state]) for (const group of phraseGroups[phrase]!) set.add(group);
        if (set.size > MAX_TRACKED_GROUPS) set = undefined;
      }
      chainSets[state] = set;
      this.#chainGroups[state] = set ? set.size : Infinity;
    }

    this.#phraseLength = Int32Array.from(phrases, (phrase) => phrase.length);
    this.#needsLeftBoundary = Uint8Array.from(phrases, (phrase) => (isWordUnitAt(toUnits(phrase), phrase.length, 0) ? 1 : 0));
  }

  /**
   * Reports, at each end position of `units[0, length)` and for each group, its longest
   * whole-word phrase ending there. A phrase that begins (ends) with a word character must not
   * be preceded (followed) by one: "élection" does not match "réélection", while "#ad" needs
   * nothing before its "#".
   */
  scan(units: Uint16Array, length: number, onMatch: OnPhraseMatch): void {
    const transitions = this.#transitions;
    const rootAscii = this.#rootAscii;
    const failure = this.#failure;
    const groupStart = this.#groupStart;
    const groups = this.#groups;
    const reportedAt = this.#reportedAt.fill(-1);
    let state = ROOT;
    for (let k = 0; k < length; k++) {
      const unit = units[k]!;
      let next: number;
      for (;;) {
        next = state === ROOT && unit < 128 ? rootAscii[unit]! : transitions.get(state, unit);
        if (next !== NO_STATE || state === ROOT) break;
        state = failure[state]!;
      }
      state = next === NO_STATE ? ROOT : next;
      let output = this.#firstOutput[state]!;
      if (output === ROOT) continue;
      // Every phrase ending here ends with this unit: if it is a word character followed by
      // another one, no whole-word occurrence can end here.
      if (k + 1 < length && isWordUnitAt(units, length, k) && isWordUnitAt(units, length, k + 1)) continue;
      // The chain goes from the longest phrase to the shortest: the first valid phrase of a
      // group is its longest; stop once every group of the chain has one.
      const wanted = this.#chainGroups[output]!;
      let reported = 0;
      for (; output !== ROOT && reported < wanted; output = this.#nextOutput[output]!) {
        for (let o = this.#outputStart[output]!, last = this.#outputStart[output + 1]!; o < last; o++) {
          const phrase = this.#outputs[o]!;
          const start = k + 1 - this.#phraseLength[phrase]!;
          if (this.#needsLeftBoundary[phrase] === 1 && start > 0 && isWordUnitAt(units, length, start - 1)) continue;
          for (let g = groupStart[phrase]!, end = groupStart[phrase + 1]!; g < end; g++) {
            const group = groups[g]!;
            if (reportedAt[group] === k) continue;
            reportedAt[group] = k;
            reported++;
            onMatch(group, start, k + 1);
          }
        }
      }
    }
  }
}
