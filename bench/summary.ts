import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import { loadCorpus } from '../src/corpus/load.js';
import { fromPackageRoot } from '../src/util/paths.js';
import { extractiveSummary } from '../src/summary/extractive.js';
import { evaluate } from './summary-eval.js';

/**
 * `npm run bench` (summary part): ROUGE F1 of paperwire's TL;DRs against reference TL;DRs written by
 * hand, next to two baselines (first sentence, TextRank), and the time an extractive summary takes.
 *   node dist-bench/bench/summary.js [--references FILE.json] [--corpus DIR]
 */

const referencesSchema = z.array(z.object({ id: z.string().optional(), title: z.string().optional(), reference: z.string().min(1) })).min(1);

const { values } = parseArgs({ options: { references: { type: 'string' }, corpus: { type: 'string' } } });
const referencesFile = fromPackageRoot(values.references ?? 'bench/summary-references.json');
const references = referencesSchema.parse(JSON.parse(readFileSync(referencesFile, 'utf8')));
const corpus = await loadCorpus(fromPackageRoot(values.corpus ?? 'data/corpus'), { now: new Date() });

const result = evaluate(corpus.papers, references);
const pct = (x: number) => (100 * x).toFixed(1).padStart(6);
console.log(`summary quality: ${result.papers} papers with a reference TL;DR (${referencesFile})`);
if (result.missing.length > 0) console.log(`not in the corpus, skipped: ${result.missing.join(', ')}`);
console.log(`${'system'.padEnd(26)} ROUGE-1 ROUGE-2 ROUGE-L  (F1, %)`);
for (const { name, scores } of result.systems) {
  console.log(`${name.padEnd(26)} ${pct(scores.rouge1)}  ${pct(scores.rouge2)}  ${pct(scores.rougeL)}`);
}

// Timing: every paper of the corpus, after a warm-up pass.
for (const paper of corpus.papers) extractiveSummary(paper);
const rounds = 20;
const times: number[] = [];
for (let r = 0; r < rounds; r++) {
  for (const paper of corpus.papers) {
    const start = performance.now();
    extractiveSummary(paper);
    times.push(performance.now() - start);
  }
}
times.sort((a, b) => a - b);
const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(3);
const mean = (times.reduce((s, t) => s + t, 0) / times.length).toFixed(3);
console.log(
  `extractive summary time per paper (${corpus.papers.length} papers x ${rounds}): mean ${mean} ms, p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${at(1)} ms`,
);
