import { NETWORKS } from './schemas.js';

type Network = (typeof NETWORKS)[number];

const NETWORK_SET: ReadonlySet<string> = new Set(NETWORKS);

/** A `networks="linkedin x copy"` attribute read as networks: known names only, each once, in order. */
export function networkList(value: string): Network[] {
  return [...new Set(value.split(/\s+/).filter((name) => NETWORK_SET.has(name)))] as Network[];
}

/** Whether `value` names a network. */
export function isNetwork(value: string): value is Network {
  return NETWORK_SET.has(value);
}
