/**
 * The ranking techniques of issue 15, each of which can be switched off: the relevance benchmark's
 * ablation table runs the judged sets and the speed benchmark with one off at a time. A server never
 * changes them; they are on by default.
 */
export const TECHNIQUES = {
  /** A misspelt word matches its most likely correction almost as well as the word itself (noisy channel, transpositions). */
  typo: 'typo correction',
  /** "vs", "vs." and "versus" compare what stands on either side: not words a paper must contain. */
  comparisons: 'comparisons',
  /** Adjacent words also match joined ("YOLO v10" finds YOLOv10, "pre training" pretraining). */
  joins: 'word joins',
  /** "1-bit" also matches binary, "2-bit" ternary, "8-bit" INT8, "16-bit" FP16 and the other way round. */
  numerals: 'numerals',
  /** A version typed as a number matches how papers write it: "RetroMAE-2" is RetroMAE v2, "VideoMAE 2" VideoMAE V2. */
  versions: 'versions',
  /** A hyphenated word ("decoder-only") and each side of a comparison rank papers writing them as typed higher. */
  units: 'hyphenated words and comparison sides',
  /** A word also matches the words sharing its stem (distil, distillation, distilled), for less. */
  stemming: 'stemming',
  /** A hand-written table of the field's equivalences (distillation for "student teacher", image for "photo") finds papers saying it in other words. */
  domain: 'domain terms',
  /** Pseudo-relevance feedback: the best few results' characteristic terms find papers saying it in other words. */
  feedback: 'feedback (RM3)',
  /** A misspelt or other form of a rare word counts as rare when choosing which words seed the partial matches. */
  seeds: 'loose words seed',
  /** Every word in no more than a tenth of the papers seeds the partial matches too, not only the rarest two or three. */
  wideSeeds: 'words in a tenth of the papers seed',
  /** A partial match counts its words by rarity: the rare words of a long query matter more than the common ones. */
  coverage: 'coverage by rarity',
} as const;

export type Technique = keyof typeof TECHNIQUES;

const enabled = new Set<Technique>(Object.keys(TECHNIQUES) as Technique[]);

export function isOn(technique: Technique): boolean {
  return enabled.has(technique);
}

/** Runs `fn` with the given techniques switched off (benchmarks only; not re-entrant across awaits). */
export function withTechniquesOff<T>(off: readonly Technique[], fn: () => T): T {
  const was = new Set(enabled);
  for (const t of off) enabled.delete(t);
  try {
    return fn();
  } finally {
    enabled.clear();
    for (const t of was) enabled.add(t);
  }
}
