/**
 * ROUGE F1 (Lin, 2004) for one candidate against one reference: lower-cased word tokens, clipped
 * unigram and bigram overlap (ROUGE-1, ROUGE-2) and the longest common subsequence (ROUGE-L).
 */

export interface RougeScores {
  rouge1: number;
  rouge2: number;
  rougeL: number;
}

export function rougeTokens(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
}

export function rouge(candidate: string, reference: string): RougeScores {
  const c = rougeTokens(candidate);
  const r = rougeTokens(reference);
  return {
    rouge1: f1(overlap(ngrams(c, 1), ngrams(r, 1)), c.length, r.length),
    rouge2: f1(overlap(ngrams(c, 2), ngrams(r, 2)), Math.max(0, c.length - 1), Math.max(0, r.length - 1)),
    rougeL: f1(lcs(c, r), c.length, r.length),
  };
}

export function meanRouge(scores: RougeScores[]): RougeScores {
  const n = Math.max(1, scores.length);
  const sum = (key: keyof RougeScores) => scores.reduce((s, x) => s + x[key], 0) / n;
  return { rouge1: sum('rouge1'), rouge2: sum('rouge2'), rougeL: sum('rougeL') };
}

function ngrams(tokens: string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const gram = tokens.slice(i, i + n).join(' ');
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

function overlap(a: Map<string, number>, b: Map<string, number>): number {
  let shared = 0;
  for (const [gram, count] of a) shared += Math.min(count, b.get(gram) ?? 0);
  return shared;
}

function f1(matches: number, candidateTotal: number, referenceTotal: number): number {
  if (matches === 0 || candidateTotal === 0 || referenceTotal === 0) return 0;
  const precision = matches / candidateTotal;
  const recall = matches / referenceTotal;
  return (2 * precision * recall) / (precision + recall);
}

/** Length of the longest common subsequence, in O(|a|·|b|) time and O(|b|) memory. */
export function lcs(a: string[], b: string[]): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const current = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      current[j] = a[i - 1] === b[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, current[j - 1]!);
    }
    previous = current;
  }
  return previous[b.length]!;
}
