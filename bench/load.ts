import { fork, type ChildProcess } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { Agent } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_CACHE_DIR } from '../src/library/library.js';
import { fromPackageRoot } from '../src/util/paths.js';
import { snapshotPath } from '../src/library/snapshot.js';
import { SlackStandIn } from '../test/helpers/slack-stand-in.js';
import { postToSlackEvents } from './post-event.js';
import { mb, ms, summarise } from './load-stats.js';

/**
 * `npm run bench:load`: the app in HTTP mode (a child process, --expose-gc) on loopback, its Web API
 * and response_urls pointed at a stand-in Slack in this process, driven with `/papers` commands
 * signed as Slack signs them, from N concurrent clients for a bounded time and request count.
 *
 *   --seconds 60  --clients 50  --warmup 5 (not counted: JIT, first connections)  --max-requests 500000
 *   --query TEXT (repeatable) instead of the mixed set; --corpus DIR (default data/corpus, copied first)
 *   --reload-every S   take a page out of the copied corpus and put it back every S seconds (live reloads under load)
 *   --in-place         serve the corpus directory itself (no copy), so its start-up snapshot is kept between runs:
 *                      the second run measures an app started from the snapshot, as a restarted app is
 *   --rate N           open loop: N commands a second on a fixed schedule, at most --clients in flight
 *                      (default: closed loop, each client sends its next command once the last is acknowledged)
 *   --profile-dir DIR  write the app's CPU profile there
 */
const QUERIES = [
  'diffusion',
  'llm',
  'kv cache compression',
  'reinforcement learning from human feedback for reasoning models',
  'video generation',
  '"large language models"',
  'mixture of experts routing',
  'transformr', // a typo
  'agents benchmark',
  'speculative decoding latency',
  'vision language model hallucination',
  'retrieval augmented generation evaluation',
  'quantization',
  'multimodal',
  'xyzzyplugh', // no results
  'efficient long context attention',
  'robot manipulation',
  'synthetic data',
  'trending',
  'help',
];
const TARGETS = { ackP99Ms: 100, heapGrowth: 0.1 };
const ANSWER_GRACE_MS = 5_000;
/** Slack gives up on an unacknowledged request after 3 s; the load test counts one after 10 s as an error and moves on. */
const REQUEST_TIMEOUT_MS = 10_000;
/** A large corpus is parsed and indexed before the app is ready (about 30 s at 100,000 papers on 2 cores). */
const READY_TIMEOUT_MS = 300_000;
const MAX_LOG_LINES_SHOWN = 40;
/** The start of the notice the Slack listeners send when a handler failed (src/slack/listeners/papers.ts). */
const SORRY = 'Sorry, something went wrong on my side';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    clients: { type: 'string', default: '50' },
    'max-requests': { type: 'string', default: '500000' },
    'reload-every': { type: 'string', default: '0' },
    rate: { type: 'string', default: '0' },
    warmup: { type: 'string', default: '5' },
    corpus: { type: 'string', default: fromPackageRoot('data/corpus') },
    query: { type: 'string', multiple: true },
    'profile-dir': { type: 'string' },
    'in-place': { type: 'boolean', default: false },
  },
});
const seconds = bounded('--seconds', values.seconds, 1, 600);
const clients = bounded('--clients', values.clients, 1, 500);
const maxRequests = bounded('--max-requests', values['max-requests'], 1, 5_000_000);
const reloadEvery = bounded('--reload-every', values['reload-every'], 0, 600);
const warmup = bounded('--warmup', values.warmup, 0, 60);
const rate = bounded('--rate', values.rate, 0, 100_000);
const queries = values.query && values.query.length > 0 ? values.query : QUERIES;

function bounded(flag: string, text: string, min: number, max: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max) {
    process.stderr.write(`${flag} must be a whole number from ${min} to ${max}\n`);
    process.exit(2);
  }
  return n;
}

