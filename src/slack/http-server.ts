import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { Log } from '../util/log.js';

/** Slack allows five minutes of clock skew either way; Bolt only checks the past. */
export const MAX_SKEW_SECONDS = 5 * 60;
/** Slack's own payloads are a few KB; 1 MB is generous and stops memory abuse. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The HTTP front of HTTP mode: rejects requests with a missing, stale or future timestamp and bodies
 * over the limit before any byte of the body is read, then hands the rest to Bolt's receiver, which
 * checks the signature.
 */
export function createSlackHttpServer(listener: RequestListener, log: Log, now: () => number = Date.now): Server {
  return createServer((req: IncomingMessage, res: ServerResponse) => {
    if (req.method === 'POST') {
      const length = Number(req.headers['content-length'] ?? 0);
      if (length > MAX_BODY_BYTES) return reject(req, res, 413, 'body over the size limit', { bytes: length });
      const timestamp = Number(req.headers['x-slack-request-timestamp']);
      const skew = Math.abs(now() / 1000 - timestamp);
      if (!Number.isFinite(timestamp) || skew > MAX_SKEW_SECONDS) {
        return reject(req, res, 401, 'missing, stale or future request timestamp', { skewSeconds: Number.isFinite(skew) ? Math.round(skew) : null });
      }
    }
    listener(req, res);
  });

  function reject(req: IncomingMessage, res: ServerResponse, status: number, reason: string, context: Record<string, unknown>) {
    log.warn(`rejected a request to ${req.url}: ${reason}`, context);
    res.writeHead(status, { connection: 'close' }).end();
    req.resume();
  }
}
