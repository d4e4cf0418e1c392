import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { HfStandIn, hfDay } from '../test/helpers/hf-stand-in.js';
import { dailyPapersClient } from '../src/ingest/client.js';
import { addDays, dayRange } from '../src/ingest/dates.js';
import { ingestRange } from '../src/ingest/run.js';
import { openStore } from '../src/store/sqlite.js';

/**
 * `npm run bench:ingest [-- --weekdays 250 --from 2025-01-06]`: a year of weekday lists (30–120
 * papers each, weekends empty, as the API has them) served by the local stand-in of the daily papers
 * API, ingested day by day over HTTP into a fresh SQLite file. Prints the total time and papers/s.
 */
const { values } = parseArgs({
  options: {
    weekdays: { type: 'string', default: '250' },
    from: { type: 'string', default: '2025-01-06' },
    seed: { type: 'string', default: '12' },
  },
});
const weekdays = Number(values.weekdays);
if (!Number.isInteger(weekdays) || weekdays < 1 || weekdays > 2_000) {
  process.stderr.write('--weekdays must be a whole number from 1 to 2000\n');
  process.exit(2);
}

// A small seeded generator: the same days on every run.
let state = Number(values.seed) >>> 0 || 1;
const random = () => {
  state ^= state << 13;
  state ^= state >>> 17;
  state ^= state << 5;
  return (state >>> 0) / 2 ** 32;
};

const api = await new HfStandIn().start();
let to = values.from;
let listed = 0;
let papers = 0;
for (let day = values.from; listed < weekdays; day = addDays(day, 1)) {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  if (weekday !== 0 && weekday !== 6) {
    const count = 30 + Math.floor(random() * 91);
    api.setDay(day, hfDay(day, count, { upvotes: undefined }));
    papers += count;
    listed++;
  }
  to = day;
}

const dir = mkdtempSync(join(tmpdir(), 'paperwire-bench-ingest-'));
const dbPath = join(dir, 'paperwire.db');
const store = openStore(dbPath);
const total = dayRange(values.from, to).length;
const started = performance.now();
const report = await ingestRange({
  from: values.from,
  to,
  source: dailyPapersClient({ baseUrl: api.apiUrl }),
  repo: store.ingested,
  onProgress: ({ done }) => {
    if (process.stderr.isTTY) process.stderr.write(`\r${done}/${total} days`);
  },
});
const ms = performance.now() - started;
if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');

const stored = await store.ingested.all();
await store.close();
await api.stop();
const size = statSync(dbPath).size + (statSync(`${dbPath}-wal`, { throwIfNoEntry: false })?.size ?? 0);
rmSync(dir, { recursive: true, force: true });

if (report.failed > 0 || stored.length !== papers) {
  process.stderr.write(`bench failed: ${report.failed} days failed, ${stored.length} of ${papers} papers stored\n`);
  process.exit(1);
}
const requests = api.requests.length;
process.stdout.write(
  [
    `ingested ${weekdays} weekdays (${total} days from ${values.from} to ${to}, ${requests} requests) of 30–120 papers: ${papers} papers`,
    `total ${(ms / 1000).toFixed(2)} s · ${Math.round(papers / (ms / 1000))} papers/s · ${(ms / total).toFixed(1)} ms per day · database ${(size / 1e6).toFixed(1)} MB`,
  ].join('\n') + '\n',
);
