/**
 * The one clock seam: every "what time is it" and every timer of the client and of the models
 * built on it goes through a {@link Clock}, so that tests (and demos) can move time by hand
 * instead of sleeping on real time.
 */

export interface Clock {
  /** The current time. */
  now(): Date;
  /** Runs `callback` after `delay` ms; returns a function that cancels it. */
  schedule(callback: () => void, delay: number): () => void;
}

/** The real time and the real `setTimeout`. */
export const systemClock: Clock = {
  now: () => new Date(),
  schedule(callback, delay) {
    const handle = setTimeout(callback, delay);
    return () => clearTimeout(handle);
  },
};

// setTimeout holds at most 2^31 − 1 ms (about 24.8 days); a later date is reached in steps.
const LONGEST_DELAY = 2 ** 31 - 1;

/**
 * Calls `onDue` once `at` is reached, by `clock`; returns a function that cancels the wait.
 * A home page can stay open for days: this is how a reminder comes back, or a renewal falls
 * due, without a reload.
 */
export function wakeAt(clock: Clock, at: Date, onDue: () => void): () => void {
  let cancel = (): void => {};
  const wait = (): void => {
    const remaining = at.getTime() - clock.now().getTime();
    if (remaining <= 0) {
      onDue();
      return;
    }
    cancel = clock.schedule(wait, Math.min(remaining, LONGEST_DELAY));
  };
  wait();
  return () => cancel();
}
