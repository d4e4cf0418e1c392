import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import { buildLibrary, type Library } from '../../src/library/library.js';
import { search } from '../../src/search/search.js';
import { CORPUS_DIR, NOW } from '../helpers/corpus.js';

let library: Library;

beforeAll(async () => {
  library = buildLibrary(await loadCorpus(CORPUS_DIR, { now: NOW }));
});

/** What happens to a title between arXiv and a Slack message: case, spacing, dashes, quotes, a colon. */
const pasting = fc.record({
  lower: fc.boolean(),
  /** the first ": " as a spaced double hyphen or dash, as arXiv listings and mail clients write it */
  colonAs: fc.constantFrom(': ', ' -- ', ' – ', ' — ', ' - '),
  around: fc.constantFrom(['', ''], ['"', ''], ['', '"'], ['“', '”'], ['', ':'], ['', ' —'], ['- ', '']),
  spaces: fc.constantFrom(' ', '  ', '\t'),
});

describe('a title pasted as a query', () => {
  it('finds that paper first, whatever the paste did to it', () => {
    const papers = library.papers;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: papers.length - 1 }), pasting, (k, how) => {
        const paper = papers[k]!;
        let text = paper.title.replace(': ', how.colonAs).replaceAll(' ', how.spaces);
        if (how.lower) text = text.toLowerCase();
        const query = `${how.around[0]}${text}${how.around[1]}`;
        const first = search(library.index, query, { limit: 1 }).hits[0]?.paper;
        expect(first?.title, query).toBe(paper.title);
      }),
      { numRuns: 400, seed: 15 },
    );
  });

  it('finds every paper of the library first by its exact title', () => {
    for (const paper of library.papers) expect(search(library.index, paper.title, { limit: 1 }).hits[0]?.paper.title).toBe(paper.title);
  });
});
