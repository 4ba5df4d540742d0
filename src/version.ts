/** The package version, shown as `Relais.version` and used to keep two copies on one page apart. */
export const VERSION = '0.1.0';