/** What one phase of the run (warm-up or measured) saw. */
interface Phase {
  ackMs: number[];
  answerMs: number[];
  ackStatus: Map<number, number>;
  network: number;
  sorryAnswers: number;
  missingAnswers: number;
  elapsedS: number;
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'paperwire-load-'));
  if (values['in-place'] && reloadEvery > 0) throw new Error('--in-place and --reload-every do not go together: the reloads change the corpus');
  const corpusDir = values['in-place'] ? values.corpus : join(work, 'corpus');
  if (!values['in-place']) cpSync(values.corpus, corpusDir, { recursive: true });

  const pending = new Map<string, { at: number; phase: Phase }>();
  let unknownAnswers = 0;
  const onAnswer = (answer: { id: string; body: string; at: number }) => {
    const sent = pending.get(answer.id);
    if (!sent) {
      unknownAnswers++;
      return;
    }
    pending.delete(answer.id);
    sent.phase.answerMs.push(answer.at - sent.at);
    if (answer.body.includes(SORRY)) sent.phase.sorryAnswers++;
  };
  const slack = await new SlackStandIn({ record: false, onAnswer }).start();

  const secret = randomBytes(32).toString('hex');
  const app = await startApp(
    {
      SLACK_BOT_TOKEN: `xoxb-bench-${randomBytes(8).toString('hex')}`,
      SLACK_SIGNING_SECRET: secret,
      SLACK_API_URL: slack.apiUrl,
      PAPERWIRE_DB: join(work, 'paperwire.db'),
      PAPERWIRE_CORPUS_DIR: corpusDir,
      PAPERWIRE_INGEST: 'off',
    },
    values['profile-dir'],
  );
  const port = app.port;
  // Each client keeps one connection open, as a steady stream of Slack requests would.
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  console.log(
    `paperwire load test: ${clients} clients${rate > 0 ? ` at ${rate} commands/s` : ''}, ${warmup} s warm-up + ${seconds} s measured (at most ${maxRequests} requests), ` +
      `${queries.length} queries, against http://127.0.0.1:${port}/slack/events`,
  );

  let next = 0;
  /** Closed loop: each client sends its next command as soon as the last is acknowledged; with --rate, when it is due. */
  async function run(durationS: number): Promise<Phase> {
    const phase: Phase = { ackMs: [], answerMs: [], ackStatus: new Map(), network: 0, sorryAnswers: 0, missingAnswers: 0, elapsedS: 0 };
    const started = performance.now();
    const deadline = started + durationS * 1000;
    let slot = 0;
    const client = async () => {
      while (performance.now() < deadline && next < maxRequests) {
        // With --rate, commands are due on a fixed schedule whatever the acknowledgements do (as Slack sends
        // them), and each one's latency counts from when it was due, so a late client cannot hide a stall.
        const due = rate > 0 ? started + (slot++ * 1000) / rate : undefined;
        if (due !== undefined) {
          if (due >= deadline) break;
          const wait = due - performance.now();
          if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        }
        const n = next++;
        const id = String(n);
        const body = new URLSearchParams({
          token: 'legacy',
          team_id: 'T1',
          team_domain: 'bench',
          channel_id: 'C1',
          channel_name: 'papers',
          user_id: `U${n % 20}`,
          user_name: 'bench',
          command: '/papers',
          text: queries[n % queries.length]!,
          api_app_id: 'A1',
          response_url: slack.responseUrl(id),
          trigger_id: `trigger-${id}`,
        }).toString();
        const timestamp = Math.floor(Date.now() / 1000);
        const signature = 'v0=' + createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex');
        const at = due ?? performance.now();
        pending.set(id, { at, phase });
        try {
          const status = await postToSlackEvents(
            agent,
            { host: '127.0.0.1', port },
            body,
            { 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature },
            REQUEST_TIMEOUT_MS,
          );
          phase.ackMs.push(performance.now() - at);
          if (status !== 200) {
            phase.ackStatus.set(status, (phase.ackStatus.get(status) ?? 0) + 1);
            pending.delete(id);
          }
        } catch {
          phase.network++;
          pending.delete(id);
        }
      }
    };
    await Promise.all(Array.from({ length: clients }, client));
    phase.elapsedS = (performance.now() - started) / 1000;
    // Let the answers of this phase arrive before the next starts or the heap is measured.
    const graceEnd = performance.now() + ANSWER_GRACE_MS;
    const waiting = () => [...pending.values()].some((p) => p.phase === phase);
    while (waiting() && performance.now() < graceEnd) await new Promise((r) => setTimeout(r, 20));
    for (const [id, p] of pending) {
      if (p.phase !== phase) continue;
      phase.missingAnswers++;
      pending.delete(id);
    }
    return phase;
  }

  const [loadAvgStart] = loadavg();
  const warm = await run(warmup);
  const heapStart = await app.heap();
  const reloads = reloadEvery > 0 ? startReloading(corpusDir, join(work, 'aside'), reloadEvery) : undefined;
  const appCpuStart = await app.cpu();
  const loadCpuStart = process.cpuUsage();
  const measured = await run(seconds);
  const loadCpu = process.cpuUsage(loadCpuStart);
  const appCpu = await app.cpu();
  if (reloads) {
    // The heap at the end is measured on the corpus of the start.
    reloads.stop();
    await swapsLogged(app, reloads.changes);
  }
  const heapEnd = await app.heap();
  const rssEnd = { ...app.rss };
  agent.destroy();
  await app.stop();
  await slack.stop();
  rmSync(work, { recursive: true, force: true });
  // The app keeps a start-up snapshot per corpus directory; this run's directory is gone, so is its snapshot.
  if (!values['in-place']) rmSync(snapshotPath(fromPackageRoot(DEFAULT_CACHE_DIR), corpusDir), { force: true });

  const ack = summarise(measured.ackMs);
  const answer = summarise(measured.answerMs);
  const errorsOf = (p: Phase) => [...p.ackStatus.values()].reduce((a, b) => a + b, 0) + p.network + p.sorryAnswers + p.missingAnswers;
  const errorCount = errorsOf(warm) + errorsOf(measured) + unknownAnswers;
  const growth = (heapEnd - heapStart) / heapStart;
  const cpuShare = (usage: NodeJS.CpuUsage) => `${(((usage.user + usage.system) / 1e6 / measured.elapsedS) * 100).toFixed(0)}% of one core`;
  const warmAck = summarise(warm.ackMs);

  console.log(
    `warm-up: ${warmAck.count} requests in ${warm.elapsedS.toFixed(1)} s, ack p50 ${ms(warmAck.p50)}, p99 ${ms(warmAck.p99)}, max ${ms(warmAck.max)}`,
  );
  console.log(`requests: ${ack.count} in ${measured.elapsedS.toFixed(1)} s = ${(ack.count / measured.elapsedS).toFixed(0)} requests/s`);
  console.log(`ack latency: p50 ${ms(ack.p50)}, p90 ${ms(ack.p90)}, p99 ${ms(ack.p99)}, max ${ms(ack.max)}`);
  console.log(
    `answer latency (command sent → reply at its response_url): p50 ${ms(answer.p50)}, p90 ${ms(answer.p90)}, p99 ${ms(answer.p99)}, max ${ms(answer.max)}`,
  );
  for (const [name, p] of [
    ['warm-up', warm],
    ['measured', measured],
  ] as const) {
    console.log(
      `errors (${name}): ${errorsOf(p)} (ack not 200: ${JSON.stringify(Object.fromEntries(p.ackStatus))}, network: ${p.network}, ` +
        `"something went wrong" answers: ${p.sorryAnswers}, answers missing after ${ANSWER_GRACE_MS / 1000} s: ${p.missingAnswers})`,
    );
  }
  if (unknownAnswers > 0) console.log(`answers to no known request: ${unknownAnswers}`);
  const [loadAvgEnd] = loadavg();
  console.log(
    `machine load average (1 min): ${loadAvgStart!.toFixed(2)} at the start, ${loadAvgEnd!.toFixed(2)} at the end (the run itself adds about 1.2 at the end; more means other work shared these cores)`,
  );
  console.log(
    `CPU while measured: app ${cpuShare({ user: appCpu.user - appCpuStart.user, system: appCpu.system - appCpuStart.system })}, load generator and stand-in Slack ${cpuShare(loadCpu)} (${cpus().length} cores)`,
  );
  console.log(`app log: ${app.logCounts.warn} warnings, ${app.logCounts.error} errors; Web API calls: ${JSON.stringify(Object.fromEntries(slack.counts))}`);
  if (reloads)
    console.log(
      `corpus changes made: ${reloads.changes}; swaps logged by the app: ${app.swaps.length}${app.swaps.length ? ` (rebuild ms: ${app.swaps.join(', ')})` : ''}`,
    );
  console.log(
    `heap (after GC): at ready ${mb(app.heapReady)}, after warm-up ${mb(heapStart)}, at the end ${mb(heapEnd)}: ${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)}% over the measured run`,
  );
  console.log(`resident memory of the app: ${mb(rssEnd.now)} at the end, peak ${mb(rssEnd.peak)}`);
  console.log(
    `targets: ack p99 ≤ ${TARGETS.ackP99Ms} ms ${ack.p99 <= TARGETS.ackP99Ms ? 'met' : 'MISSED'}; no errors ${errorCount === 0 ? 'met' : 'MISSED'}; ` +
      `end heap within ${TARGETS.heapGrowth * 100}% of start ${Math.abs(growth) <= TARGETS.heapGrowth ? 'met' : 'MISSED'}`,
  );
}

