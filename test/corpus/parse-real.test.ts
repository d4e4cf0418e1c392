import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePage } from '../../src/corpus/parse.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { CORPUS_DIR, NOW } from '../helpers/corpus.js';

const parseFile = (name: string) => parsePage(name, readFileSync(join(CORPUS_DIR, name)), { now: NOW });

describe('the shipped corpus', () => {
  it.each([
    ['000_192a1a8479406a85.txt', 74, 0],
    ['001_845f977e5bd6782d.txt', 91, 0],
    ['002_162ebd3503ba6e1c.txt', 79, 78],
  ])('%s has %i entries, %i with a metadata block, and no warnings', (file, entries, withMetadata) => {
    const page = parseFile(file);
    expect(page.entries).toHaveLength(entries);
    expect(page.report.withMetadata).toBe(withMetadata);
    expect(page.warnings).toEqual([]);
  });

  it('merges 244 entries into 204 papers, 32 of them on more than one page', async () => {
    const corpus = await loadCorpus(CORPUS_DIR, { now: NOW });
    expect(corpus.files.reduce((n, f) => n + f.entries, 0)).toBe(244);
    expect(corpus.papers).toHaveLength(204);
    expect(corpus.papers.filter((p) => p.appearances.length > 1)).toHaveLength(32);
    expect(corpus.warnings).toEqual([]);
  });

  it('reads three organisation lines on the October page', () => {
    const orgs = parseFile('002_162ebd3503ba6e1c.txt').entries.filter((e) => e.organization);
    expect(orgs.map((e) => e.organization)).toEqual(['Reactive AI', 'Kyutai', 'SindBERT']);
  });

  it('infers the page years: Oct 27 after the newest written year (2024), March pages from the clock', () => {
    expect(parseFile('002_162ebd3503ba6e1c.txt').report).toMatchObject({ pageDate: '2025-10-27', yearSource: 'inferred' });
    expect(parseFile('000_192a1a8479406a85.txt').report).toMatchObject({ pageDate: '2026-03-14', yearSource: 'clock' });
    expect(parseFile('001_845f977e5bd6782d.txt').report).toMatchObject({ pageDate: '2026-03-12', yearSource: 'clock' });
  });

  it('spot-checks named papers', async () => {
    const { papers } = await loadCorpus(CORPUS_DIR, { now: NOW });
    const byTitle = (start: string) => papers.find((p) => p.title.startsWith(start))!;

    expect(byTitle('ARC-Encoder')).toMatchObject({ organization: 'Kyutai', upvotes: 1, publishedAt: '2025-10-23' });
    expect(byTitle('ARC-Encoder').authorsCount).toBeUndefined();
    expect(byTitle('SVTRv2')).toMatchObject({ authorsCount: 5, upvotes: 1, publishedAt: '2024-11-24' });
    expect(byTitle('Fast Passage Re-ranking')).toMatchObject({ authorsCount: 2, upvotes: 0, publishedAt: '2021-08-19' });
    expect(byTitle('DYNAMAX')).toMatchObject({ upvotes: 1, publishedAt: '2025-04-29' });
    expect(byTitle('Fast Passage Re-ranking').abstract).toMatch(/^BERT-based information retrieval models are expensive/);

    const encoder = byTitle('Return of the Encoder');
    expect(encoder.appearances.map((a) => a.pageDate)).toEqual(['2025-10-27', '2026-03-12', '2026-03-14']);
    expect(encoder).toMatchObject({ upvotes: 2, authorsCount: 3, publishedAt: '2025-01-27' });

    // Papers only on the March pages carry no metadata: nothing is filled in.
    const marchOnly = papers.filter((p) => p.appearances.every((a) => a.file !== '002_162ebd3503ba6e1c.txt'));
    expect(marchOnly.length).toBeGreaterThan(100);
    for (const p of marchOnly) expect([p.upvotes, p.publishedAt, p.authorsCount, p.organization]).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('never dates a publication after its page', async () => {
    const { papers } = await loadCorpus(CORPUS_DIR, { now: NOW });
    for (const paper of papers) {
      if (!paper.publishedAt) continue;
      const firstPage = paper.appearances.map((a) => a.pageDate!).sort()[0]!;
      expect(paper.publishedAt <= firstPage).toBe(true);
    }
  });

  it('gives the same ids on every load, safe for URLs and Slack', async () => {
    const a = await loadCorpus(CORPUS_DIR, { now: NOW });
    const b = await loadCorpus(CORPUS_DIR, { now: NOW });
    expect(b.papers.map((p) => p.id)).toEqual(a.papers.map((p) => p.id));
    expect(b.version).toBe(a.version);
    expect(new Set(a.papers.map((p) => p.id)).size).toBe(204);
    for (const p of a.papers) expect(p.id).toMatch(/^p-[a-z0-9]{12}$/);
  });
});
