import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postResponse, ResponseUrlError } from '../../src/slack/response-url.js';

describe('answering at a response_url', () => {
  let server: Server;
  let base: string;
  const seen: Array<{ path: string; body: unknown; socket: unknown }> = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        seen.push({ path: req.url ?? '', body: JSON.parse(body), socket: req.socket });
        res.writeHead(req.url === '/expired' ? 404 : 200).end(req.url === '/expired' ? 'expired_url' : 'ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('posts the message as JSON, reusing the connection for the next answer', async () => {
    await postResponse(`${base}/one`, { text: 'first', response_type: 'ephemeral' });
    await postResponse(`${base}/two`, { text: 'second' });
    expect(seen.map((s) => [s.path, s.body])).toEqual([
      ['/one', { text: 'first', response_type: 'ephemeral' }],
      ['/two', { text: 'second' }],
    ]);
    expect(seen[1]!.socket).toBe(seen[0]!.socket);
  });

  it('fails with the status when Slack refuses the answer', async () => {
    const failure = await postResponse(`${base}/expired`, { text: 'late' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ResponseUrlError);
    expect((failure as ResponseUrlError).status).toBe(404);
  });

  it('refuses a URL that is not http(s)', async () => {
    await expect(postResponse('file:///etc/passwd', { text: 'x' })).rejects.toThrow('http(s)');
  });
});
