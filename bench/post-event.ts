import { type Agent, request } from 'node:http';

/** One signed form POST to an app's /slack/events; resolves with the status once the whole ack has arrived. */
export function postToSlackEvents(
  agent: Agent,
  target: { host: string; port: number },
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: target.host,
        port: target.port,
        path: '/slack/events',
        method: 'POST',
        agent,
        headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.once('end', () => resolve(res.statusCode ?? 0));
        res.once('error', reject);
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no acknowledgement within ${timeoutMs} ms`)));
    req.once('error', reject);
    req.end(body);
  });
}
