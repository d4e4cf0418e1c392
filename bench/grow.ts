import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { loadCorpus } from '../src/corpus/load.js';
import type { IngestedPaper } from '../src/ingest/types.js';
import { joinLibrarySteps, buildLibrary } from '../src/library/library.js';
import { search } from '../src/search/search.js';
import { openStore } from '../src/store/sqlite.js';
import { fromPackageRoot } from '../src/util/paths.js';
import { runInSlices } from '../src/util/steps.js';
import { syntheticPapers } from './synthetic.js';

/**
 * How a large library takes in a day of fresh papers, as the app does it: the day is stored in
 * SQLite, read back as what changed since the library's version, joined and its postings merged
 * into the index in slices, and swapped in. Prints the time from the fetched day to searchable and
 * the longest the event loop was blocked meanwhile (how long an answer could have waited).
 *   node dist-bench/bench/grow.js [--papers 100000] [--day 50] [--days 3]
 */
const { values } = parseArgs({ options: { papers: { type: 'string' }, day: { type: 'string' }, days: { type: 'string' } } });
const size = Number(values.papers ?? 100_000);
const perDay = Number(values.day ?? 50);
const days = Number(values.days ?? 3);

const shipped = (await loadCorpus(fromPackageRoot('data/corpus'))).papers;
let started = performance.now();
let library = buildLibrary({ papers: syntheticPapers(shipped, size), warnings: [], files: [], version: 'bench' });
console.log(`library of ${library.papers.length} papers built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
const work = mkdtempSync(join(tmpdir(), 'paperwire-grow-'));
const store = openStore(join(work, 'paperwire.db'));
const stalls = monitorEventLoopDelay({ resolution: 1 });

for (let d = 0; d < days; d++) {
  const date = `2026-12-0${d + 1}`;
  const fresh: IngestedPaper[] = syntheticPapers(shipped, perDay, 1000 + d).map((p, i) => {
    const arxivId = `2612.${String(d * 1000 + i).padStart(5, '0')}`;
    return {
      ...p,
      id: `arxiv-2612-${String(d * 1000 + i).padStart(5, '0')}`,
      title: `${p.title} (day ${d + 1}, ${i})`,
      appearances: [],
      arxivId,
      url: `https://huggingface.co/papers/${arxivId}`,
      listDate: date,
      listDates: [date],
    };
  });
  stalls.reset();
  stalls.enable();
  started = performance.now();
  await store.ingested.storeDay(date, fresh, new Date());
  const stored = performance.now();
  const version = await store.ingested.version();
  const changed = await store.ingested.changedSince(library.ingestVersion);
  library = await runInSlices(joinLibrarySteps(library, { papers: changed, version }));
  const searchable = performance.now();
  stalls.disable();
  const found = search(library.index, `"${fresh[0]!.title.split(' ').slice(0, 3).join(' ')}"`).hits.some((h) => h.paper.id === fresh[0]!.id);
  console.log(
    `day ${d + 1}: ${perDay} papers searchable ${((searchable - started) / 1000).toFixed(2)} s after the fetch (stored in ${(stored - started).toFixed(0)} ms), ` +
      `event loop blocked at most ${(stalls.max / 1e6).toFixed(0)} ms; ${library.papers.length} papers; the first new paper found: ${found}`,
  );
}
await store.close();
rmSync(work, { recursive: true, force: true });
