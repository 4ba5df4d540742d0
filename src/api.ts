/**
 * The public API, without registering anything: `relais` (which also registers the elements)
 * and the script-tag bundle (which registers them with the script tag's prefix) build on it.
 */
export { RelaisProviderElement } from '../components/relais-provider/relais-provider.js';
export { CharterBannerElement } from '../components/charter-banner/charter-banner.js';
export { defineElements, ELEMENTS, type DefineElementsOptions } from './elements.js';
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
