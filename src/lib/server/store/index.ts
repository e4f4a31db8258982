import { join } from 'node:path';
import { appRoot } from '../paths';
import { openSqliteStore } from './sqlite';
import type { Store, StoreLocation } from './types';

export type { InputRow, Q, Store, StoreLocation, Tables, Writes } from './types';

/** Default database file: `data/workshop.db` in the app's folder; `DATABASE_PATH` moves it. */
export function databasePath(): string {
	return process.env.DATABASE_PATH || join(appRoot(), 'data', 'workshop.db');
}

/** Organisation mode when DATABASE_URL is a postgres:// URL; otherwise the SQLite file, as always. */
export function configuredLocation(env = process.env): StoreLocation {
	const url = env.DATABASE_URL?.trim();
	if (url && /^postgres(ql)?:\/\//.test(url)) return { kind: 'postgres', url };
	return { kind: 'sqlite', path: databasePath() };
}

/** Opens (and migrates) the store at `location`. */
export async function openStore(location: StoreLocation): Promise<Store> {
	if (location.kind === 'sqlite') return openSqliteStore(location.path);
	// Loaded only in organisation mode: a laptop install never touches the pg driver.
	const { openPgStore } = await import('./pg');
	return openPgStore(location.url);
}

const KEY = Symbol.for('workshop-companion.store');
const READY = Symbol.for('workshop-companion.store.ready');
type WithStore = typeof globalThis & { [KEY]?: Promise<Store>; [READY]?: Store };

/**
 * The process's one store, opened (and migrated) once. Kept on globalThis so that development
 * reloads and the socket server (loaded by the Vite plugin) share it with the routes.
 */
export function initStore(): Promise<Store> {
	const g = globalThis as WithStore;
	g[KEY] ??= openStore(configuredLocation()).then((store) => (g[READY] = store));
	return g[KEY];
}

/** The store, once `initStore` has opened it (the server's init hook does, before any request). */
export function getStore(): Store {
	const store = (globalThis as WithStore)[READY];
	if (!store) throw new Error('The store is not open yet: initStore() first.');
	return store;
}
