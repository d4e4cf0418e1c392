import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import { buildIndex, buildIndexInSlices } from '../../src/search/index.js';
import { CORPUS_DIR, NOW } from '../helpers/corpus.js';

describe('building the index in slices (live reloads)', () => {
  it('lets other work run while it builds, and builds the same index as in one go', async () => {
    const { papers } = await loadCorpus(CORPUS_DIR, { now: NOW });
    let ranMeanwhile = 0;
    let done = false;
    const tick = (): void => {
      if (done) return;
      ranMeanwhile++;
      setImmediate(tick);
    };
    setImmediate(tick);
    // Slices of 0 ms: a pause at every point the build allows one.
    const sliced = await buildIndexInSlices(papers, 0);
    done = true;
    expect(ranMeanwhile).toBeGreaterThan(5);
    const whole = buildIndex(papers);
    expect(sliced.postings.terms).toEqual(whole.postings.terms);
    expect(sliced.postings.offsets).toEqual(whole.postings.offsets);
    expect(sliced.postings.docs).toEqual(whole.postings.docs);
    expect(sliced.postings.freqs).toEqual(whole.postings.freqs);
    expect([...sliced.acronyms.expansions]).toEqual([...whole.acronyms.expansions]);
  });
});
