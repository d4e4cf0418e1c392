import type { Log } from '../util/log.js';
import { openPgStore } from './postgres.js';
import { openStore } from './sqlite.js';
import type { Store } from './store.js';

/** PostgreSQL when DATABASE_URL is set (no SQLite file is created then), else SQLite at PAPERWIRE_DB. */
export async function openConfiguredStore(config: { databaseUrl?: string; dbPath: string }, log: Log): Promise<Store> {
  return config.databaseUrl ? openPgStore(config.databaseUrl, { log }) : openStore(config.dbPath);
}
