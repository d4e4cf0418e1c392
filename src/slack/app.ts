import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import type { Runtime } from '../features/runtime.js';
import { createSlackHttpServer, MAX_BODY_BYTES } from './http-server.js';
import { sealedInstallationStore } from './installations.js';
import { registerListeners, slackUsage } from './listeners/index.js';
import { scopesFor } from './listeners/usage.js';
import { slackLogger } from './logger.js';

export interface SlackApp {
  app: InstanceType<typeof App>;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** HTTP mode: the port it listens on (useful when started on port 0). */
  port(): number | undefined;
}

/** Bolt wired for the mode the config chose: Socket Mode, or HTTP with /slack/events and /healthz (and, with OAuth, /slack/install and /slack/oauth_redirect). */
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

  const { oauth } = slack;
  const receiver = new HTTPReceiver({
    signingSecret: slack.signingSecret!,
    endpoints: '/slack/events',
    bodyLimit: MAX_BODY_BYTES,
    logger,
    // OAuth mode: Bolt serves /slack/install (an "Add to Slack" link whose state is signed with
    // SLACK_STATE_SECRET and kept in a cookie, so any replica can finish the install) and
    // /slack/oauth_redirect, which exchanges the code (oauth.v2.access, at SLACK_API_URL) and keeps the
    // installation, sealed, in the store; each request is then authorized with its workspace's token.
    ...(oauth
      ? {
          clientId: oauth.clientId,
          clientSecret: oauth.clientSecret,
          stateSecret: oauth.stateSecret,
          scopes: scopesFor(slackUsage),
          installationStore: sealedInstallationStore(rt.store, oauth.encryptionKey, rt.log),
          installerOptions: {
            installPath: '/slack/install',
            redirectUriPath: '/slack/oauth_redirect',
            renderHtmlForInstallPath: installPage,
            clientOptions: { slackApiUrl: slack.apiUrl, timeout: 10_000 },
            ...(slack.apiUrl ? { authorizationUrl: new URL('../oauth/v2/authorize', slack.apiUrl).toString() } : {}),
          },
        }
      : {}),
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
  // With an installation store and no token, Bolt authorizes each request with its workspace's installation.
  const app = new App({ ...(oauth ? {} : { token: slack.botToken }), receiver, logger, logLevel: LogLevel.INFO, clientOptions, convoStore });
  registerListeners(app, rt);
  let server: Server | undefined;
  return {
    app,
    async start() {
      // Bolt checks the token with auth.test before it serves anything; a bad token stops the start here.
      // (OAuth mode has no token of its own: each workspace's is checked when it installs.)
      if (!oauth) await app.client.auth.test();
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

/** The page at /slack/install: one "Add to Slack" link (it carries the state), nothing loaded from elsewhere. */
function installPage(addToSlackUrl: string): string {
  const href = addToSlackUrl.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Add paperwire to Slack</title></head>
<body style="font-family: sans-serif; text-align: center; padding: 2em">
<h1>paperwire</h1>
<p>Find, summarise and follow research papers without leaving Slack.</p>
<p><a id="add-to-slack" href="${href}" style="font-size: 1.2em">Add to Slack</a></p>
</body></html>`;
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
