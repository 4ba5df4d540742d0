import { MemoryAdapter } from '../adapters/memory-adapter.js';
import { RestAdapter } from '../adapters/rest/rest-adapter.js';
import { StaticAdapter } from '../adapters/static-adapter.js';
import type { DataDocumentInput } from '../model/index.js';
import { registerAdapterFactory } from './declarative.js';

/**
 * Makes `data-adapter="static"`, `data-adapter="rest"` and `data-adapter="memory"` available. The script-tag bundle
 * calls this; an npm user who configures with `configure({ adapter })` never needs it.
 */
export function registerBuiltInAdapters(): void {
  registerAdapterFactory('static', (config) => {
    if (!config.src) throw new TypeError('Relais: data-adapter="static" needs data-src, the URL of the data document.');
    try {
      // The document's sample viewer only where the page asks for it: else everyone would be that person.
      return new StaticAdapter({ src: config.src, viewer: config.viewer, sampleViewer: config.sampleViewer === true });
    } catch (error) {
      throw new TypeError(`Relais: data-src="${config.src}" is not a valid URL (${(error as Error).message}).`, { cause: error });
    }
  });
  // Who the viewer is comes from the server (the intranet's session cookie goes along), never from the page.
  registerAdapterFactory('rest', (config) => {
    if (!config.endpoint) throw new TypeError('Relais: data-adapter="rest" needs data-endpoint, the base URL of the REST API (e.g. /relais/api/v1).');
    try {
      return new RestAdapter({ endpoint: config.endpoint, credentials: 'include' });
    } catch (error) {
      throw new TypeError(`Relais: data-endpoint="${config.endpoint}" is not a valid URL (${(error as Error).message}).`, { cause: error });
    }
  });
  // The inline document is untrusted JSON: MemoryAdapter parses it and names any bad field.
  registerAdapterFactory('memory', (config) => new MemoryAdapter({ data: config.data as DataDocumentInput, viewer: config.viewer, sampleViewer: config.sampleViewer === true }));
}
