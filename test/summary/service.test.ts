import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ModelConfig } from '../../src/config.js';
import type { Paper } from '../../src/corpus/types.js';
import { createLog } from '../../src/util/log.js';
import { openStore } from '../../src/store/sqlite.js';
import { createSummarizer } from '../../src/summary/service.js';
import type { Summary, SummaryCache } from '../../src/summary/types.js';
import { ChatStandIn } from './chat-stand-in.js';

const API_KEY = 'sk-test-secret-key-123456';

const PAPER: Paper = {
  id: 'p-foonet000001',
  title: 'FooNet: Sparse Attention for Long Documents',
  abstract:
    'Attention over long documents remains expensive. We propose FooNet, a sparse attention scheme over landmark tokens. FooNet cuts memory by 40% on 64k-token inputs. It matches dense attention on five benchmarks.',
  appearances: [{ file: 'a.txt', line: 2 }],
};

const GOOD = {
  tldr: 'FooNet makes long-document attention sparse via landmark tokens.',
  keyPoints: ['Attends to landmark tokens only.', 'Cuts memory by 40% at 64k tokens.'],
};

function memoryCache(): SummaryCache & { rows: Map<string, Summary> } {
  const rows = new Map<string, Summary>();
  return { rows, get: async (id, model) => rows.get(`${id}|${model}`), set: async (id, model, s) => void rows.set(`${id}|${model}`, s) };
}

