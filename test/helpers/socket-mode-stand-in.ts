import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';

/**
 * A local stand-in for Slack's Socket Mode WebSocket: the app connects to it (the Web API stand-in's
 * apps.connections.open hands out its URL), receives `hello`, then envelopes the test sends, and acks
 * each by envelope_id. Minimal RFC 6455: text, close, ping/pong frames; no extensions.
 */
export class SocketModeStandIn {
  readonly acks: Array<{ envelope_id: string; payload?: unknown }> = [];
  private server: Server = createServer((_req, res) => res.writeHead(426).end());
  private socket: Duplex | undefined;
  private connected: Promise<void>;
  private resolveConnected!: () => void;
  private buffer = Buffer.alloc(0);

  constructor() {
    this.connected = new Promise((resolve) => (this.resolveConnected = resolve));
    this.server.on('upgrade', (req, socket) => this.upgrade(req, socket));
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  get url(): string {
    return `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}/link`;
  }

  /** Resolves once the app has connected and been greeted. */
  waitForConnection(): Promise<void> {
    return this.connected;
  }

  /** Sends an envelope as Slack would and waits for the app's ack of it. */
  async send(
    type: 'slash_commands' | 'interactive' | 'events_api',
    payload: Record<string, unknown>,
    timeoutMs = 5000,
  ): Promise<{ envelope_id: string; payload?: unknown }> {
    const envelopeId = `env-${Math.random().toString(36).slice(2)}`;
    this.write(JSON.stringify({ envelope_id: envelopeId, type, payload, accepts_response_payload: type !== 'events_api', retry_attempt: 0, retry_reason: '' }));
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const ack = this.acks.find((a) => a.envelope_id === envelopeId);
      if (ack) return ack;
      if (Date.now() > deadline) throw new Error(`no ack for ${type} envelope in ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  /** Drops the connection as a network failure would; waitForConnection() then waits for the app to come back. */
  disconnect(): void {
    this.connected = new Promise((resolve) => (this.resolveConnected = resolve));
    this.buffer = Buffer.alloc(0);
    this.socket?.destroy();
    this.socket = undefined;
  }

  stop(): Promise<void> {
    this.socket?.destroy();
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private upgrade(req: IncomingMessage, socket: Duplex): void {
    const key = req.headers['sec-websocket-key'];
    const accept = createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
    socket.write(['HTTP/1.1 101 Switching Protocols', 'Upgrade: websocket', 'Connection: Upgrade', `Sec-WebSocket-Accept: ${accept}`, '', ''].join('\r\n'));
    this.socket = socket;
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('error', () => {});
    this.write(
      JSON.stringify({
        type: 'hello',
        num_connections: 1,
        debug_info: { host: 'stand-in', approximate_connection_time: 3600 },
        connection_info: { app_id: 'A1' },
      }),
    );
    this.resolveConnected();
  }

  private write(text: string | Buffer, opcode = 0x1): void {
    const data = typeof text === 'string' ? Buffer.from(text) : text;
    const header =
      data.length < 126
        ? Buffer.from([0x80 | opcode, data.length])
        : data.length < 65536
          ? Buffer.from([0x80 | opcode, 126, data.length >> 8, data.length & 0xff])
          : (() => {
              const h = Buffer.alloc(10);
              h[0] = 0x80 | opcode;
              h[1] = 127;
              h.writeBigUInt64BE(BigInt(data.length), 2);
              return h;
            })();
    this.socket?.write(Buffer.concat([header, data]));
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      if (this.buffer.length < 2) return;
      const opcode = this.buffer[0]! & 0x0f;
      let length = this.buffer[1]! & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (this.buffer.length < 4) return;
        length = this.buffer.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (this.buffer.length < 10) return;
        length = Number(this.buffer.readBigUInt64BE(2));
        offset = 10;
      }
      const masked = (this.buffer[1]! & 0x80) !== 0;
      const total = offset + (masked ? 4 : 0) + length;
      if (this.buffer.length < total) return;
      const mask = masked ? this.buffer.subarray(offset, offset + 4) : undefined;
      const data = Buffer.from(this.buffer.subarray(total - length, total));
      if (mask) for (let i = 0; i < data.length; i++) data[i]! ^= mask[i % 4]!;
      this.buffer = this.buffer.subarray(total);
      if (opcode === 0x1) this.acks.push(JSON.parse(data.toString('utf8')));
      else if (opcode === 0x9) this.write(data, 0xa);
      else if (opcode === 0x8) {
        this.socket?.write(Buffer.from([0x88, 0]));
        this.socket?.end();
      }
    }
  }
}
