import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Exposes one state of an element to CSS as `:state(name)`. Never lets an old browser break an
 * update: Chromium before 125 accepted only `--name`, and Firefox before 126 and Safari before
 * 17.4 have no CustomStateSet at all (the element then works without `:state()`).
 */
export class CustomStatesController<State extends string> implements ReactiveController {
  readonly #states: readonly State[];
  readonly #set?: CustomStateSet;
  #naming: 'plain' | 'dashed' | 'none';
  #current?: State;

  /**
   * @param states every state the element can be in (the others are removed when one is set)
   * @param internals the element's ElementInternals, when it attached them itself (a form-associated element)
   */
  constructor(host: Host, states: readonly State[], internals?: ElementInternals) {
    this.#states = states;
    // Safari before 16.4 has no attachInternals.
    this.#set = (internals ?? (typeof host.attachInternals === 'function' ? host.attachInternals() : undefined))?.states;
    this.#naming = this.#set ? 'plain' : 'none';
    host.addController(this);
  }

  /** The state shown to CSS, as last set. */
  get current(): State | undefined {
    return this.#current;
  }

  set(state: State): void {
    if (state === this.#current) return;
    this.#current = state;
    while (this.#naming !== 'none') {
      const prefix = this.#naming === 'dashed' ? '--' : '';
      try {
        for (const name of this.#states) {
          if (name === state) this.#set!.add(`${prefix}${name}`);
          else this.#set!.delete(`${prefix}${name}`);
        }
        return;
      } catch {
        this.#naming = this.#naming === 'plain' ? 'dashed' : 'none';
      }
    }
  }

  hostConnected(): void {}
}
