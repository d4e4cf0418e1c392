import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dailyPapersClient } from '../../src/ingest/client.js';
import { ingestRange } from '../../src/ingest/run.js';
import { openStore } from '../../src/store/sqlite.js';
import { HfStandIn, hfDay } from '../helpers/hf-stand-in.js';

const DIST = new URL('../../dist/', import.meta.url).href;

let api: HfStandIn;
beforeEach(async () => {
  api = await new HfStandIn().start();
});
afterEach(() => api.stop());

/**
 * A paperwire process (the built code) that ingests `date` and is killed (SIGKILL, no clean-up) by the
 * database itself while it writes the paper `crashAt`: in the middle of the day's transaction.
 */
function ingestAndDie(dbPath: string, date: string, crashAt: string) {
  const script = `
    import { openStore } from '${DIST}store/sqlite.js';
    import { dailyPapersClient } from '${DIST}ingest/client.js';
    import { ingestRange } from '${DIST}ingest/run.js';
    const store = openStore(process.env.DB);
    store.db.function('die', () => process.kill(process.pid, 'SIGKILL'));
    store.db.exec("CREATE TEMP TRIGGER die_midway AFTER INSERT ON main.ingested_papers WHEN NEW.arxiv_id = '${crashAt}' BEGIN SELECT die(); END");
    await ingestRange({ from: '${date}', to: '${date}', source: dailyPapersClient({ baseUrl: process.env.API }), repo: store.ingested });
    console.log('not killed');
  `;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
    env: { PATH: process.env.PATH ?? '', DB: dbPath, API: api.apiUrl },
    stdio: 'pipe',
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  return new Promise<{ signal: NodeJS.Signals | null; out: string }>((resolve) => child.on('close', (_, signal) => resolve({ signal, out })));
}

describe('a crash part way through a day', () => {
  it('leaves the day not stored at all (papers, updates and the day), and the next run stores it whole', async () => {
    const dbPath = join(mkdtempSync(join(tmpdir(), 'paperwire-crash-')), 'paperwire.db');
    const first = hfDay('2026-03-02', 40);
    api.setDay('2026-03-02', first);
    const store = openStore(dbPath);
    const client = dailyPapersClient({ baseUrl: api.apiUrl, sleep: async () => {} });
    await ingestRange({ from: '2026-03-02', to: '2026-03-02', source: client, repo: store.ingested });
    const version = await store.ingested.version();
    await store.close();

    // The next day lists 150 new papers and one of the first day's again, with more upvotes (written first).
    const again = { ...first[0]!, paper: { ...first[0]!.paper, upvotes: 999 } };
    const day = [again, ...hfDay('2026-03-03', 150)];
    api.setDay('2026-03-03', day);
    const crashAt = (day[120]!.paper as { id: string }).id;
    const { signal, out } = await ingestAndDie(dbPath, '2026-03-03', crashAt);
    expect({ signal, out }).toEqual({ signal: 'SIGKILL', out: '' });

    const after = openStore(dbPath);
    expect((await after.ingested.days()).map((d) => d.date)).toEqual(['2026-03-02']);
    const papers = await after.ingested.all();
    expect(papers).toHaveLength(40);
    expect(papers.find((p) => p.arxivId === first[0]!.paper.id)!.upvotes).toBe(first[0]!.paper.upvotes);
    expect(await after.ingested.version()).toBe(version);

    const report = await ingestRange({ from: '2026-03-03', to: '2026-03-03', source: client, repo: after.ingested });
    expect(report.days).toEqual([{ date: '2026-03-03', status: 'stored', papers: 151, new: 150, updated: 1 }]);
    expect(await after.ingested.all()).toHaveLength(190);
    await after.close();
  });
});
