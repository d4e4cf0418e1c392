import type { RespondArguments, RespondFn } from '@slack/bolt';
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/**
 * Answers at a request's response_url over kept-alive connections with Node's HTTP client. Bolt's own
 * `respond` goes through fetch, which costs about ten times the CPU per answer: under load the
 * answers would delay the acknowledgements of the commands behind them.
 */
const TIMEOUT_MS = 10_000;
const agents = { 'http:': new HttpAgent({ keepAlive: true }), 'https:': new HttpsAgent({ keepAlive: true }) };

/** Slack refused an answer at a response_url (an expired URL, a rate limit, an outage). */
export class ResponseUrlError extends Error {
  constructor(readonly status: number) {
    super(`Failed to respond to the response_url: ${status}`);
    this.name = 'ResponseUrlError';
  }
}

/** Sends one answer to the person who made a request. */
export type Respond = (message: RespondArguments) => Promise<unknown>;

/** Answers at `url`; with Bolt's `fallback` when the request came without one. */
export function responder(url: string | undefined, fallback: RespondFn): Respond {
  return url ? (message) => postResponse(url, message) : fallback;
}

export function postResponse(url: string, message: RespondArguments): Promise<void> {
  const target = new URL(url);
  if (target.protocol !== 'https:' && target.protocol !== 'http:') return Promise.reject(new Error('a response_url must be http(s)'));
  const body = JSON.stringify(message);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(
      target,
      {
        method: 'POST',
        agent: agents[target.protocol as 'http:' | 'https:'],
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        timeout: TIMEOUT_MS,
      },
      (response: IncomingMessage) => {
        response.resume();
        response.on('error', reject);
        response.on('end', () => {
          const status = response.statusCode ?? 0;
          if (status >= 200 && status < 300) resolve();
          else reject(new ResponseUrlError(status));
        });
      },
    );
    request.on('timeout', () => request.destroy(new Error(`no answer from the response_url within ${TIMEOUT_MS / 1000} s`)));
    request.on('error', reject);
    request.end(body);
  });
}
