export { $configurationError, $pageClient, $pageLocale, configure, reportConfigurationError, reportNotConfigured, resetConfiguration, type RelaisConfig } from './page-client.js';
export { configureFromDocument, readDeclarativeConfig, registerAdapterFactory, type AdapterFactory, type DeclarativeConfig } from './declarative.js';
export { registerBuiltInAdapters } from './built-in-adapters.js';