describe('createSummarizer', () => {
  let chat: ChatStandIn;
  let lines: string[];
  let model: ModelConfig;

  beforeAll(async () => {
    chat = await new ChatStandIn().start();
  });
  afterAll(() => chat.stop());
  beforeEach(() => {
    chat.requests.length = 0;
    chat.reply = { body: ChatStandIn.completion(JSON.stringify(GOOD)) };
    lines = [];
    model = { url: chat.url, model: 'tiny-model', apiKey: API_KEY, timeoutMs: 500 };
  });
  afterEach(() => {
    // Whatever happened, the key never reached the log.
    expect(lines.join('\n')).not.toContain(API_KEY);
  });

  // A log without the secrets list: proves the summariser itself never writes the key.
  const log = () => createLog({ sink: (line) => lines.push(line) });

  it('answers with the extractive summary when no model is configured, without any request', async () => {
    const summarizer = createSummarizer({ cache: memoryCache(), log: log() });
    const summary = await summarizer.summarize(PAPER);
    expect(summary).toEqual(summarizer.extractive(PAPER));
    expect(summary.kind).toBe('extractive');
    expect(chat.requests).toHaveLength(0);
  });

  it('asks the model once, sends the key only as a bearer token, and caches the answer by paper and model', async () => {
    const cache = memoryCache();
    const summarizer = createSummarizer({ model, cache, log: log() });
    const first = await summarizer.summarize(PAPER);
    expect(first).toEqual({ ...GOOD, keywords: summarizer.extractive(PAPER).keywords, kind: 'model' });
    expect(chat.requests).toHaveLength(1);
    const request = chat.requests[0]!;
    expect(request.authorization).toBe(`Bearer ${API_KEY}`);
    expect(request.body.model).toBe('tiny-model');
    expect(JSON.stringify(request.body.messages)).toContain('We propose FooNet');
    expect(JSON.stringify(request.body)).not.toContain(API_KEY);
    expect(cache.rows.get(`${PAPER.id}|tiny-model`)).toEqual(first);

    const again = await createSummarizer({ model, cache, log: log() }).summarize(PAPER);
    expect(again).toEqual(first);
    expect(chat.requests).toHaveLength(1);
  });

  it('shares one request between concurrent summaries of the same paper', async () => {
    chat.reply = { body: ChatStandIn.completion(JSON.stringify(GOOD)), delayMs: 50 };
    const summarizer = createSummarizer({ model, cache: memoryCache(), log: log() });
    const [a, b] = await Promise.all([summarizer.summarize(PAPER), summarizer.summarize(PAPER)]);
    expect(a.kind).toBe('model');
    expect(b).toEqual(a);
    expect(chat.requests).toHaveLength(1);
  });

  it('keeps the model cache in the SQLite store across summarizers', async () => {
    const store = openStore(':memory:');
    await createSummarizer({ model, cache: store.summaries, log: log() }).summarize(PAPER);
    const cached = await createSummarizer({ model, cache: store.summaries, log: log() }).summarize(PAPER);
    expect(cached.kind).toBe('model');
    expect(chat.requests).toHaveLength(1);
    // Another model name is another cache entry.
    await createSummarizer({ model: { ...model, model: 'other-model' }, cache: store.summaries, log: log() }).summarize(PAPER);
    expect(chat.requests).toHaveLength(2);
    await store.close();
  });

  const failures: Array<[string, () => void, RegExp]> = [
    ['times out', () => (chat.reply = { body: ChatStandIn.completion(JSON.stringify(GOOD)), delayMs: 2_000 }), /within 500 ms/],
    ['answers HTTP 500', () => (chat.reply = { status: 500, body: '{"error":{"message":"boom"}}' }), /HTTP 500/],
    ['answers something that is not JSON', () => (chat.reply = { body: '<html>gateway</html>' }), /chat completion/],
    [
      'answers with content that is not JSON',
      () => (chat.reply = { body: ChatStandIn.completion('Sure! Here is a summary: FooNet is great.') }),
      /not answer with JSON/,
    ],
    [
      'answers JSON of the wrong shape',
      () => (chat.reply = { body: ChatStandIn.completion(JSON.stringify({ summary: 'FooNet', points: 3 })) }),
      /wrong shape \(tldr, keyPoints\)/,
    ],
    [
      'answers key points that are not strings',
      () => (chat.reply = { body: ChatStandIn.completion(JSON.stringify({ tldr: GOOD.tldr, keyPoints: [1, 2] })) }),
      /wrong shape/,
    ],
  ];
  for (const [what, arrange, reason] of failures) {
    it(`falls back to the extractive summary when the model ${what}, logs why and caches nothing`, async () => {
      arrange();
      const cache = memoryCache();
      const summarizer = createSummarizer({ model, cache, log: log() });
      // The slow reply would be a valid summary: answering with the extractive one proves the timeout fired.
      const summary = await summarizer.summarize(PAPER);
      expect(summary).toEqual(summarizer.extractive(PAPER));
      expect(cache.rows.size).toBe(0);
      expect(lines.join('\n')).toMatch(/model summary unavailable/);
      expect(lines.join('\n')).toMatch(reason);
    });
  }

  it('stops asking a failing model for a while, then asks again', async () => {
    let clock = 1_000_000;
    chat.reply = { status: 502, body: '{}' };
    const summarizer = createSummarizer({ model, cache: memoryCache(), log: log(), cooldownMs: 60_000, now: () => clock });
    const other: Paper = { ...PAPER, id: 'p-other0000001' };
    expect((await summarizer.summarize(PAPER)).kind).toBe('extractive');
    expect(chat.requests).toHaveLength(1);
    chat.reply = { body: ChatStandIn.completion(JSON.stringify(GOOD)) };
    clock += 59_000;
    expect((await summarizer.summarize(other)).kind).toBe('extractive');
    expect(chat.requests).toHaveLength(1);
    clock += 2_000;
    expect((await summarizer.summarize(other)).kind).toBe('model');
    expect(chat.requests).toHaveLength(2);
  });

  it('falls back when the endpoint cannot be reached', async () => {
    const summarizer = createSummarizer({ model: { ...model, url: 'http://127.0.0.1:9/v1/chat/completions' }, cache: memoryCache(), log: log() });
    const summary = await summarizer.summarize(PAPER);
    expect(summary.kind).toBe('extractive');
    expect(lines.join('\n')).toMatch(/cannot reach the model endpoint/);
  });

  it('accepts an answer wrapped in a code fence and trims it to the limits', async () => {
    const long = {
      tldr: `FooNet ${'is very sparse and '.repeat(20)}fast.`,
      keyPoints: ['- One.', 'Two points here.', 'Three points here.', 'Four points here.', 'Five points here.'],
    };
    chat.reply = { body: ChatStandIn.completion('```json\n' + JSON.stringify(long) + '\n```') };
    const summary = await createSummarizer({ model, cache: memoryCache(), log: log() }).summarize(PAPER);
    expect(summary.kind).toBe('model');
    expect(summary.tldr.length).toBeLessThanOrEqual(200);
    expect(summary.keyPoints).toEqual(['One.', 'Two points here.', 'Three points here.', 'Four points here.']);
  });

  it('drops model key points that repeat the TL;DR or each other', async () => {
    const answer = {
      tldr: GOOD.tldr,
      keyPoints: [GOOD.tldr, 'Cuts memory by 40% at 64k tokens.', 'Cuts memory by 40% at 64k tokens!', 'Matches dense attention on five benchmarks.'],
    };
    chat.reply = { body: ChatStandIn.completion(JSON.stringify(answer)) };
    const summary = await createSummarizer({ model, cache: memoryCache(), log: log() }).summarize(PAPER);
    expect(summary.keyPoints).toEqual(['Cuts memory by 40% at 64k tokens.', 'Matches dense attention on five benchmarks.']);
  });

  it('never rejects, even for a damaged paper record', async () => {
    const damaged = { ...PAPER, abstract: undefined } as unknown as Paper;
    for (const summarizer of [createSummarizer({ cache: memoryCache(), log: log() }), createSummarizer({ model, cache: memoryCache(), log: log() })]) {
      const summary = await summarizer.summarize(damaged);
      expect(summary.kind).toBe('extractive');
      expect(summary.tldr).toBe(PAPER.title);
    }
    expect(lines.join('\n')).toMatch(/summary failed/);
  });

  it('ignores a damaged cache row and a cache that throws', async () => {
    const broken: SummaryCache = {
      get: async () => ({ tldr: 42 }) as unknown as Summary,
      set: async () => {
        throw new Error('disk full');
      },
    };
    const summary = await createSummarizer({ model, cache: broken, log: log() }).summarize(PAPER);
    expect(summary.kind).toBe('model');
    expect(lines.join('\n')).toMatch(/summary cache write failed.*disk full/);
  });
});
