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
/** An empty slot of a transition table. */
const EMPTY = 0;

/**
 * Transitions (state, code unit) → state in an open-addressing hash table over typed arrays:
 * compact for hundreds of thousands of states, and much faster than a Map keyed by numbers.
 */
class TransitionTable {
  #size = 0;
  #mask = 0;
  /**
   * Three ints per slot, side by side for one cache miss per probe: state + 1 (0 for an empty
   * slot, so that a new table needs no filling: a fill took 10 ms for 5,000 terms), unit, target.
   */
  #slots = new Int32Array(0);

  /** @param expected how many transitions will be added: room for them is made at once (no growth, no rehash). */
  constructor(expected = 0) {
    let capacity = 1024;
    while (capacity < expected * 2) capacity *= 2;
    this.#allocate(capacity);
  }

  #allocate(capacity: number): void {
    this.#mask = capacity - 1;
    this.#slots = new Int32Array(capacity * 3);
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
      for (let at = 0; at < old.length; at += 3) if (old[at] !== EMPTY) this.add(old[at]! - 1, old[at + 1]!, old[at + 2]!);
    }
    const slots = this.#slots;
    let slot = this.#slot(state, unit);
    while (slots[slot * 3] !== EMPTY) slot = (slot + 1) & this.#mask;
    slots[slot * 3] = state + 1;
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
      if (found === EMPTY) return NO_STATE;
      if (found === state + 1 && slots[at + 1] === unit) return slots[at + 2]!;
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

/** How many phrases a build adds between two chances to pause (see {@link buildMatcher}). */
const PHRASES_PER_STEP = 32;
/** How many states a build links or counts between two chances to pause. */
const STATES_PER_STEP = 256;

/**
 * The work of building an automaton, in methods that each handle a range of phrases or states,
 * so that {@link buildMatcher} can pause between two ranges (small functions also get optimised
 * sooner than one long generator).
 */
class MatcherBuilder {
  readonly transitions: TransitionTable;
  // The trie's shape, for the breadth-first pass: first child, next sibling, unit of the edge in.
  readonly firstChild: number[] = [NO_STATE];
  readonly nextSibling: number[] = [NO_STATE];
  readonly edgeUnit: number[] = [0];
  readonly ends: Array<number[] | undefined> = [undefined];
  failure = new Int32Array(0);
  firstOutput = new Int32Array(0);
  nextOutput = new Int32Array(0);
  /** The states in breadth-first order (the root left out). */
  queue = new Int32Array(0);
  tail = 0;
  chainGroups = new Float64Array(0);
  readonly chainSets: Array<Set<number> | undefined> = [];
  outputStart = new Int32Array(1);
  outputs = new Int32Array(0);
  outputCount = 0;
  readonly phraseLength: Int32Array;
  readonly needsLeftBoundary: Uint8Array;

  constructor(
    readonly phrases: readonly string[],
    readonly phraseGroups: ReadonlyArray<readonly number[]>,
  ) {
    // A trie has at most one transition per unit of its phrases: growing the table as it fills
    // would rehash it all, a long step, several times.
    let units = 0;
    for (const phrase of phrases) units += phrase.length;
    this.transitions = new TransitionTable(units);
    this.phraseLength = new Int32Array(phrases.length);
    this.needsLeftBoundary = new Uint8Array(phrases.length);
  }

  /** Adds phrases [from, to) to the trie. */
  insert(from: number, to: number): void {
    const { transitions, firstChild, nextSibling, edgeUnit, ends, phrases } = this;
    for (let index = from; index < to; index++) {
      const phrase = phrases[index]!;
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
      this.phraseLength[index] = phrase.length;
      this.needsLeftBoundary[index] = isWordUnitAt(toUnits(phrase), phrase.length, 0) ? 1 : 0;
    }
  }

  /** Once the trie is built: room for the failure links, and the root's children in the queue. */
  startFailureLinks(): void {
    const stateCount = this.firstChild.length;
    this.failure = new Int32Array(stateCount);
    this.firstOutput = new Int32Array(stateCount);
    this.nextOutput = new Int32Array(stateCount);
    this.queue = new Int32Array(stateCount);
    this.chainGroups = new Float64Array(stateCount);
    for (let child = this.firstChild[ROOT]!; child !== NO_STATE; child = this.nextSibling[child]!) this.queue[this.tail++] = child;
  }

