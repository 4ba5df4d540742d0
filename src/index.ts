/**
 * `import 'relais'` registers every element under its plain name and exports the public API.
 * Each element folder can also be imported alone (`import 'relais/charter-banner'`); to register
 * prefixed names instead, import the classes from `relais/api` and call `defineElements({ prefix })`.
 */
import '../components/relais-provider/relais-provider.define.js';
import '../components/charter-banner/charter-banner.define.js';

export * from './api.js';
