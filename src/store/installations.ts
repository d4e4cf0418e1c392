import type { Db } from './database.js';
import type { InstallationsRepo, StoredInstallation } from './store.js';

interface Row {
  install_key: string;
  team_id: string | null;
  enterprise_id: string | null;
  sealed: string;
  installed_at: string;
}

export const fromInstallationRow = (row: Row): StoredInstallation => ({
  key: row.install_key,
  ...(row.team_id ? { teamId: row.team_id } : {}),
  ...(row.enterprise_id ? { enterpriseId: row.enterprise_id } : {}),
  sealed: row.sealed,
  installedAt: row.installed_at,
});

export function installationsRepo(db: Db): InstallationsRepo {
  // Prepared on first use (see papers.ts).
  const prepare = () => ({
    upsert: db.prepare(`
    INSERT INTO installations (install_key, team_id, enterprise_id, sealed, installed_at) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (install_key) DO UPDATE SET team_id = excluded.team_id, enterprise_id = excluded.enterprise_id,
      sealed = excluded.sealed, installed_at = excluded.installed_at`),
    get: db.prepare<[string], Row>('SELECT * FROM installations WHERE install_key = ?'),
    remove: db.prepare('DELETE FROM installations WHERE install_key = ?'),
  });
  let statements: ReturnType<typeof prepare> | undefined;
  const q = () => (statements ??= prepare());
  return {
    save: async (i) => void q().upsert.run(i.key, i.teamId ?? null, i.enterpriseId ?? null, i.sealed, i.installedAt),
    get: async (key) => {
      const row = q().get.get(key);
      return row ? fromInstallationRow(row) : undefined;
    },
    remove: async (key) => q().remove.run(key).changes > 0,
  };
}
