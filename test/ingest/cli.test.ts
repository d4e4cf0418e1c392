import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { addDays, utcDay } from '../../src/ingest/dates.js';
import { openStore } from '../../src/store/sqlite.js';
import { cli } from '../helpers/cli.js';
import { HfStandIn, hfDay, hfItem } from '../helpers/hf-stand-in.js';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const tempDb = () => join(mkdtempSync(join(tmpdir(), 'paperwire-ingest-cli-')), 'paperwire.db');

let api: HfStandIn;
let db: string;
const saved = { ...process.env };
beforeEach(async () => {
  api = await new HfStandIn().start();
  db = tempDb();
  process.env.PAPERWIRE_HF_API_URL = api.apiUrl;
  process.env.PAPERWIRE_DB = db;
});
afterEach(async () => {
  process.env = { ...saved };
  await api.stop();
});

describe('paperwire ingest', () => {
  it('fetches today and the two days before (UTC) by default, one line per day', async () => {
    const today = utcDay(new Date());
    const [d0, d1, d2] = [addDays(today, -2), addDays(today, -1), today];
    api.setDay(d0, hfDay(d0, 120));
    api.setDay(d2, hfDay(d2, 3));
    const { code, out } = await cli('ingest');
    expect(code).toBe(0);
    expect(out.split('\n')).toEqual([
      `${d0}  120 papers, 120 new, 0 updated`,
      `${d1}  0 papers, 0 new, 0 updated (an empty list)`,
      `${d2}  3 papers, 3 new, 0 updated`,
      '3 of 3 days read: 123 papers, 123 new, 0 updated',
    ]);
    expect([...new Set(api.requests.map((r) => r.date))]).toEqual([d0, d1, d2]);
    expect(api.requestsFor(d0).map((r) => r.page)).toEqual([0, 1]);
    const store = openStore(db);
    expect(await store.ingested.all()).toHaveLength(123);
    await store.close();
  });

  it('--json prints the days and the warnings in the documented shape; a second run counts updates, not new papers', async () => {
    const bad = hfItem('2603.07777', 'x', { date: '2026-03-02' });
    (bad.paper as Record<string, unknown>).upvotes = 'many';
    api.setDay('2026-03-02', [...hfDay('2026-03-02', 2), bad]);
    api.notOpen('2026-03-04');

    const first = await cli('ingest', '--from', '2026-03-02', '--to', '2026-03-04', '--json');
    expect(first.code).toBe(0);
    const json = JSON.parse(first.out);
    expect(json).toEqual({
      days: [
        { date: '2026-03-02', papers: 2, new: 2, updated: 0 },
        { date: '2026-03-03', papers: 0, new: 0, updated: 0 },
      ],
      warnings: [
        { date: '2026-03-02', message: 'item 3 (2603.07777) was left out: paper.upvotes should be a number' },
        { date: '2026-03-04', message: expect.stringMatching(/^not open yet: the list is not open yet \(the API answered 400/) },
      ],
    });
    expect(Object.keys(json.days[0])).toEqual(['date', 'papers', 'new', 'updated']);
    expect(Object.keys(json.warnings[0])).toEqual(['date', 'message']);

    api.setDay('2026-03-02', hfDay('2026-03-02', 2, { upvotes: 500 }));
    const second = JSON.parse((await cli('ingest', '--date', '2026-03-02', '--json')).out);
    expect(second).toEqual({ days: [{ date: '2026-03-02', papers: 2, new: 0, updated: 2 }], warnings: [] });
  });

  it('exits 1 when a day still fails, keeping the other days, and says which day to run again', async () => {
    api.setDay('2026-03-02', hfDay('2026-03-02', 2));
    api.fail('2026-03-03', { kind: 'status', status: 404, body: '{"error":"Not Found"}' }, 1);
    const { code, out, err } = await cli('ingest', '--from', '2026-03-02', '--to', '2026-03-03');
    expect(code).toBe(1);
    expect(out.split('\n')).toEqual([
      '2026-03-02  2 papers, 2 new, 0 updated',
      '2026-03-03  failed: page 1 could not be read: the API answered 404 Not Found: Not Found: check PAPERWIRE_HF_API_URL',
      '1 of 2 days read, 1 failed: 2 papers, 2 new, 0 updated',
    ]);
    expect(err).toBe(
      'paperwire ingest: 1 of 2 days failed and were not stored (2026-03-03); the others are kept. Run it again for them, e.g. paperwire ingest --date 2026-03-03',
    );
    const store = openStore(db);
    expect((await store.ingested.days()).map((d) => d.date)).toEqual(['2026-03-02']);
    await store.close();
  });

  it.each([
    [['--date', '2026-02-30'], '--date must be a calendar day written YYYY-MM-DD'],
    [['--date', 'yesterday'], '--date must be a calendar day written YYYY-MM-DD'],
    [['--from', '2026-03-05', '--to', '2026-03-01'], '--to 2026-03-01 is before --from 2026-03-05: swap them, or use --date for one day'],
    [['--date', '2026-03-01', '--from', '2026-03-01'], 'use --date for one day, or --from and --to for a range, not both'],
    [['--to', '2026-03-01'], '--to needs --from'],
    [['--from', '1990-01-01', '--to', '2026-03-01'], 'split it into shorter runs'],
    [['2026-03-01'], 'ingest takes no arguments'],
    [['--days', '3'], "Unknown option '--days'"],
  ])('exits 2 with a fix for a usage error: %j', async (args, message) => {
    const { code, err } = await cli('ingest', ...args);
    expect(code).toBe(2);
    expect(err).toContain(message);
    expect(err).toContain('Usage: paperwire ingest');
    expect(api.requests).toEqual([]);
  });

  it('shows a progress counter when stderr is a terminal', async () => {
    for (const date of ['2026-03-02', '2026-03-03', '2026-03-04']) api.setDay(date, hfDay(date, 1));
    const progress: string[] = [];
    const code = await runCli(['ingest', '--from', '2026-03-02', '--to', '2026-03-04'], { out: () => {}, err: () => {}, progress: (t) => progress.push(t) });
    expect(code).toBe(0);
    expect(progress).toEqual(['ingesting 0/3 days…', 'ingesting 1/3 days · 2026-03-02', 'ingesting 2/3 days · 2026-03-03', 'ingesting 3/3 days · 2026-03-04']);
  });

  it('explains a wrong PAPERWIRE_HF_API_URL without a stack trace', async () => {
    process.env.PAPERWIRE_HF_API_URL = 'huggingface.co/api';
    const { code, err } = await cli('ingest', '--date', '2026-03-02');
    expect(code).toBe(1);
    expect(err).toContain('PAPERWIRE_HF_API_URL must be an http(s) URL ending in "/"');
    expect(err).not.toMatch(/\n\s+at /);
  });

  it('runs as a process: prints, exits with the code, and leaves no connection holding it open', async () => {
    api.setDay('2026-03-02', hfDay('2026-03-02', 101));
    const child = spawn(process.execPath, [CLI, 'ingest', '--date', '2026-03-02', '--json'], {
      env: { PATH: process.env.PATH ?? '', PAPERWIRE_DB: db, PAPERWIRE_HF_API_URL: api.apiUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const started = Date.now();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(JSON.parse(out)).toEqual({ days: [{ date: '2026-03-02', papers: 101, new: 101, updated: 0 }], warnings: [] });
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});
