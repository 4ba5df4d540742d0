export { $pageClient, $pageLocale, configure, reportNotConfigured, resetConfiguration, type RelaisConfig } from './page-client.js';
export { configureFromDocument, readDeclarativeConfig, registerAdapterFactory, type AdapterFactory, type DeclarativeConfig } from './declarative.js';
export { registerBuiltInAdapters } from './built-in-adapters.js';
