import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type RunningPostgres, startEmbeddedPostgres } from '../helpers/embedded-postgres.js';
import { slashCommand } from '../helpers/signed-request.js';
import { SlackStandIn } from '../helpers/slack-stand-in.js';
import { type Replica, startReplica, until } from './replicas.js';

// This file stops its database on purpose, so it has a server of its own (not the run's shared one).
let server: RunningPostgres;
let slack: SlackStandIn;
let replica: Replica;

beforeAll(async () => {
  server = await startEmbeddedPostgres();
  slack = await new SlackStandIn().start();
  replica = await startReplica(await createDatabase(server.url, 'restart'), slack.apiUrl);
}, 60_000);

afterAll(async () => {
  await replica?.stop();
  await slack?.stop();
  await server?.destroy();
});

const health = async () => (await fetch(`${replica.url}/healthz`)).status;
let n = 0;
async function papers(text: string) {
  const id = `restart${++n}`;
  const res = await slashCommand(`${replica.url}/slack/events`, { text, response_url: slack.responseUrl(id) });
  expect(res.status).toBe(200);
  const [call] = await slack.waitFor(`respond:${id}`, 1, 10_000);
  return JSON.stringify(call!.body);
}

describe('the database stopped and started under a running replica', () => {
  it('answers in plain words while it is down, never crashes, and recovers by itself', async () => {
    expect(await health()).toBe(200);
    expect(await papers('saved')).not.toContain('database');

    await server.stop();
    await until('/healthz to say 503', async () => (await health()) === 503, 10_000);
    expect(await papers('saved')).toContain('can’t reach my database');
    expect(replica.child.exitCode).toBeNull();

    await server.start();
    await until('/healthz to say 200 again', async () => (await health()) === 200, 20_000);
    expect(await papers('saved')).not.toContain('database');
    expect(replica.child.exitCode).toBeNull();
    expect(replica.output()).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  });
});
