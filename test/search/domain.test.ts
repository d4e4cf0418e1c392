import { describe, expect, it } from 'vitest';
import type { Paper } from '../../src/corpus/types.js';
import { parseDomainTerms } from '../../src/search/domain.js';
import { DOMAIN_TERMS } from '../../src/search/domain-terms.js';
import { withTechniquesOff } from '../../src/search/features.js';
import { buildIndex } from '../../src/search/index.js';
import { search } from '../../src/search/search.js';

const paper = (id: string, title: string, abstract: string): Paper => ({ id, title, abstract, appearances: [] });

const FILLERS = [
  'Scaling Laws for Language Models',
  'Instruction Tuning at Scale',
  'Sparse Attention for Long Documents',
  'Graph Neural Networks for Molecules',
  'Tokenizers for Many Languages',
  'Benchmarks for Code Generation',
].map((title, k) => paper(`filler-${k}`, title, `${title}: we train and evaluate models on several tasks and report results.`));

const index = buildIndex([
  paper('inpainting', 'Mask-Aware Image Inpainting', 'We restore images with large holes through inpainting with a diffusion prior.'),
  paper('tables', 'Missing Regions in Tabular Data', 'We study missing regions of tables and how models impute them.'),
  paper('exact', 'Filling Missing Regions of a Photo', 'A method for filling missing regions of a photo with a learned model.'),
  paper('distillation', 'Knowledge Distillation for Compact Networks', 'We distil a large network into a compact one with a distillation loss.'),
  ...FILLERS,
]);
const ids = (query: string) => search(index, query, { limit: 10 }).hits.map((h) => h.paper.id);

describe('domain terms', () => {
  it('reads both-way lines, one-way lines and comments', () => {
    const entries = parseDomainTerms('# a comment\nknowledge distillation = student teacher\nphoto | picture > image | visual\n');
    expect(entries).toEqual([
      {
        from: [
          ['knowledge', 'distillation'],
          ['student', 'teacher'],
        ],
        to: [
          ['knowledge', 'distillation'],
          ['student', 'teacher'],
        ],
      },
      { from: [['photo'], ['picture']], to: [['image'], ['visual']] },
    ]);
  });

  it('leaves out a phrase its terms would misread: a negation the index drops, a repeated word', () => {
    const [entry] = parseDomainTerms('self supervised = no labels = learning to learn = label free');
    expect(entry!.from).toEqual([
      ['self', 'supervized'],
      ['label', 'free'],
    ]);
  });

  it('parses the whole table into lines of two phrases or more', () => {
    const entries = parseDomainTerms(DOMAIN_TERMS);
    expect(entries.length).toBeGreaterThan(250);
    for (const e of entries) {
      expect(e.from.length).toBeGreaterThan(0);
      expect(e.to.length).toBeGreaterThan(0);
      expect(e.from.length + e.to.length).toBeGreaterThan(2);
    }
  });

  it('finds a paper saying the query in the field’s other words, after the papers matching every word', () => {
    const found = ids('filling missing regions of a photo');
    expect(found[0]).toBe('exact');
    expect(found).toContain('inpainting');
    withTechniquesOff(['domain'], () => expect(ids('filling missing regions of a photo')).not.toContain('inpainting'));
  });

  it('finds distillation for a student and a teacher', () => {
    expect(ids('a small student imitating its teacher')).toContain('distillation');
    withTechniquesOff(['domain'], () => expect(ids('a small student imitating its teacher')).not.toContain('distillation'));
  });

  it('leaves the papers matching every word as they were', () => {
    const on = ids('missing regions');
    withTechniquesOff(['domain'], () => expect(ids('missing regions').slice(0, 2)).toEqual(on.slice(0, 2)));
  });
});

describe('domain terms in a large library', () => {
  // 12,000 papers, a quarter of them about images: "image" is an alternative for "photos" too common to seed.
  const papers = Array.from({ length: 12_000 }, (_, k) =>
    k % 4 === 0
      ? paper(`image-${k}`, `Image Segmentation Study ${k}`, `We segment each image with a transformer, study ${k}.`)
      : paper(`other-${k}`, `Protein Folding Study ${k}`, `We fold proteins with a transformer, study ${k}.`),
  );
  papers.push(paper('denoise', 'Restoring Old Images', 'We remove noise from scanned old images with a diffusion prior.'));
  papers.push(paper('audio', 'Removing Noise from Recordings', 'We remove noise from speech recordings.'));
  papers.push(paper('photos', 'Sharing Photos Online', 'We study how people share photos online.'));
  const large = buildIndex(papers);

  it('scores the papers the query’s own words found with a common alternative, without making every paper holding it a candidate', () => {
    const response = search(large, 'removing noise from old photos', { limit: 10 });
    expect(response.hits.map((h) => h.paper.id).slice(0, 2)).toContain('denoise');
    expect(response.total).toBeLessThan(100);
  });
});
