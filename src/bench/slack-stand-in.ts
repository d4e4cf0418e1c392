import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One answer the app sent to a `response_url`. */
export interface Answer {
  id: string;
  body: string;
  at: number;
}

/**
 * A loopback stand-in for Slack during the load test: the Web API (`/api/<method>`, every call
 * answered `ok`) and the `response_url`s (`/respond/<id>`), whose answers it hands to `onAnswer`.
 */
export class BenchSlack {
  readonly apiCalls = new Map<string, number>();
  private readonly server: Server;

  constructor(
    private readonly onAnswer: (answer: Answer) => void,
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.keepAliveTimeout = 30_000;
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', resolve);
    });
    return this;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Ends in `/` as SLACK_API_URL must. */
  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  responseUrl(id: string): string {
    return `${this.url}/respond/${id}`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (path.startsWith('/respond/')) {
      this.onAnswer({ id: path.slice('/respond/'.length), body, at: this.clock() });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    const method = path.replace(/^\/api\//, '');
    this.apiCalls.set(method, (this.apiCalls.get(method) ?? 0) + 1);
    const answer =
      method === 'auth.test'
        ? { ok: true, url: 'https://bench.example/', team: 'bench', user: 'paperwire', team_id: 'T1', user_id: 'U0', bot_id: 'B0' }
        : { ok: true, ts: `${Date.now() / 1000}`, channel: 'C1' };
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
  }
}
