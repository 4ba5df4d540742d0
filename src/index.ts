/**
 * `import 'relais'` registers every element and exports the public API.
 * Each element folder can also be imported alone (`import 'relais/charter-banner'`).
 */
import '../components/relais-provider/relais-provider.define.js';
import '../components/charter-banner/charter-banner.define.js';

export { RelaisProviderElement } from '../components/relais-provider/relais-provider.js';
export { CharterBannerElement } from '../components/charter-banner/charter-banner.js';
export * from './model/index.js';
export * from './adapters/index.js';
export * from './client/index.js';
export { relaisClientContext, ClientController } from './context/index.js';
export { configure, resetConfiguration, configureFromDocument, readDeclarativeConfig, registerAdapterFactory, type RelaisConfig, type DeclarativeConfig } from './config/index.js';
export { registerLocale } from './i18n/index.js';
export { emit, type RelaisEventMap } from './events/index.js';
export { compilePolicy, checkPost, type CompiledGuard, type GuardReport, type Finding, type CheckOptions } from './guard/index.js';
export { defineElement } from './define.js';
export { VERSION as version } from './version.js';
