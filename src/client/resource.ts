import { atom, onMount, type ReadableAtom } from 'nanostores';
import { toErrorInfo, type RelaisErrorInfo } from './errors.js';

/** The state of one value read from an adapter. */
export type Loadable<T> =
  | { status: 'loading'; value?: undefined; error?: undefined }
  | { status: 'ready'; value: T; error?: undefined }
  | { status: 'error'; value?: undefined; error: RelaisErrorInfo };

export interface Resource<T> {
  readonly $state: ReadableAtom<Loadable<T>>;
  /** Loads once; `force` loads again (retry, refresh). Never rejects: errors land in `$state`. */
  load(force?: boolean): Promise<Loadable<T>>;
  /** Replaces the value at once (optimistic writes). */
  set(value: T): void;
}

/**
 * A store that loads its value from an adapter the first time something subscribes to it.
 * One way to read every value, so loading, error and retry behave the same everywhere.
 */
export function resource<T>(loader: () => Promise<T>): Resource<T> {
  const $state = atom<Loadable<T>>({ status: 'loading' });
  let pending: Promise<Loadable<T>> | undefined;
  let loaded = false;
  // A load started before a `set` must not overwrite the newer value when it resolves.
  let generation = 0;

  const load = (force = false): Promise<Loadable<T>> => {
    if (pending && !force) return pending;
    if (loaded && !force) return Promise.resolve($state.get());
    loaded = true;
    const mine = ++generation;
    if ($state.get().status === 'error') $state.set({ status: 'loading' });
    const settled: Promise<Loadable<T>> = loader()
      .then(
        (value): Loadable<T> => ({ status: 'ready', value }),
        (error: unknown): Loadable<T> => ({ status: 'error', error: toErrorInfo(error) }),
      )
      .then((state) => {
        if (mine === generation) $state.set(state);
        if (pending === settled) {
          pending = undefined;
          return $state.get();
        }
        // An older load finishing late hands over to the newer one still under way.
        return pending ?? $state.get();
      });
    pending = settled;
    return pending;
  };

  onMount($state, () => {
    void load();
  });

  return {
    $state,
    load,
    set(value: T) {
      generation++;
      loaded = true;
      $state.set({ status: 'ready', value });
    },
  };
}