interface AppProcess {
  port: number;
  heapReady: number;
  logCounts: { warn: number; error: number };
  /** Rebuild times (ms) of every corpus swap the app logged. */
  swaps: number[];
  heap(): Promise<number>;
  /** Resident memory at the last heap() call, and its peak so far (bytes). */
  rss: { now: number; peak: number };
  cpu(): Promise<NodeJS.CpuUsage>;
  stop(): Promise<void>;
}

type FromApp =
  | { type: 'ready'; port: number; heapUsed: number }
  | { type: 'heap'; heapUsed: number; rss: number; maxRss: number }
  | { type: 'cpu'; usage: NodeJS.CpuUsage }
  | { type: 'log'; line: string };

/** Only these variables reach the app: nothing from this shell's environment or .env. */
function startApp(env: Record<string, string>, profileDir?: string): Promise<AppProcess> {
  const child: ChildProcess = fork(new URL('./load-app.js', import.meta.url), [], {
    execArgv: ['--expose-gc', ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [])],
    env: { ...env, PATH: process.env.PATH ?? '' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const logCounts = { warn: 0, error: 0 };
  const swaps: number[] = [];
  let shown = 0;
  let heapWaiter: ((n: number) => void) | undefined;
  const rss = { now: 0, peak: 0 };
  let cpuWaiter: ((usage: NodeJS.CpuUsage) => void) | undefined;
  // The app never outlives the load test, however it ends.
  process.once('exit', () => child.kill());
  return new Promise((resolve, reject) => {
    const notReady = setTimeout(() => {
      child.kill();
      reject(new Error(`the app was not ready within ${READY_TIMEOUT_MS / 1000} s`));
    }, READY_TIMEOUT_MS);
    child.once('exit', (code) => {
      clearTimeout(notReady);
      reject(new Error(`the app exited (code ${code}) before it was ready`));
    });
    child.on('message', (message: FromApp) => {
      if (message.type === 'log') {
        const level = message.line.split(' ')[1];
        if (level === 'warn') logCounts.warn++;
        if (level === 'error') logCounts.error++;
        const swap = /corpus swapped .*"ms":(\d+)/.exec(message.line);
        if (swap) swaps.push(Number(swap[1]));
        if (level !== 'info' || swap || /corpus|library/.test(message.line)) {
          shown++;
          if (shown <= MAX_LOG_LINES_SHOWN) process.stderr.write(`  app: ${message.line}\n`);
          else if (shown === MAX_LOG_LINES_SHOWN + 1) process.stderr.write(`  app: (further log lines not shown; counted below)\n`);
        }
      } else if (message.type === 'heap') {
        rss.now = message.rss;
        rss.peak = message.maxRss;
        heapWaiter?.(message.heapUsed);
      } else if (message.type === 'cpu') {
        cpuWaiter?.(message.usage);
      } else if (message.type === 'ready') {
        clearTimeout(notReady);
        resolve({
          port: message.port,
          heapReady: message.heapUsed,
          rss,
          logCounts,
          swaps,
          heap: () =>
            new Promise((res) => {
              heapWaiter = res;
              child.send({ type: 'heap' });
            }),
          cpu: () =>
            new Promise((res) => {
              cpuWaiter = res;
              child.send({ type: 'cpu' });
            }),
          stop: () =>
            new Promise((res) => {
              child.removeAllListeners('exit');
              child.once('exit', () => res());
              child.send({ type: 'stop' });
            }),
        });
      }
    });
  });
}

/** Moves the last page out of the corpus and back in, every `everyS` seconds; `stop()` leaves the corpus as it was. */
function startReloading(corpusDir: string, asideDir: string, everyS: number) {
  mkdirSync(asideDir, { recursive: true });
  const name = readdirSync(corpusDir)
    .filter((n) => n.endsWith('.txt'))
    .sort()
    .pop();
  if (!name) throw new Error(`no page files in ${corpusDir}`);
  let out = false;
  const flip = () => {
    if (out) renameSync(join(asideDir, name), join(corpusDir, name));
    else renameSync(join(corpusDir, name), join(asideDir, name));
    out = !out;
    state.changes++;
  };
  const timer = setInterval(flip, everyS * 1000);
  const state = {
    changes: 0,
    stop() {
      clearInterval(timer);
      if (out) flip();
    },
  };
  return state;
}

/** Waits (at most `timeoutMs`) until the app has logged `count` swaps. */
async function swapsLogged(app: AppProcess, count: number, timeoutMs = 10_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (app.swaps.length < count && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
}

main().catch((error: unknown) => {
  process.stderr.write(`load test failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
