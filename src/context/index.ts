export { attachContextRoot, relaisClientContext } from './client-context.js';
export { ClientController, type ClientBinding } from './client-controller.js';
export { StoreController } from './store-controller.js';
