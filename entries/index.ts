/**
 * `import 'relais'` registers every element under its plain name and exports the public API.
 * Each element folder can also be imported alone (`import 'relais/charter-banner'`); to register
 * prefixed names instead, import from `relais/api` and call `defineElements({ prefix })`.
 */
import { defineElements } from './elements.js';

defineElements();

export * from './api.js';
