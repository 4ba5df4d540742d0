/**
 * Aho-Corasick automaton over folded text: finds every occurrence of thousands of phrases in one
 * pass, so the cost of a check grows with the length of the text (plus the number of matches),
 * not with the number of phrases. Only whole-word occurrences are reported.
 */
import { isWordUnitAt } from './normalize.js';

const ROOT = 0;
const NO_STATE = -1;

/**
 * Transitions (state, code unit) → state in an open-addressing hash table over typed arrays:
 * compact for tens of thousands of states, and much faster than a Map keyed by numbers.
 */
class TransitionTable {
  #mask: number;
  #fromState: Int32Array;
  #unit: Uint16Array;
  #toState: Int32Array;

  constructor(transitions: number) {
    let capacity = 16;
    while (capacity < transitions * 2) capacity *= 2;
    this.#mask = capacity - 1;
    this.#fromState = new Int32Array(capacity).fill(NO_STATE);
    this.#unit = new Uint16Array(capacity);
    this.#toState = new Int32Array(capacity);
  }

  #slot(state: number, unit: number): number {
    let hash = Math.imul(state, 0x9e3779b1) ^ Math.imul(unit, 0x85ebca77);
    hash ^= hash >>> 15;
    return Math.imul(hash, 0x2c1b3c6d) & this.#mask;
  }

  set(state: number, unit: number, target: number): void {
    let slot = this.#slot(state, unit);
    while (this.#fromState[slot] !== NO_STATE) slot = (slot + 1) & this.#mask;
    this.#fromState[slot] = state;
    this.#unit[slot] = unit;
    this.#toState[slot] = target;
  }

  get(state: number, unit: number): number {
    const fromState = this.#fromState;
    let slot = this.#slot(state, unit);
    for (;;) {
      const found = fromState[slot]!;
      if (found === NO_STATE) return NO_STATE;
      if (found === state && this.#unit[slot] === unit) return this.#toState[slot]!;
      slot = (slot + 1) & this.#mask;
    }
  }
}

function toUnits(phrase: string): Uint16Array {
  const units = new Uint16Array(phrase.length);
  for (let k = 0; k < phrase.length; k++) units[k] = phrase.charCodeAt(k);
  return units;
}

/** Called for each whole-word occurrence: phrase index and its range in folded units. */
export type OnPhraseMatch = (phrase: number, start: number, end: number) => void;

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

  /** @param phrases folded phrases (see `foldPhrase`), none empty. */
  constructor(phrases: readonly string[]) {
    this.phraseCount = phrases.length;
    // Build the trie with plain arrays first; freeze it into typed arrays afterwards.
    const children: Map<number, number>[] = [new Map()];
    const ends: number[][] = [[]];
    let transitions = 0;
    phrases.forEach((phrase, index) => {
      let state = ROOT;
      for (let k = 0; k < phrase.length; k++) {
        const unit = phrase.charCodeAt(k);
        let next = children[state]!.get(unit);
        if (next === undefined) {
          next = children.length;
          children.push(new Map());
          ends.push([]);
          children[state]!.set(unit, next);
          transitions++;
        }
        state = next;
      }
      ends[state]!.push(index);
    });

    const stateCount = children.length;
    this.#transitions = new TransitionTable(transitions);
    this.#rootAscii = new Int32Array(128).fill(NO_STATE);
    children.forEach((edges, state) => {
      for (const [unit, target] of edges) {
        this.#transitions.set(state, unit, target);
        if (state === ROOT && unit < 128) this.#rootAscii[unit] = target;
      }
    });

    // Failure links, breadth first: the longest proper suffix of a state that is also a prefix.
    this.#failure = new Int32Array(stateCount);
    this.#firstOutput = new Int32Array(stateCount);
    this.#nextOutput = new Int32Array(stateCount);
    const queue: number[] = [];
    for (const target of children[ROOT]!.values()) queue.push(target);
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      const failure = this.#failure[state]!;
      this.#nextOutput[state] = this.#firstOutput[failure]!;
      this.#firstOutput[state] = ends[state]!.length > 0 ? state : this.#nextOutput[state]!;
      for (const [unit, target] of children[state]!) {
        let fallback = failure;
        let next = NO_STATE;
        for (;;) {
          next = this.#transitions.get(fallback, unit);
          if (next !== NO_STATE || fallback === ROOT) break;
          fallback = this.#failure[fallback]!;
        }
        this.#failure[target] = next === NO_STATE ? ROOT : next;
        queue.push(target);
      }
    }

    this.#outputStart = new Int32Array(stateCount + 1);
    const outputs: number[] = [];
    for (let state = 0; state < stateCount; state++) {
      this.#outputStart[state] = outputs.length;
      outputs.push(...ends[state]!);
    }
    this.#outputStart[stateCount] = outputs.length;
    this.#outputs = Int32Array.from(outputs);

    this.#phraseLength = Int32Array.from(phrases, (phrase) => phrase.length);
    this.#needsLeftBoundary = Uint8Array.from(phrases, (phrase) => (isWordUnitAt(toUnits(phrase), phrase.length, 0) ? 1 : 0));
  }

  /**
   * Reports every whole-word occurrence in `units[0, length)`. A phrase that begins (ends) with a
   * word character must not be preceded (followed) by one: "élection" does not match
   * "réélection", while "#ad" needs nothing before its "#".
   */
  scan(units: Uint16Array, length: number, onMatch: OnPhraseMatch): void {
    const transitions = this.#transitions;
    const rootAscii = this.#rootAscii;
    const failure = this.#failure;
    let state = ROOT;
    for (let k = 0; k < length; k++) {
      const unit = units[k]!;
      let next = NO_STATE;
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
      for (; output !== ROOT; output = this.#nextOutput[output]!) {
        for (let o = this.#outputStart[output]!, last = this.#outputStart[output + 1]!; o < last; o++) {
          const phrase = this.#outputs[o]!;
          const start = k + 1 - this.#phraseLength[phrase]!;
          if (this.#needsLeftBoundary[phrase] === 1 && start > 0 && isWordUnitAt(units, length, start - 1)) continue;
          onMatch(phrase, start, k + 1);
        }
      }
    }
  }
}
