import { cpSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { isPageFile } from '../src/library/watch.js';
import { loadLibrary, type Library } from '../src/library/library.js';
import type { SwapEvent } from '../src/library/holder.js';
import { liveLibrary } from '../src/library/live.js';
import { createLog } from '../src/util/log.js';
import { fromPackageRoot } from '../src/util/paths.js';

/**
 * `node dist-bench/bench/reload.js [--corpus DIR] [--changes 6]`: on an idle app-like setup (a copy of the
 * corpus, the live library with its default quiet period), takes the last page out and puts it back,
 * and prints for each change how long the rebuild took, how long until the new version was served and
 * the longest the event loop was blocked meanwhile (how long a request could have waited).
 */
const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: fromPackageRoot('data/corpus') },
    changes: { type: 'string', default: '6' },
  },
});
const changes = Number(values.changes);
if (!Number.isInteger(changes) || changes < 1 || changes > 100) {
  process.stderr.write('--changes must be a whole number from 1 to 100\n');
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'paperwire-reload-'));
const dir = join(work, 'corpus');
const aside = join(work, 'aside');
cpSync(values.corpus, dir, { recursive: true });
mkdirSync(aside);
const page = readdirSync(dir).filter(isPageFile).sort().pop();
if (!page) throw new Error(`no page files in ${values.corpus}`);

// As the app builds it (snapshot included), with the snapshot kept in the scratch directory.
const build = (): Promise<Library> => loadLibrary(dir, { cacheDir: join(work, 'cache') });
let started = performance.now();
const initial = await build();
console.log(`first build: ${initial.papers.length} papers in ${(performance.now() - started).toFixed(0)} ms`);

const holder = liveLibrary({ dir, initial, build, log: createLog({ sink: () => {} }) });
// The watcher does not keep a process alive by itself (the app's server does); this bench must wait for it.
const keepAlive = setInterval(() => {}, 1000);
const stalls = monitorEventLoopDelay({ resolution: 5 });
stalls.enable();
for (let i = 0; i < changes; i++) {
  const swapped = new Promise<SwapEvent>((resolve) => {
    const off = holder.onSwap((event) => {
      off();
      resolve(event);
    });
  });
  started = performance.now();
  stalls.reset();
  if (i % 2 === 0) renameSync(join(dir, page), join(aside, page));
  else renameSync(join(aside, page), join(dir, page));
  const event = await swapped;
  console.log(
    `change ${i + 1} (${i % 2 === 0 ? 'page removed' : 'page back'}): rebuild ${event.ms} ms, ` +
      `change → new version served ${(performance.now() - started).toFixed(0)} ms, ` +
      `event loop blocked at most ${(stalls.max / 1e6).toFixed(0)} ms, ${event.library.papers.length} papers`,
  );
}
clearInterval(keepAlive);
holder.close();
rmSync(work, { recursive: true, force: true });
