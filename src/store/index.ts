/** Persistence: one repository interface, SQLite (default, one file) or PostgreSQL by URL. */
export { DEFAULT_STORE, isPostgresUrl, openStore, storeLocation } from './openStore.ts';
export { canonicalJson, contentHash } from './canonicalJson.ts';
export type * from './trustStore.ts';
