/**
 * The workshop API, one definition for the server and the page: the small shared values (ids.ts),
 * what the page sends (requests.ts), what the server answers (replies.ts) and the table of
 * endpoints that ties them together (endpoints.ts). Import from here or from those files.
 */
export * from './ids.js';
export * from './requests.js';
export * from './replies.js';
export * from './endpoints.js';
