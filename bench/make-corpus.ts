import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCorpus } from '../src/corpus/load.js';
import { fromPackageRoot } from '../src/util/paths.js';
import { asPages, syntheticPapers } from './synthetic.js';

/**
 * Writes a synthetic corpus of page files (bench/synthetic.ts), for running the app, the load test
 * or the reload benchmark at scale: `node dist-bench/bench/make-corpus.js --papers 100000 --out DIR`.
 */
const { values } = parseArgs({ options: { papers: { type: 'string' }, out: { type: 'string' } } });
const count = Number(values.papers ?? 100_000);
if (!Number.isInteger(count) || count < 1 || !values.out) {
  console.error('usage: node dist-bench/bench/make-corpus.js --papers N --out DIR');
  process.exit(2);
}
const shipped = (await loadCorpus(fromPackageRoot('data/corpus'))).papers;
mkdirSync(values.out, { recursive: true });
const pages = asPages(syntheticPapers(shipped, count));
for (const [name, text] of pages) writeFileSync(join(values.out, name), text);
console.log(`${count} papers in ${pages.size} page files in ${values.out}`);
