import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { Config } from '../config.js';
import type { Store } from '../store/store.js';
import type { Log } from '../util/log.js';
import { seal, unseal } from '../util/seal.js';

/** Why a workspace's digests are paused when the app leaves it; a new install there lifts exactly these pauses. */
export const UNINSTALLED_REASON = 'paperwire was removed from this workspace (or its token revoked); installing it again resumes the digest';

/** Bolt asked for a workspace paperwire is not installed in (never, or since uninstalled). */
export class NotInstalled extends Error {
  constructor(readonly installKey: string) {
    super(`paperwire is not installed in ${installKey}`);
    this.name = 'NotInstalled';
  }
}

/** The store's key for an installation: the org for an org-wide install, else the workspace. */
export function installationKey(query: { teamId?: string; enterpriseId?: string; isEnterpriseInstall?: boolean }): string {
  const key = query.isEnterpriseInstall ? query.enterpriseId : query.teamId;
  if (!key) throw new Error('an installation without a workspace or organisation id');
  return key;
}

/**
 * Bolt's installation store on paperwire's store: each installation (tokens included) is sealed with
 * AES-256-GCM under PAPERWIRE_ENCRYPTION_KEY before it is written, bound to its key, so the database
 * never holds a token in plain text. A new install also lifts the pauses its uninstall made.
 */
export function sealedInstallationStore(
  store: Pick<Store, 'installations' | 'subscriptions'>,
  key: Buffer,
  log: Log,
  now = () => new Date(),
): InstallationStore {
  return {
    async storeInstallation(installation) {
      const teamId = installation.team?.id;
      const enterpriseId = installation.enterprise?.id;
      const installKey = installationKey({ teamId, enterpriseId, isEnterpriseInstall: installation.isEnterpriseInstall });
      await store.installations.save({
        key: installKey,
        ...(teamId ? { teamId } : {}),
        ...(enterpriseId ? { enterpriseId } : {}),
        sealed: seal(key, JSON.stringify(installation), installKey),
        installedAt: now().toISOString(),
      });
      const resumed = teamId ? await store.subscriptions.resumeTeam(teamId, UNINSTALLED_REASON) : 0;
      log.info('installed in a workspace', { team: teamId, enterprise: enterpriseId, digestsResumed: resumed });
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const installKey = installationKey(query);
      const stored = await store.installations.get(installKey);
      if (!stored) throw new NotInstalled(installKey);
      return JSON.parse(unseal(key, stored.sealed, installKey)) as Installation<'v1' | 'v2', boolean>;
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      await store.installations.remove(installationKey(query));
    },
  };
}

/**
 * The bot token to post with in a workspace: the one SLACK_BOT_TOKEN in single-workspace mode, the
 * workspace's own installation in OAuth mode (undefined when it is not installed there).
 */
export function workspaceTokens(
  config: Pick<Config, 'slack'>,
  store: Pick<Store, 'installations' | 'subscriptions'>,
  log: Log,
): (teamId: string) => Promise<string | undefined> {
  const { oauth, botToken } = config.slack;
  if (!oauth) return async () => botToken;
  const installations = sealedInstallationStore(store, oauth.encryptionKey, log);
  return async (teamId) => {
    try {
      const installation = await installations.fetchInstallation({ teamId, enterpriseId: undefined, isEnterpriseInstall: false });
      return installation.bot?.token;
    } catch (error) {
      if (error instanceof NotInstalled) return undefined;
      throw error;
    }
  };
}

/** The app left a workspace (uninstalled, or its bot token revoked): forget its tokens and pause its digests. */
export async function forgetWorkspace(store: Pick<Store, 'installations' | 'subscriptions'>, teamId: string, log: Log, why: string): Promise<void> {
  const removed = await store.installations.remove(teamId);
  const paused = await store.subscriptions.pauseTeam(teamId, UNINSTALLED_REASON);
  log.info(`${why}: the workspace's installation is deleted and its digests paused`, { team: teamId, installationRemoved: removed, digestsPaused: paused });
}
