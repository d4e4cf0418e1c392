/**
 * One start-up, for the speed benchmark: loads the library of a corpus directory with snapshots in
 * the given cache directory and prints {"ms","status","papers"}; ms counts from process start.
 * Usage: node dist-bench/bench/startup.js CORPUS_DIR CACHE_DIR
 */
import { loadLibrary } from '../src/library/library.js';

const [dir, cacheDir] = process.argv.slice(2);
if (!dir || !cacheDir) {
  console.error('usage: node dist-bench/bench/startup.js CORPUS_DIR CACHE_DIR');
  process.exit(2);
}
let status = 'built';
const library = await loadLibrary(dir, { cacheDir, now: new Date('2026-01-15T12:00:00Z'), onSnapshot: (e) => (status = e.status) });
console.log(JSON.stringify({ ms: Math.round(performance.now()), status, papers: library.papers.length }));
