export { RelaisClient, type RelaisClientOptions, type ShareRequest, type PendingWrite } from './client.js';
export { systemClock, wakeAt, type Clock } from '../clock.js';
export { LocalState, type LocalStateOptions, type StorageArea } from './local-state.js';
export { toErrorInfo, type RelaisErrorInfo } from './errors.js';
export { type Loadable } from './resource.js';
