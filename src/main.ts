#!/usr/bin/env node
import { ConfigError, loadConfig, loadDotEnv } from './config.js';
import { createLog } from './util/log.js';
import { startPaperwire, type Running } from './app/start.js';

/**
 * `npm start`: reads .env (variables already set win), checks the configuration before connecting
 * anything, and starts Socket Mode, HTTP mode or the local shell. SIGINT/SIGTERM stop it cleanly.
 */
async function main(): Promise<number> {
  loadDotEnv();

  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(error.message + '\n');
      return 2;
    }
    throw error;
  }
  const { slack, model } = config;
  const log = createLog({
    secrets: [
      slack.botToken,
      slack.appToken,
      slack.signingSecret,
      slack.oauth?.clientSecret,
      slack.oauth?.stateSecret,
      slack.oauth?.encryptionKey.toString('base64'),
      slack.oauth?.encryptionKey.toString('hex'),
      model?.apiKey,
      config.databaseUrl,
      databasePassword(config.databaseUrl),
    ],
  });

  let running: Running;
  try {
    running = await startPaperwire(config, { log });
  } catch (error) {
    log.error(`paperwire could not start: ${(error as Error).message}`);
    return 1;
  }

  const stop = async (signal: string) => {
    log.info(`${signal}: stopping`);
    try {
      await running.stop();
    } catch (error) {
      log.error('error while stopping', { error });
    }
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  await running.finished;
  await running.stop();
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`paperwire stopped: ${(error as Error).message}\n`);
    process.exitCode = 1;
  },
);

/** The password inside DATABASE_URL, so a log line can never carry it. */
function databasePassword(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return decodeURIComponent(new URL(url).password) || undefined;
  } catch {
    return undefined;
  }
}
