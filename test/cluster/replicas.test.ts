import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openPgStore } from '../../src/store/postgres.js';
import { createLog } from '../../src/util/log.js';
import { testDatabase } from '../helpers/postgres.js';
import { utcDay } from '../../src/ingest/dates.js';
import { HfStandIn, hfItem } from '../helpers/hf-stand-in.js';
import { buttonPress, event, interaction } from '../helpers/signed-request.js';
import { SlackStandIn } from '../helpers/slack-stand-in.js';
import { type Replica, startReplica, subscribeDue, until } from './replicas.js';

const running: Replica[] = [];
const stands: SlackStandIn[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.stop()));
});
afterAll(async () => {
  await Promise.all(stands.splice(0).map((s) => s.stop()));
});

async function standIn(): Promise<SlackStandIn> {
  const slack = await new SlackStandIn().start();
  stands.push(slack);
  return slack;
}

/** Per channel: parents, and replies per position, as the stand-in holds them. */
function tally(slack: SlackStandIn, channel: string) {
  const messages = slack.messages.get(channel) ?? [];
  const parents = messages.filter((m) => !m.thread_ts);
  const positions = messages.filter((m) => m.thread_ts).map((m) => (m.metadata as { event_payload: { position: number } }).event_payload.position);
  return { parents: parents.length, positions: positions.sort() };
}

describe('three replicas on one PostgreSQL', () => {
  it('digests raced from three processes: one parent and each reply once per channel', async () => {
    const url = await testDatabase('race');
    const slack = await standIn();
    const channels = ['CR1', 'CR2', 'CR3', 'CR4'];
    await subscribeDue(url, channels);
    // All three start together, and each one's first check finds the four digests due.
    running.push(...(await Promise.all([1, 2, 3].map(() => startReplica(url, slack.apiUrl)))));
    await until('every digest finished', async () => channels.every((c) => tally(slack, c).positions.length === 3));
    await new Promise((r) => setTimeout(r, 500));
    for (const channel of channels) expect(tally(slack, channel)).toEqual({ parents: 1, positions: [0, 1, 2] });
    const store = await openPgStore(url, { log: createLog({ sink: () => {} }) });
    try {
      expect(await store.digests.unfinished()).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('one event delivered to two replicas at once is answered once', async () => {
    const url = await testDatabase('event');
    const slack = await standIn();
    const [a, b] = await Promise.all([startReplica(url, slack.apiUrl), startReplica(url, slack.apiUrl)]);
    running.push(a!, b!);
    const mention = { type: 'app_mention', user: 'U1', text: '<@UBOT> diffusion', ts: '1700000200.000100', channel: 'CE1', event_ts: '1700000200.000100' };
    const answers = await Promise.all([
      event(`${a!.url}/slack/events`, mention, { eventId: 'EvBOTH' }),
      event(`${b!.url}/slack/events`, mention, { eventId: 'EvBOTH', retryNum: 1 }),
    ]);
    expect(answers.map((r) => r.status)).toEqual([200, 200]);
    await slack.waitFor('chat.postMessage', 1);
    await new Promise((r) => setTimeout(r, 800));
    expect(slack.callsTo('chat.postMessage').filter((c) => c.body.channel === 'CE1')).toHaveLength(1);
  });

  it('a replica SIGKILLed mid-digest: another takes the run over after the lease and finishes it, nothing twice', async () => {
    const url = await testDatabase('kill');
    const slack = await standIn();
    await subscribeDue(url, ['CK1'], 5);
    // Slack answers each post slowly, so the first replica is killed part way through the replies.
    slack.fail('chat.postMessage', { passThrough: true, delayMs: 400 }, 50);
    const lease = { PAPERWIRE_DIGEST_LEASE_SECONDS: '2' };
    const first = await startReplica(url, slack.apiUrl, lease);
    running.push(first);
    await until('the parent and a reply', () => (slack.messages.get('CK1') ?? []).length >= 2);
    first.child.kill('SIGKILL');
    await first.exited;
    const before = tally(slack, 'CK1');
    expect(before.parents).toBe(1);
    expect(before.positions.length).toBeLessThan(5);
    await new Promise((r) => setTimeout(r, 2100));
    const second = await startReplica(url, slack.apiUrl, lease);
    running.push(second);
    await until('the digest finished by the second replica', () => tally(slack, 'CK1').positions.length >= 5);
    await new Promise((r) => setTimeout(r, 800));
    expect(tally(slack, 'CK1')).toEqual({ parents: 1, positions: [0, 1, 2, 3, 4] });
    expect(second.output()).toMatch(/digest resumed and completed/);
  });

  it('fresh papers are fetched by one replica, and a button pressed on any replica finds them', async () => {
    const url = await testDatabase('fresh');
    const slack = await standIn();
    const hf = await new HfStandIn().start();
    try {
      const today = utcDay(new Date());
      hf.setDay(today, [hfItem('2611.07777', 'Wombatformer: Burrowing Attention for Long Videos', { date: today })]);
      const env = { PAPERWIRE_INGEST: 'on', PAPERWIRE_HF_API_URL: hf.apiUrl };
      const replicas = await Promise.all([startReplica(url, slack.apiUrl, env), startReplica(url, slack.apiUrl, env)]);
      running.push(...replicas);
      const store = await openPgStore(url, { log: createLog({ sink: () => {} }) });
      try {
        await until('the day is stored', async () => (await store.ingested.version()) > 0);
      } finally {
        await store.close();
      }
      // Each replica asks for the lease once at start: the one holding it fetched the days, the other none.
      expect(hf.requests.filter((r) => r.date === today)).toHaveLength(1);
      for (const [i, replica] of replicas.entries()) {
        const id = `fresh-${i}`;
        const res = await interaction(`${replica.url}/slack/events`, buttonPress('paper_summary:0', 'arxiv-2611-07777', slack.responseUrl(id)));
        expect(res.status).toBe(200);
        const [answer] = await slack.waitFor(`respond:${id}`);
        expect(JSON.stringify(answer!.body.blocks)).toContain('Wombatformer');
      }
    } finally {
      await hf.stop();
    }
  });
});
