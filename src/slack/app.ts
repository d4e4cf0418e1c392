import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import type { Runtime } from '../features/runtime.js';
import { createSlackHttpServer, MAX_BODY_BYTES } from './http-server.js';
import { registerListeners } from './listeners/index.js';
import { slackLogger } from './logger.js';

export interface SlackApp {
  app: InstanceType<typeof App>;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** HTTP mode: the port it listens on (useful when started on port 0). */
  port(): number | undefined;
}

/** Bolt wired for the mode the config chose: Socket Mode, or HTTP with /slack/events and /healthz. */
export function createSlackApp(rt: Runtime, startedAt = Date.now()): SlackApp {
  const { slack, mode } = rt.config;
  const logger = slackLogger(rt.log);
  const clientOptions = {
    slackApiUrl: slack.apiUrl,
    logger,
    // Slack's own advice: a few quick retries; a longer outage is reported rather than queued for half an hour.
    retryConfig: { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 4000 },
    timeout: 10_000,
  };
  // paperwire keeps no per-conversation state; Bolt's default store would cost a lookup per request.
  const convoStore = false as const;

  if (mode === 'socket') {
    const app = new App({
      token: slack.botToken,
      appToken: slack.appToken,
      socketMode: true,
      logger,
      logLevel: LogLevel.INFO,
      clientOptions,
      convoStore,
    });
    registerListeners(app, rt);
    return {
      app,
      start: async () => {
        await app.start();
      },
      stop: () => app.stop().then(() => undefined),
      port: () => undefined,
    };
  }

  const receiver = new HTTPReceiver({
    signingSecret: slack.signingSecret!,
    endpoints: '/slack/events',
    bodyLimit: MAX_BODY_BYTES,
    logger,
    customRoutes: [
      {
        path: '/healthz',
        method: ['GET'],
        handler: (_req, res) => {
          const library = rt.library();
          void databaseAnswers(rt).then((database) => {
            res.writeHead(database ? 200 : 503, { 'content-type': 'application/json' });
            res.end(
              JSON.stringify({
                ok: database,
                database: database ? 'up' : 'down',
                store: rt.store.kind,
                papers: library.papers.length,
                corpusVersion: library.version,
                uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
              }),
            );
          });
        },
      },
    ],
  });
  const app = new App({ token: slack.botToken, receiver, logger, logLevel: LogLevel.INFO, clientOptions, convoStore });
  registerListeners(app, rt);
  let server: Server | undefined;
  return {
    app,
    async start() {
      // Bolt checks the token with auth.test before it serves anything; a bad token stops the start here.
      await app.client.auth.test();
      server = createSlackHttpServer(receiver.requestListener, rt.log);
      await new Promise<void>((resolve, reject) => {
        server!.once('error', reject);
        if (rt.config.host) server!.listen(rt.config.port, rt.config.host, resolve);
        else server!.listen(rt.config.port, resolve);
      });
    },
    async stop() {
      if (!server) return;
      server.closeIdleConnections();
      await new Promise<void>((resolve) => server!.close(() => resolve()));
    },
    port: () => (server?.address() as AddressInfo | null)?.port,
  };
}

/** Whether the store answers within two seconds (a load balancer asks often; it must not hang). */
async function databaseAnswers(rt: Runtime): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), 2000)));
  try {
    return await Promise.race([rt.store.ping().then(() => true), late]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
