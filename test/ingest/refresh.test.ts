import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dailyPapersClient } from '../../src/ingest/client.js';
import { startIngestRefresh } from '../../src/ingest/refresh.js';
import { openStore } from '../../src/store/sqlite.js';
import { createLog } from '../../src/util/log.js';
import { HfStandIn, hfDay } from '../helpers/hf-stand-in.js';

let api: HfStandIn;
beforeEach(async () => {
  api = await new HfStandIn().start();
});
afterEach(() => api.stop());

const NOW = new Date('2026-03-06T08:00:00Z');

/** A refresh with its timer in the test's hands and its log lines kept. */
function refreshWith(options: { mayFetch?: () => Promise<boolean> } = {}) {
  const store = openStore(':memory:');
  const lines: string[] = [];
  const timers: Array<{ ms: number; cancelled: boolean; run: () => void }> = [];
  let stored = 0;
  const refresh = startIngestRefresh({
    source: dailyPapersClient({ baseUrl: api.apiUrl, sleep: async () => {}, timeoutMs: 2_000 }),
    repo: store.ingested,
    log: createLog({ sink: (line) => lines.push(line) }),
    now: () => NOW,
    everyMs: 3_600_000,
    onStored: async () => void stored++,
    schedule: (run, ms) => {
      const timer = { ms, cancelled: false, run };
      timers.push(timer);
      return { cancel: () => void (timer.cancelled = true) };
    },
    ...options,
  });
  return { store, lines, timers, refresh, stored: () => stored };
}

describe('the running app’s refresh of fresh papers', () => {
  it('fetches today and the two days before at once, hands new papers to the library, and comes back in an hour', async () => {
    api.setDay('2026-03-04', hfDay('2026-03-04', 3));
    api.setDay('2026-03-06', hfDay('2026-03-06', 2));
    const r = refreshWith();
    const report = await r.refresh.runNow();
    expect(report?.days.map((d) => d.date)).toEqual(['2026-03-04', '2026-03-05', '2026-03-06']);
    expect(await r.store.ingested.all()).toHaveLength(5);
    expect(r.stored()).toBe(1);
    expect(r.timers.filter((t) => !t.cancelled).map((t) => t.ms)).toEqual([3_600_000]);
    // Nothing new on the next run: the library is not asked to take anything in.
    await r.refresh.runNow();
    expect(r.stored()).toBe(1);
    await r.refresh.stop();
    expect(r.timers.every((t) => t.cancelled)).toBe(true);
  });

  it('logs a failed day in one line with the next try, and stops there', async () => {
    api.fail('2026-03-04', { kind: 'status', status: 503 }, 10);
    const r = refreshWith();
    const report = await r.refresh.runNow();
    expect(report?.days.map((d) => [d.date, d.status])).toEqual([['2026-03-04', 'failed']]);
    const failures = r.lines.filter((l) => l.includes('fresh papers:'));
    expect(failures).toHaveLength(1);
    expect(failures[0]).toContain('2026-03-04 could not be fetched');
    expect(failures[0]).toContain('next try at 2026-03-06 09:00 UTC');
    expect(r.stored()).toBe(0);
    await r.refresh.stop();
  });

  it('leaves the fetching to the process that holds the lease', async () => {
    api.setDay('2026-03-06', hfDay('2026-03-06', 2));
    const r = refreshWith({ mayFetch: async () => false });
    expect(await r.refresh.runNow()).toBeUndefined();
    expect(api.requests).toHaveLength(0);
    expect(r.stored()).toBe(0);
    await r.refresh.stop();
  });
});
