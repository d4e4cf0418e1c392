/**
 * Speed benchmark: for the shipped corpus and synthetic corpora of 20,000 and 100,000 papers,
 * index build time, memory used by the library (V8 heap and typed-array buffers), query latency p50/p99 over a fixed mixed query set,
 * and start-up to ready with and without a snapshot, beside MiniSearch with default options (and
 * with fuzzy + prefix) on the same papers in the same run.
 * Usage: node dist-bench/bench/speed.js [--sizes 300,20000,100000] [--rounds N]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import MiniSearch from 'minisearch';
import { loadCorpus } from '../src/corpus/load.js';
import type { Paper } from '../src/corpus/types.js';
import { buildLibrary } from '../src/library/library.js';
import { fromPackageRoot } from '../src/util/paths.js';
import { search } from '../src/search/search.js';
import { percentile } from './load-stats.js';
import { asPages, syntheticPapers } from './synthetic.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** The fixed mix: short and long, common and rare terms, typos, prefixes, acronyms, phrases, filters. */
export const SPEED_QUERIES = [
  'model',
  'language models',
  'transformer',
  'quantization',
  'HNeRV',
  'matryoshka',
  'MoE',
  'kv cache compression',
  'quantizaton',
  'segmantation',
  'distil',
  'tokeniz',
  'mixture of experts',
  'efficient post-training quantization for large language models on edge devices',
  'self-supervised representation learning for video understanding with masked autoencoders',
  '"vision transformer"',
  'diffusion -video',
  'quantization year:2024',
  'diffusion upvotes:>=5 sort:top',
  'org:kyutai speech',
  'transformer after:2024-06-01 sort:new',
  'speech recognition before:2024-01-01',
  // Questions in other words, which the domain table expands (written for this benchmark, in no judged set).
  'making a big model smaller so it runs on a phone',
  'removing noise from old photos',
  'faster sampling for image generators',
];

const WARM_UP_ROUNDS = 3;
const WARM_UP_MS = 1_000;
const MIN_SAMPLES = 1_000;
const MEASURE_MS = 5_000;

function heapMb(): number {
  gc();
  gc();
  // Typed arrays keep their bytes outside the V8 heap: counted too, or paperwire's index would look smaller than it is.
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return (heapUsed + arrayBuffers) / 1024 / 1024;
}

interface Row {
  engine: string;
  buildMs: number;
  heapMb: number;
  p50: number;
  p99: number;
}

function measure(engine: string, rounds: number, build: () => (q: string) => unknown): Row {
  const before = heapMb();
  const started = performance.now();
  let run: ((q: string) => unknown) | undefined = build();
  const buildMs = performance.now() - started;
  const heap = heapMb() - before;
  // Warm-up: a running server has compiled its hot paths long before.
  const warmUntil = performance.now() + WARM_UP_MS;
  for (let r = 0; r < WARM_UP_ROUNDS || performance.now() < warmUntil; r++) for (const q of SPEED_QUERIES) run(q);
  // At least `rounds`, and more while they are quick: a p99 needs a few hundred samples.
  const times: number[] = [];
  const measureUntil = performance.now() + MEASURE_MS;
  for (let r = 0; r < rounds || (times.length < MIN_SAMPLES && performance.now() < measureUntil); r++) {
    for (const q of SPEED_QUERIES) {
      const t = performance.now();
      run(q);
      times.push(performance.now() - t);
    }
  }
  times.sort((a, b) => a - b);
  run = undefined;
  return { engine, buildMs, heapMb: heap, p50: percentile(times, 50), p99: percentile(times, 99) };
}

/** Start-up to ready in a fresh process: cold (no snapshot) then warm (snapshot written by the first). */
function startup(dir: string): { cold: number; warm: number; status: string } {
  const cache = mkdtempSync(join(tmpdir(), 'paperwire-cache-'));
  try {
    const child = (): { ms: number; status: string } =>
      JSON.parse(execFileSync(process.execPath, [fromPackageRoot('dist-bench/bench/startup.js'), dir, cache], { encoding: 'utf8', maxBuffer: 1 << 20 })) as {
        ms: number;
        status: string;
      };
    const cold = child();
    const warm = child();
    return { cold: cold.ms, warm: warm.ms, status: `${cold.status} then ${warm.status}` };
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
}

function writeCorpus(papers: readonly Paper[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'paperwire-synthetic-'));
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of asPages(papers)) writeFileSync(join(dir, name), text);
  return dir;
}

const f = (n: number, digits = 1) => n.toFixed(digits).padStart(9);

async function main() {
  const { values } = parseArgs({ options: { sizes: { type: 'string' }, rounds: { type: 'string' } } });
  const sizes = (values.sizes ?? 'shipped,20000,100000').split(',');
  const rounds = Number(values.rounds ?? 5);
  const shippedDir = fromPackageRoot('data/corpus');
  const shipped = (await loadCorpus(shippedDir)).papers;
  console.log(
    `Speed: ${SPEED_QUERIES.length} queries × at least ${rounds} rounds per engine (more, up to ${MIN_SAMPLES} samples or ${MEASURE_MS / 1000} s, when quick), after ${WARM_UP_ROUNDS} warm-up rounds and at least ${WARM_UP_MS / 1000} s; heap = V8 heap + typed-array buffers used by papers + index, after GC\n`,
  );
  for (const size of sizes) {
    const synthetic = size !== 'shipped';
    const empty = heapMb();
    let papers: Paper[] | undefined = synthetic ? syntheticPapers(shipped, Number(size)) : shipped.map((p) => structuredClone(p));
    // The papers' own share of the heap, counted for every engine.
    const papersHeap = heapMb() - empty;
    const label = synthetic ? `${papers.length} synthetic papers` : `shipped corpus, ${papers.length} papers`;
    const rows: Row[] = [];
    const withPapers = (engine: string, build: () => (q: string) => unknown) => {
      const row = measure(engine, rounds, build);
      row.heapMb += papersHeap;
      rows.push(row);
    };
    withPapers('paperwire', () => {
      const library = buildLibrary({ papers: papers!, warnings: [], files: [], version: 'bench' });
      return (q) => search(library.index, q, { limit: 10 });
    });
    withPapers('minisearch defaults', () => {
      const mini = new MiniSearch<Paper>({ fields: ['title', 'abstract'] });
      mini.addAll(papers!);
      return (q) => mini.search(q).slice(0, 10);
    });
    withPapers('minisearch fuzzy+prefix', () => {
      const mini = new MiniSearch<Paper>({ fields: ['title', 'abstract'], searchOptions: { fuzzy: 0.2, prefix: true, boost: { title: 2 } } });
      mini.addAll(papers!);
      return (q) => mini.search(q).slice(0, 10);
    });
    const dir = synthetic ? writeCorpus(papers) : shippedDir;
    papers = undefined;
    const start = startup(dir);
    if (synthetic) rmSync(dir, { recursive: true, force: true });
    console.log(`## ${label}`);
    console.log(`${'engine'.padEnd(26)}${'build ms'.padStart(9)}${'heap MB'.padStart(9)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}`);
    for (const r of rows) console.log(`${r.engine.padEnd(26)}${f(r.buildMs, 0)}${f(r.heapMb, 0)}${f(r.p50, 2)}${f(r.p99, 2)}`);
    console.log(
      `start-up to ready (fresh process, parse page files + index): ${start.cold.toFixed(0)} ms without a snapshot, ${start.warm.toFixed(0)} ms from the snapshot (${start.status})\n`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
