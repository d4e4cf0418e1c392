import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ChatRequest {
  authorization?: string;
  body: { model?: string; messages?: Array<{ role: string; content: string }>; [key: string]: unknown };
}

/** How the stand-in answers the next request: a status, a raw body, and an optional delay. */
export interface ChatReply {
  status?: number;
  body: string;
  delayMs?: number;
}

/** A local OpenAI-compatible chat-completions endpoint that records requests and answers as told. */
export class ChatStandIn {
  readonly requests: ChatRequest[] = [];
  reply: ChatReply = { body: '{}' };
  private server: Server = createServer((req, res) => void this.handle(req, res));
  private timers = new Set<NodeJS.Timeout>();

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1/chat/completions`;
  }

  stop(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** A well-formed completion whose message content is `content`. */
  static completion(content: string): string {
    return JSON.stringify({ id: 'c1', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }] });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    this.requests.push({ authorization: req.headers.authorization, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
    const { status = 200, body, delayMs = 0 } = this.reply;
    const send = () => {
      if (res.destroyed) return;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(body);
    };
    if (delayMs === 0) return send();
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      send();
    }, delayMs);
    this.timers.add(timer);
  }
}
