import type { ModelConfig } from '../config.js';
import type { Paper } from '../corpus/types.js';
import type { Log } from '../util/log.js';
import { extractiveSummary } from './extractive.js';
import { ModelSummaryError, requestModelSummary, type FetchLike } from './model.js';
import { sourceSummary } from './source.js';
import type { Summary, SummaryCache } from './types.js';

/** The one way anything in paperwire summarises a paper. */
export interface Summarizer {
  /** The extractive summary: deterministic, offline, a few milliseconds at most. */
  extractive(paper: Paper): Summary;
  /**
   * The best summary available: the source's for a paper that has one (Hugging Face's own summary; the
   * model is not asked), else the model's (cached in the store) when one is configured and answers in
   * time, otherwise the extractive one. Never rejects.
   */
  summarize(paper: Paper): Promise<Summary>;
}

export interface SummarizerOptions {
  /** The optional chat-completions model (config.model); without it every summary is extractive. */
  model?: ModelConfig;
  cache: SummaryCache;
  log: Log;
  /** Injected in tests; the global fetch otherwise. */
  fetch?: FetchLike;
  /**
   * After the model fails, how long to answer with extractive summaries without asking it again, so
   * a model that is down does not make every summary wait for the timeout. Default one minute.
   */
  cooldownMs?: number;
  /** The clock, in milliseconds (tests pass their own). */
  now?: () => number;
}

export function createSummarizer(options: SummarizerOptions): Summarizer {
  const { model, cache, log, cooldownMs = 60_000, now = Date.now } = options;
  let coolingUntil = 0;
  // Two requests for the same paper at once share one call to the model.
  const pending = new Map<string, Promise<Summary>>();

  const extractive = (paper: Paper): Summary => extractiveSummary(paper);

  async function fromModel(paper: Paper, config: ModelConfig): Promise<Summary> {
    const fallback = extractive(paper);
    const cached = await readCache(paper.id, config.model);
    if (cached) return cached;
    if (now() < coolingUntil) return fallback;
    try {
      const answer = await requestModelSummary(paper, config, options.fetch);
      const summary: Summary = { ...answer, keywords: fallback.keywords, kind: 'model' };
      await writeCache(paper.id, config.model, summary);
      return summary;
    } catch (error) {
      // A model that answered, but not in the TL;DR style, is asked again next time; one that failed is left alone.
      if (error instanceof ModelSummaryError && error.reason === 'style') {
        log.warn('model summary not usable; answering with the extractive summary', {
          paperId: paper.id,
          model: config.model,
          reason: error.message,
        });
        return fallback;
      }
      coolingUntil = now() + cooldownMs;
      log.warn('model summary unavailable; answering with extractive summaries for a while', {
        paperId: paper.id,
        model: config.model,
        reason: (error as Error).message,
        retryInMs: cooldownMs,
      });
      return fallback;
    }
  }

  async function readCache(paperId: string, modelName: string): Promise<Summary | undefined> {
    try {
      const hit = await cache.get(paperId, modelName);
      return hit && isSummary(hit) ? { ...hit, kind: 'model' } : undefined;
    } catch (error) {
      log.warn('summary cache read failed', { paperId, reason: (error as Error).message });
      return undefined;
    }
  }

  async function writeCache(paperId: string, modelName: string, summary: Summary): Promise<void> {
    try {
      await cache.set(paperId, modelName, summary);
    } catch (error) {
      log.warn('summary cache write failed', { paperId, reason: (error as Error).message });
    }
  }

  return {
    extractive,
    async summarize(paper) {
      try {
        if (paper.aiSummary) {
          const fromSource = sourceSummary(paper, extractive(paper));
          if (fromSource) return fromSource;
        }
        if (!model) return extractive(paper);
        const key = paper.id;
        const inFlight = pending.get(key);
        if (inFlight !== undefined) return await inFlight;
        const request = fromModel(paper, model).finally(() => pending.delete(key));
        pending.set(key, request);
        return await request;
      } catch (error) {
        log.error('summary failed', { paperId: paper.id, reason: (error as Error).message });
        return { tldr: paper.title, keyPoints: [], keywords: [], kind: 'extractive' };
      }
    },
  };
}

/** A cached row from an older or damaged store is ignored rather than shown. */
function isSummary(value: Summary): boolean {
  return (
    typeof value.tldr === 'string' &&
    value.tldr.length > 0 &&
    Array.isArray(value.keyPoints) &&
    value.keyPoints.every((p) => typeof p === 'string') &&
    Array.isArray(value.keywords) &&
    value.keywords.every((k) => typeof k === 'string')
  );
}
