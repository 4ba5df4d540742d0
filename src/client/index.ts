export { RelaisClient, type RelaisClientOptions, type CharterState, type ShareRequest, type PendingWrite } from './client.js';
export { charterStanding, needsAcknowledgment, type CharterStatus, type CharterReason, type CharterStanding } from './charter-status.js';
export { toErrorInfo, type RelaisErrorInfo } from './errors.js';
export { resource, type Loadable, type Resource } from './resource.js';
