import { z } from 'zod';
import type { ModelConfig } from '../config.js';
import type { Paper } from '../corpus/types.js';
import { compress } from './compress.js';
import { KEY_POINT_MAX, KEY_POINTS_MAX, TLDR_MAX } from './extractive.js';
import { splitSentences } from './sentences.js';
import { containment } from './words.js';

/**
 * A TL;DR and key points from an OpenAI-compatible chat-completions endpoint. Every way it can go
 * wrong ends in a ModelSummaryError whose message is safe to log (it never holds the key).
 */

export class ModelSummaryError extends Error {
  constructor(
    readonly reason: 'timeout' | 'http' | 'network' | 'malformed' | 'shape' | 'style',
    message: string,
  ) {
    super(message);
    this.name = 'ModelSummaryError';
  }
}

export interface ModelAnswer {
  tldr: string;
  keyPoints: string[];
}

const completionSchema = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string() }) })).min(1),
});

const answerSchema = z.object({
  tldr: z.string().trim().min(10).max(600),
  keyPoints: z.array(z.string().trim().min(3).max(600)).min(1).max(8),
});

const INSTRUCTIONS = [
  'You summarise research papers for busy researchers. Reply with one JSON object and nothing else:',
  '{"tldr": string, "keyPoints": string[]}.',
  `"tldr": exactly one sentence of at most ${TLDR_MAX} characters, the way a researcher writes a one-line summary: name the method, model or artefact (the paper's own name or acronym), say what it does, and give the headline result with its number and benchmark when the abstract has one. Example: "Double Sparsity prunes KV-cache reads by token and channel after training, speeding attention up to 14× with little accuracy loss." No background, and nothing that refers to text the reader cannot see ("this problem", "these issues", "such methods", "the above").`,
  `"keyPoints": 2 to ${KEY_POINTS_MAX} bullets, each one whole sentence from the abstract's content: the approach, the main results with their numbers, and where it applies. Do not repeat the tldr or each other, and follow the same rule on references.`,
].join('\n');

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export async function requestModelSummary(paper: Pick<Paper, 'title' | 'abstract'>, config: ModelConfig, fetchImpl: FetchLike = fetch): Promise<ModelAnswer> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), config.timeoutMs);
  let body: string;
  try {
    const response = await fetchImpl(config.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${config.apiKey}` },
      body: JSON.stringify({
        model: config.model,
        temperature: 0,
        max_tokens: 400,
        messages: [
          { role: 'system', content: INSTRUCTIONS },
          { role: 'user', content: `Title: ${paper.title}\n\nAbstract: ${paper.abstract}` },
        ],
      }),
      signal: controller.signal,
    });
    body = await response.text();
    if (!response.ok) throw new ModelSummaryError('http', `the model endpoint answered HTTP ${response.status}`);
  } catch (error) {
    if (error instanceof ModelSummaryError) throw error;
    if (controller.signal.aborted) throw new ModelSummaryError('timeout', `no answer from the model within ${config.timeoutMs} ms`);
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    throw new ModelSummaryError('network', `cannot reach the model endpoint${cause ? ` (${cause})` : ''}`);
  } finally {
    clearTimeout(timer);
  }
  return parseAnswer(body);
}

/** The model's reply, checked and trimmed to paperwire's limits. */
export function parseAnswer(body: string): ModelAnswer {
  const completion = completionSchema.safeParse(safeJson(body));
  if (!completion.success) throw new ModelSummaryError('malformed', 'the endpoint did not answer with a chat completion');
  const content = completion.data.choices[0]!.message.content;
  const json = safeJson(stripFence(content));
  if (json === undefined) throw new ModelSummaryError('malformed', 'the model did not answer with JSON');
  const answer = answerSchema.safeParse(json);
  if (!answer.success) {
    const where = answer.error.issues.map((i) => i.path.join('.') || 'answer').join(', ');
    throw new ModelSummaryError('shape', `the model's JSON has the wrong shape (${where})`);
  }
  const tldr = answer.data.tldr.replace(/\s+/g, ' ').trim();
  // The TL;DR is used as the model wrote it or not at all: one whole sentence within the limit.
  if (tldr.length > TLDR_MAX) throw new ModelSummaryError('style', `the model's TL;DR is ${tldr.length} characters (at most ${TLDR_MAX})`);
  if (splitSentences(tldr).length !== 1 || !/[.!?]["')\]]*$/.test(tldr) || tldr.endsWith('...')) {
    throw new ModelSummaryError('style', "the model's TL;DR is not one whole sentence");
  }
  const keyPoints: string[] = [];
  for (const raw of answer.data.keyPoints) {
    const point = compress(raw.replace(/^[-•*]\s*/, ''), KEY_POINT_MAX).text;
    // The same rule as for extractive summaries: no bullet repeats the TL;DR or another bullet.
    if (containment(point, tldr) >= 0.8 || keyPoints.some((p) => containment(point, p) >= 0.8)) continue;
    if (keyPoints.length < KEY_POINTS_MAX) keyPoints.push(point);
  }
  return { tldr, keyPoints };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Models often wrap JSON in a Markdown code fence even when told not to. */
function stripFence(text: string): string {
  const fenced = /^\s*```(?:json)?\s*([\s\S]*?)\s*```\s*$/i.exec(text);
  return (fenced?.[1] ?? text).trim();
}
