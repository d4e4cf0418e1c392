import type { Paper } from '../corpus/types.js';
import type { Summary } from './types.js';

/** The one way anything in paperwire summarises a paper. */
export interface Summarizer {
  /** The extractive summary: deterministic, offline, a few milliseconds at most. */
  extractive(paper: Paper): Summary;
  /**
   * The best summary available: the model's (cached in the store) when one is configured and answers
   * in time, otherwise the extractive one. Never rejects.
   */
  summarize(paper: Paper): Promise<Summary>;
}
