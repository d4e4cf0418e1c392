import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import { loadCorpus } from '../src/corpus/load.js';
import { fromPackageRoot } from '../src/util/paths.js';
import { extractiveSummary } from '../src/summary/extractive.js';
import { danglingCounts, evaluate } from './summary-eval.js';

/**
 * `npm run bench:summary`: ROUGE-1/2/L F1 of paperwire's TL;DRs against reference TL;DRs written by
 * hand, next to paperwire's TL;DR before issue 14 and two baselines (first sentence, TextRank), on
 * every reference set; the TL;DRs with dangling references over the whole corpus; the time per paper.
 *   node dist-bench/bench/summary.js [--references FILE.json ... | --tuning-only] [--corpus DIR]
 * --tuning-only: the sets tuned on, without the held-out sets (for tuning without seeing them).
 */

const referencesSchema = z.array(z.object({ id: z.string().optional(), title: z.string().optional(), reference: z.string().min(1) })).min(1);

const HELD_OUT = ['bench/summary-references-new.json', 'bench/summary-references-heldout2.json'];
const DEFAULT_SETS = [
  ['old set (tuned on)', 'bench/summary-references.json'],
  ['old held-out set (tuned on in #14)', 'bench/summary-references-heldout.json'],
  ['second tuning set (#14 round 2, tuned on)', 'bench/summary-references-tune2.json'],
  ['third tuning set (#14 round 3, tuned on)', 'bench/summary-references-tune3.json'],
  ['second references for the tuning papers (#14 round 4, tuned on)', 'bench/summary-references-alt.json'],
  ['new held-out set (#14, never tuned on)', 'bench/summary-references-new.json'],
  ['second held-out set (#14 round 3, written then by another engineer, never tuned on)', 'bench/summary-references-heldout2.json'],
] as const;

const { values } = parseArgs({
  options: { references: { type: 'string', multiple: true }, corpus: { type: 'string' }, 'tuning-only': { type: 'boolean' } },
});
const sets = values.references?.length
  ? values.references.map((file) => [file, file] as const)
  : DEFAULT_SETS.filter(([, file]) => !values['tuning-only'] || !HELD_OUT.includes(file));
const corpus = await loadCorpus(fromPackageRoot(values.corpus ?? 'data/corpus'), { now: new Date() });
const pct = (x: number) => (100 * x).toFixed(1).padStart(6);

for (const [label, file] of sets) {
  const referencesFile = fromPackageRoot(file);
  const references = referencesSchema.parse(JSON.parse(readFileSync(referencesFile, 'utf8')));
  const result = evaluate(corpus.papers, references);
  console.log(`\n${label}: ${result.papers} papers with a reference TL;DR (${file})`);
  if (result.missing.length > 0) console.log(`not in the corpus, skipped: ${result.missing.join(', ')}`);
  console.log(`${'system'.padEnd(26)} ROUGE-1 ROUGE-2 ROUGE-L  (F1, %)`);
  for (const { name, scores } of result.systems) {
    console.log(`${name.padEnd(26)} ${pct(scores.rouge1)}  ${pct(scores.rouge2)}  ${pct(scores.rougeL)}`);
  }
}

// Dangling references: the same detector (src/summary/dangling.ts) applied to every system's TL;DR.
console.log(`\nTL;DRs with a dangling reference ("this bottleneck", "these issues", "It …", "However, …"), over all ${corpus.papers.length} corpus papers:`);
for (const { name, dangling, examples } of danglingCounts(corpus.papers)) {
  console.log(`${name.padEnd(26)} ${String(dangling).padStart(4)}${examples[0] ? `   e.g. ${examples[0].slice(0, 110)}` : ''}`);
}

// Timing: every paper of the corpus, after a warm-up pass.
for (const paper of corpus.papers) extractiveSummary(paper);
const rounds = 20;
const times: number[] = [];
const perPaper = corpus.papers.map(() => [] as number[]);
// CPU time as well as wall time: on a shared machine the wall time also counts other processes' turns.
const cpuStart = process.cpuUsage();
for (let r = 0; r < rounds; r++) {
  corpus.papers.forEach((paper, i) => {
    const start = performance.now();
    extractiveSummary(paper);
    const took = performance.now() - start;
    times.push(took);
    perPaper[i]!.push(took);
  });
}
const cpu = process.cpuUsage(cpuStart);
const cpuPerPaper = ((cpu.user + cpu.system) / 1000 / (rounds * corpus.papers.length)).toFixed(3);
times.sort((a, b) => a - b);
const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(3);
const mean = (times.reduce((s, t) => s + t, 0) / times.length).toFixed(3);
// The slowest paper by the median of its rounds: a collection or another process's turn inflates single runs.
const slowest = Math.max(...perPaper.map((runs) => runs.sort((a, b) => a - b)[Math.floor(runs.length / 2)]!)).toFixed(3);
console.log(
  `\nextractive summary time per paper (${corpus.papers.length} papers x ${rounds}): mean ${mean} ms, p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${at(1)} ms; slowest paper (median of its rounds) ${slowest} ms; CPU time ${cpuPerPaper} ms per paper (all threads, GC included)`,
);
