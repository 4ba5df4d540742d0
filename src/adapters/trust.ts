/**
 * Which adapters' outputs the validating layer may take as they are: only instances of Relais's
 * own adapters, made by their own class (not a subclass), whose method is still the class's (not
 * replaced on the instance). Those parse their document themselves, once, and return copies of
 * what they parsed; parsing each value again would only double the cost (a large document froze
 * the page for seconds). Anything else — a third-party adapter, a wrapper, a subclass — is parsed.
 *
 * Internal: not exported from the package, so that no other code can mark itself trusted.
 */
import type { AdvocacyAdapter } from './types.js';

const trusted = new WeakSet<object>();
const deferredTargets = new WeakMap<object, () => Promise<AdvocacyAdapter>>();

/** Marks `adapter` as one of Relais's own; call it from the constructor, only when `new.target` is the class itself. */
export function trustOutputs(adapter: AdvocacyAdapter): void {
  trusted.add(adapter);
}

/** Whether what `adapter[method]()` returns was already validated by a Relais adapter. */
export function outputIsTrusted(adapter: AdvocacyAdapter, method: keyof AdvocacyAdapter): boolean {
  return trusted.has(adapter) && !Object.prototype.hasOwnProperty.call(adapter, method);
}

/** Records that `adapter` (made by `deferredAdapter`) forwards every call to what `load` resolves to. */
export function registerDeferred(adapter: AdvocacyAdapter, load: () => Promise<AdvocacyAdapter>): void {
  deferredTargets.set(adapter, load);
}

/** The adapter that actually answers the calls of `adapter`: itself, or the one a deferred adapter loads. */
export async function answeringAdapter(adapter: AdvocacyAdapter): Promise<AdvocacyAdapter> {
  const load = deferredTargets.get(adapter);
  return load && Object.isFrozen(adapter) ? answeringAdapter(await load()) : adapter;
}
