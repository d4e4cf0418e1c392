export interface Summary {
  /** One sentence, at most ~200 characters, saying what the paper contributes. */
  tldr: string;
  /** 2 to 4 short bullets (fewer only when the abstract is too short to give more). */
  keyPoints: string[];
  /** 3 to 6 key phrases. */
  keywords: string[];
  /**
   * Where the TL;DR came from: the abstract (`extractive`), the configured language model (`model`), or
   * the paper's source (`source`: Hugging Face's own summary; key points are still extracted).
   */
  kind: 'extractive' | 'model' | 'source';
}

/** Where model-written summaries are kept so a paper is summarised once (implemented by the store). */
export interface SummaryCache {
  get(paperId: string, model: string): Promise<Summary | undefined>;
  set(paperId: string, model: string, summary: Summary): Promise<void>;
}
