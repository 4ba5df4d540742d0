import type { ReactiveControllerHost } from 'lit';

/** The card's composer: it can check its text now, loading the guard's code if it must. */
type Checkable = HTMLElement & { check(): Promise<unknown> };

/**
 * A share asked for before the guard has judged the text (a lazy composer loads the guard with
 * the first edit): the button says it is busy, the composer checks the text, and `resume` shares
 * (or shows why not) once the card has rendered the verdict. `false` when there is no composer to
 * ask: the share goes on.
 */
export function awaitVerdict(host: ReactiveControllerHost & HTMLElement, button: HTMLElement | undefined, resume: () => void): boolean {
  const composer = host.shadowRoot?.querySelector<Checkable>('[part~="composer"]');
  if (!composer || typeof composer.check !== 'function') return false;
  button?.setAttribute('aria-busy', 'true');
  void composer.check().then(async () => {
    await host.updateComplete;
    button?.removeAttribute('aria-busy');
    resume();
  });
  return true;
}
