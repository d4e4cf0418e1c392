import { loadConfig } from '../src/config.js';
import { createLog } from '../src/util/log.js';
import { startPaperwire } from '../src/app/start.js';

/**
 * The app under load, in a process of its own (started by bench/load.ts with --expose-gc), so its
 * heap and event loop hold nothing of the load generator. Configured from the environment like
 * `npm start`, on a free port (HTTP mode listens on every interface; the load test drives it over
 * 127.0.0.1 only). It reports over IPC.
 */
type Request = { type: 'heap' } | { type: 'cpu' } | { type: 'stop' };

async function main(): Promise<void> {
  if (!process.send) throw new Error('bench/load-app runs as a child of bench/load');
  const config = { ...loadConfig(process.env), port: 0 };
  const log = createLog({
    secrets: [config.slack.botToken, config.slack.signingSecret],
    sink: (line) => process.send!({ type: 'log', line }),
  });
  const running = await startPaperwire(config, { log });
  process.on('message', (message: Request) => {
    if (message.type === 'heap') {
      process.send!({ type: 'heap', heapUsed: heapAfterGc(), rss: process.memoryUsage().rss, maxRss: process.resourceUsage().maxRSS * 1024 });
    } else if (message.type === 'cpu') {
      process.send!({ type: 'cpu', usage: process.cpuUsage() });
    } else if (message.type === 'stop') {
      void running.stop().finally(() => process.exit(0));
    }
  });
  process.send({ type: 'ready', port: running.port, heapUsed: heapAfterGc() });
}

function heapAfterGc(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  // Two passes: the first can leave objects that only the second finds unreachable (weak refs, finalizers).
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

main().catch((error: unknown) => {
  process.stderr.write(`load-app: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
