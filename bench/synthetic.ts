/**
 * Deterministic synthetic corpora for the speed benchmark: papers whose titles and abstracts
 * recombine the real ones sentence by sentence, with words swapped for new terms drawn from a
 * Zipf-like vocabulary that grows with the corpus (new method and model names, rare jargon), so
 * the index sees a realistic number of distinct terms, not 300 papers repeated.
 */
import type { Paper } from '../src/corpus/types.js';

/** mulberry32: a small seeded PRNG, so every run builds the same corpus. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ra', 'to', 'vi', 'zu', 'qua', 'tri', 'pho', 'gen', 'dex', 'syn', 'ver', 'lum', 'cor', 'pax', 'nov', 'fid'];
const SUFFIXES = ['former', 'net', 'gen', 'ization', 'ing', 'er', 'ity', 'al', 'GPT', 'Diff', 'BERT', 'Mix', 'LM', 'former-v2'];
const ORGS = ['kyutai Kyutai', 'meta-llama Meta Llama', 'google Google', 'nvidia NVIDIA', 'allenai Ai2', 'mistralai Mistral AI'];

/** The k-th invented term: the same k always gives the same word. */
function invented(k: number): string {
  let word = '';
  let n = k + 7;
  do {
    word += SYLLABLES[n % SYLLABLES.length];
    n = Math.floor(n / SYLLABLES.length);
  } while (n > 0);
  const suffix = SUFFIXES[k % SUFFIXES.length]!;
  return k % 3 === 0 ? `${word[0]!.toUpperCase()}${word.slice(1)}${suffix}` : `${word}${suffix.toLowerCase()}`;
}

function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.!?])\s+(?=[A-Z])/).filter((s) => s.length > 20);
}

/** `count` papers built from `seed` papers; vocabulary of invented terms ≈ count × 1.5. */
export function syntheticPapers(seed: readonly Paper[], count: number, randomSeed = 42): Paper[] {
  const rand = random(randomSeed);
  const sentences = seed.flatMap((p) => sentencesOf(p.abstract));
  const titles = seed.map((p) => p.title);
  const vocabulary = Math.max(1000, Math.round(count * 1.5));
  // Zipf-like: a few invented terms are everywhere, most are rare.
  const term = () => invented(Math.floor(vocabulary * rand() ** 2.5));
  const swap = (text: string, times: number) => {
    const words = text.split(' ');
    for (let k = 0; k < times; k++) {
      const i = Math.floor(rand() * words.length);
      if (/^[A-Za-z]{4,}$/.test(words[i] ?? '')) words[i] = term();
    }
    return words.join(' ');
  };
  const seen = new Set<string>();
  const papers: Paper[] = [];
  for (let i = 0; i < count; i++) {
    let title = '';
    do {
      const base = titles[Math.floor(rand() * titles.length)]!;
      title = `${term()}: ${swap(base.replace(/^[^:]{1,30}:\s*/, ''), 1 + Math.floor(rand() * 2))}`;
    } while (seen.has(title.toLowerCase()));
    seen.add(title.toLowerCase());
    const n = 4 + Math.floor(rand() * 6);
    const body: string[] = [];
    for (let k = 0; k < n; k++) body.push(swap(sentences[Math.floor(rand() * sentences.length)]!, rand() < 0.6 ? 1 : 2));
    const day = new Date(Date.UTC(2023, 0, 1) + Math.floor(rand() * 1000) * 86_400_000).toISOString().slice(0, 10);
    const withOrg = rand() < 0.05;
    papers.push({
      id: `s-${i.toString(36)}`,
      title,
      abstract: body.join(' '),
      ...(withOrg ? { organization: ORGS[i % ORGS.length]! } : { authorsCount: 1 + Math.floor(rand() * 12) }),
      publishedAt: day,
      upvotes: Math.floor(rand() ** 4 * 200),
      appearances: [{ file: `synthetic-${Math.floor(i / 1000)}.txt`, line: 1 + (i % 1000) * 6, pageDate: day }],
    });
  }
  return papers;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The papers as Daily Papers page files (one page of `perPage` entries per file, named by date). */
export function asPages(papers: readonly Paper[], perPage = 1000): Map<string, string> {
  const files = new Map<string, string>();
  for (let start = 0, page = 0; start < papers.length; start += perPage, page++) {
    const pageDay = new Date(Date.UTC(2025, 11, 31) - page * 86_400_000);
    const lines = ['Daily Papers', '', `${MONTHS[pageDay.getUTCMonth()]} ${pageDay.getUTCDate()}`, ''];
    for (const p of papers.slice(start, start + perPage)) {
      const [y, m, d] = (p.publishedAt ?? '2024-01-01').split('-').map(Number) as [number, number, number];
      const meta = p.organization ?? `  • ${p.authorsCount ?? 1} authors`;
      lines.push(p.title, p.abstract, meta, '·', `${MONTHS[m - 1]} ${d}, ${y}${p.upvotes ? ` ${p.upvotes}` : ''}`, '');
    }
    files.set(`${pageDay.toISOString().slice(0, 10)}.txt`, lines.join('\n'));
  }
  return files;
}
