import { fromInstallationRow } from '../installations.js';
import type { InstallationsRepo } from '../store.js';
import type { PgDb } from './database.js';

export function pgInstallationsRepo(db: PgDb): InstallationsRepo {
  return {
    save: async (i) =>
      void (await db.query(
        `INSERT INTO installations (install_key, team_id, enterprise_id, sealed, installed_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (install_key) DO UPDATE SET team_id = excluded.team_id, enterprise_id = excluded.enterprise_id,
           sealed = excluded.sealed, installed_at = excluded.installed_at`,
        [i.key, i.teamId ?? null, i.enterpriseId ?? null, i.sealed, i.installedAt],
      )),
    get: async (key) => {
      const row = (await db.query<Parameters<typeof fromInstallationRow>[0]>('SELECT * FROM installations WHERE install_key = $1', [key])).rows[0];
      return row ? fromInstallationRow(row) : undefined;
    },
    remove: async (key) => (await db.query('DELETE FROM installations WHERE install_key = $1', [key])).rowCount > 0,
  };
}