  /**
   * Failure links of the queue's states [from, to), breadth first: the longest proper suffix of
   * a state that is also a prefix. Adds their children to the queue.
   */
  linkFailures(from: number, to: number): void {
    const { transitions, failure, firstOutput, nextOutput, queue, firstChild, nextSibling, edgeUnit, ends } = this;
    for (let head = from; head < to; head++) {
      const state = queue[head]!;
      nextOutput[state] = firstOutput[failure[state]!]!;
      firstOutput[state] = ends[state] ? state : nextOutput[state];
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
        queue[this.tail++] = child;
      }
    }
  }

  /**
   * Groups along the output chains of the queue's states [from, to), breadth first (a chain's
   * next state is shallower), so that a scan can stop walking a chain once every group on it
   * has its longest phrase.
   */
  countChainGroups(from: number, to: number): void {
    const { queue, ends, nextOutput, chainSets, chainGroups, phraseGroups } = this;
    for (let head = from; head < to; head++) {
      const state = queue[head]!;
      const ending = ends[state];
      if (!ending) continue;
      const next = nextOutput[state]!;
      const inherited = next === ROOT ? new Set<number>() : chainSets[next];
      let set: Set<number> | undefined;
      if (inherited) {
        set = new Set(inherited);
        for (const phrase of ending) for (const group of phraseGroups[phrase]!) set.add(group);
        if (set.size > MAX_TRACKED_GROUPS) set = undefined;
      }
      chainSets[state] = set;
      chainGroups[state] = set ? set.size : Infinity;
    }
  }

  /** The phrases ending at states [from, to), in one flat list (states in order). */
  listOutputs(from: number, to: number): void {
    const { ends } = this;
    if (from === 0) {
      this.outputStart = new Int32Array(this.firstChild.length + 1);
      this.outputs = new Int32Array(this.phrases.length);
    }
    const { outputStart, outputs } = this;
    let count = this.outputCount;
    for (let state = from; state < to; state++) {
      outputStart[state] = count;
      const ending = ends[state];
      if (ending) for (const phrase of ending) outputs[count++] = phrase;
    }
    outputStart[to] = count;
    this.outputCount = count;
  }

  /** The automaton, once every step is done; with the groups owning each phrase as a flat list. */
  finish(groupCount: number): PhraseMatcher {
    const { phrases, phraseGroups, outputStart, outputs } = this;
    const rootAscii = new Int32Array(128).fill(NO_STATE);
    for (let child = this.firstChild[ROOT]!; child !== NO_STATE; child = this.nextSibling[child]!) {
      if (this.edgeUnit[child]! < 128) rootAscii[this.edgeUnit[child]!] = child;
    }
    const groupStart = new Int32Array(phrases.length + 1);
    let groupTotal = 0;
    for (const owners of phraseGroups) groupTotal += owners.length;
    const groups = new Int32Array(groupTotal);
    let at = 0;
    for (let phrase = 0; phrase < phrases.length; phrase++) {
      groupStart[phrase] = at;
      for (const group of phraseGroups[phrase]!) groups[at++] = group;
    }
    groupStart[phrases.length] = at;
    return new PhraseMatcher({
      phraseCount: phrases.length,
      transitions: this.transitions,
      rootAscii,
      failure: this.failure,
      firstOutput: this.firstOutput,
      nextOutput: this.nextOutput,
      outputStart,
      outputs,
      phraseLength: this.phraseLength,
      needsLeftBoundary: this.needsLeftBoundary,
      groupStart,
      groups,
      chainGroups: this.chainGroups,
      groupCount,
    });
  }
}

/**
 * Builds the automaton of `phrases`, pausing now and then: each `yield` is a point where a caller
 * may hand the main thread back to the page (see `compilePolicyInSlices`); running the generator
 * to its end without pausing builds it in one go.
 *
 * @param phrases folded phrases (see `foldPhrase`), none empty, no two alike.
 * @param phraseGroups the groups (numbers below `groupCount`) owning each phrase.
 */
export function* buildMatcher(
  phrases: readonly string[],
  phraseGroups: ReadonlyArray<readonly number[]>,
  groupCount: number,
): Generator<void, PhraseMatcher> {
  const builder = new MatcherBuilder(phrases, phraseGroups);
  yield;
  for (let from = 0; from < phrases.length; from += PHRASES_PER_STEP) {
    builder.insert(from, Math.min(phrases.length, from + PHRASES_PER_STEP));
    yield;
  }
  builder.startFailureLinks();
  // The queue grows as states are linked: every state is in it once its parent is linked.
  for (let from = 0; from < builder.tail; ) {
    const to = Math.min(builder.tail, from + STATES_PER_STEP);
    builder.linkFailures(from, to);
    from = to;
    yield;
  }
  for (let from = 0; from < builder.tail; from += STATES_PER_STEP) {
    builder.countChainGroups(from, Math.min(builder.tail, from + STATES_PER_STEP));
    yield;
  }
  const stateCount = builder.firstChild.length;
  for (let from = 0; from < stateCount; from += 4 * STATES_PER_STEP) {
    builder.listOutputs(from, Math.min(stateCount, from + 4 * STATES_PER_STEP));
    yield;
  }
  return builder.finish(groupCount);
}

/** What a built automaton is made of. */
interface MatcherTables {
  readonly phraseCount: number;
  readonly transitions: TransitionTable;
  readonly rootAscii: Int32Array;
  readonly failure: Int32Array;
  readonly firstOutput: Int32Array;
  readonly nextOutput: Int32Array;
  readonly outputStart: Int32Array;
  readonly outputs: Int32Array;
  readonly phraseLength: Int32Array;
  readonly needsLeftBoundary: Uint8Array;
  readonly groupStart: Int32Array;
  readonly groups: Int32Array;
  readonly chainGroups: Float64Array;
  readonly groupCount: number;
}

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

  /** Use {@link buildMatcher}. */
  constructor(tables: MatcherTables) {
    this.phraseCount = tables.phraseCount;
    this.#transitions = tables.transitions;
    this.#rootAscii = tables.rootAscii;
    this.#failure = tables.failure;
    this.#firstOutput = tables.firstOutput;
    this.#nextOutput = tables.nextOutput;
    this.#outputStart = tables.outputStart;
    this.#outputs = tables.outputs;
    this.#phraseLength = tables.phraseLength;
    this.#needsLeftBoundary = tables.needsLeftBoundary;
    this.#groupStart = tables.groupStart;
    this.#groups = tables.groups;
    this.#chainGroups = tables.chainGroups;
    this.#reportedAt = new Int32Array(tables.groupCount);
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
