import { mkdtempSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHmac } from 'node:crypto';
import { createDatabase, startEmbeddedPostgres } from '../test/helpers/embedded-postgres.js';
import { SIGNING_SECRET } from '../test/helpers/signed-request.js';
import { SlackStandIn } from '../test/helpers/slack-stand-in.js';
import { postToSlackEvents } from './post-event.js';
import { type Replica, startReplica, subscribeDue, until } from '../test/cluster/replicas.js';
import { ms, summarise } from './load-stats.js';

/**
 * `npm run bench:cluster`: in one run, on this machine,
 *  1. three replicas on PostgreSQL against one process on SQLite: signed `/papers saved` commands
 *     (a store read per request) from CONCURRENCY clients for SECONDS, acknowledged per second and ack p99;
 *  2. the digest for 200 subscribed channels across three replicas: the time, and the posts Slack got
 *     against what exactly-once requires (one parent and TOP_N replies per channel).
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 24);
const CHANNELS = 200;
const TOP_N = 3;
/** Where the app answers the commands: the counting stand-in. */
let respondUrl = '';

function signedCommand(i: number): { body: string; headers: Record<string, string> } {
  const body = new URLSearchParams({
    token: 'legacy',
    team_id: 'T1',
    channel_id: 'C1',
    user_id: `U${i % 50}`,
    command: '/papers',
    text: 'saved',
    trigger_id: 'trig',
    response_url: respondUrl,
  }).toString();
  const ts = String(Math.floor(Date.now() / 1000));
  const signature = 'v0=' + createHmac('sha256', SIGNING_SECRET).update(`v0:${ts}:${body}`).digest('hex');
  return { body, headers: { 'x-slack-request-timestamp': ts, 'x-slack-signature': signature } };
}

function post(agent: Agent, url: string, i: number): Promise<number> {
  const { body, headers } = signedCommand(i);
  const { hostname, port } = new URL(url);
  return postToSlackEvents(agent, { host: hostname, port: Number(port) }, body, headers, 10_000);
}

/** CONCURRENCY clients, round-robin over the replicas, for SECONDS. */
async function load(urls: string[]): Promise<{ perSecond: number; p50: number; p99: number; errors: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const latencies: number[] = [];
  let errors = 0;
  let n = 0;
  const end = Date.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() < end) {
        const i = n++;
        const started = performance.now();
        try {
          const status = await post(agent, urls[i % urls.length]!, i);
          if (status === 200) latencies.push(performance.now() - started);
          else errors++;
        } catch {
          errors++;
        }
      }
    }),
  );
  agent.destroy();
  const s = summarise(latencies);
  return { perSecond: latencies.length / SECONDS, p50: s.p50, p99: s.p99, errors };
}

async function main(): Promise<void> {
  const pg = await startEmbeddedPostgres();
  const quiet = await new SlackStandIn({ record: false }).start();
  respondUrl = quiet.responseUrl('bench');
  const replicas: Replica[] = [];
  try {
    process.stderr.write(`load: ${CONCURRENCY} clients for ${SECONDS}s per setup\n`);
    const sqlitePath = join(mkdtempSync(join(tmpdir(), 'paperwire-bench-')), 'paperwire.db');
    const single = await startReplica('', quiet.apiUrl, { DATABASE_URL: '', PAPERWIRE_DB: sqlitePath });
    const sqlite = await load([single.url]);
    await single.stop();

    const loadDb = await createDatabase(pg.url, 'bench_load');
    replicas.push(...(await Promise.all([1, 2, 3].map(() => startReplica(loadDb, quiet.apiUrl)))));
    const cluster = await load(replicas.map((r) => r.url));
    await Promise.all(replicas.splice(0).map((r) => r.stop()));

    const slack = await new SlackStandIn().start();
    const digestDb = await createDatabase(pg.url, 'bench_digest');
    const channels = Array.from({ length: CHANNELS }, (_, i) => `CD${String(i).padStart(3, '0')}`);
    await subscribeDue(digestDb, channels, TOP_N);
    const started = performance.now();
    replicas.push(...(await Promise.all([1, 2, 3].map(() => startReplica(digestDb, slack.apiUrl)))));
    const expected = CHANNELS * (1 + TOP_N);
    await until('every digest', () => slack.callsTo('chat.postMessage').length >= expected, 300_000);
    const seconds = (performance.now() - started) / 1000;
    await new Promise((r) => setTimeout(r, 2000));
    const posts = slack.callsTo('chat.postMessage').length;
    const parents = [...slack.messages.values()].reduce((n, list) => n + list.filter((m) => !m.thread_ts).length, 0);
    await Promise.all(replicas.splice(0).map((r) => r.stop()));
    await slack.stop();

    const row = (name: string, r: typeof sqlite) =>
      `${name.padEnd(30)} ${r.perSecond.toFixed(0).padStart(8)} req/s   ack p50 ${ms(r.p50).padStart(9)}   ack p99 ${ms(r.p99).padStart(9)}   errors ${r.errors}`;
    console.log('\npaperwire cluster benchmark (signed /papers saved; one store read per request)');
    console.log(row('1 process, SQLite', sqlite));
    console.log(row('3 replicas, PostgreSQL', cluster));
    console.log(
      `\ndigest for ${CHANNELS} channels (top ${TOP_N}) across 3 replicas: ${seconds.toFixed(1)} s from the replicas' start (incl. their start-up); ` +
        `${posts} posts for ${expected} required (${parents} parents for ${CHANNELS} channels) — ${posts === expected && parents === CHANNELS ? 'exactly once' : 'NOT exactly once'}`,
    );
  } finally {
    await Promise.all(replicas.map((r) => r.stop()));
    await quiet.stop();
    await pg.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:cluster failed: ${(error as Error).message}\n`);
  process.exitCode = 1;
});
