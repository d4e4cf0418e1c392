import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ModelConfig } from '../../src/config.js';
import type { Paper } from '../../src/corpus/types.js';
import { createLog } from '../../src/util/log.js';
import { openStore } from '../../src/store/sqlite.js';
import { createSummarizer } from '../../src/summary/service.js';
import { mergeKeywords, sourceTldr } from '../../src/summary/source.js';
import type { Summary, SummaryCache } from '../../src/summary/types.js';
import fc from 'fast-check';
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

  it('accepts an answer wrapped in a code fence and trims the key points to the limits', async () => {
    const answer = {
      tldr: GOOD.tldr,
      keyPoints: ['- One.', 'Two points here.', 'Three points here.', 'Four points here.', 'Five points here.'],
    };
    chat.reply = { body: ChatStandIn.completion('```json\n' + JSON.stringify(answer) + '\n```') };
    const summary = await createSummarizer({ model, cache: memoryCache(), log: log() }).summarize(PAPER);
    expect(summary.kind).toBe('model');
    expect(summary.tldr).toBe(GOOD.tldr);
    expect(summary.keyPoints).toEqual(['One.', 'Two points here.', 'Three points here.', 'Four points here.']);
  });

  it('asks the model for the one-sentence TL;DR style: name, what it does, headline number, no dangling references', async () => {
    await createSummarizer({ model, cache: memoryCache(), log: log() }).summarize(PAPER);
    const system = chat.requests[0]?.body.messages?.find((m) => m.role === 'system')?.content ?? '';
    expect(system).toMatch(/exactly one sentence of at most 200 characters/);
    expect(system).toMatch(/name the method/);
    expect(system).toMatch(/headline result with its number/);
    expect(system).toMatch(/this problem/);
  });

  const offStyle: Array<[string, string]> = [
    ['is longer than 200 characters', `FooNet ${'is very sparse and '.repeat(20)}fast.`],
    ['is two sentences', 'FooNet makes attention sparse. It cuts memory by 40%.'],
    ['does not end as a sentence', 'FooNet makes long-document attention sparse via landmark tokens and'],
    ['ends with an ellipsis', 'FooNet makes long-document attention sparse via landmark tokens...'],
  ];
  for (const [what, tldr] of offStyle) {
    it(`answers with the extractive summary when the model's TL;DR ${what}, caches nothing and asks again next time`, async () => {
      chat.reply = { body: ChatStandIn.completion(JSON.stringify({ tldr, keyPoints: GOOD.keyPoints })) };
      const cache = memoryCache();
      const summarizer = createSummarizer({ model, cache, log: log() });
      const summary = await summarizer.summarize(PAPER);
      expect(summary).toEqual(summarizer.extractive(PAPER));
      expect(cache.rows.size).toBe(0);
      expect(lines.join('\n')).toMatch(/model summary not usable/);
      // Not a failing model: the next paper is asked for at once.
      chat.reply = { body: ChatStandIn.completion(JSON.stringify(GOOD)) };
      expect((await summarizer.summarize({ ...PAPER, id: 'p-other0000002' })).kind).toBe('model');
      expect(chat.requests).toHaveLength(2);
    });
  }

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

  describe('a paper with Hugging Face’s own summary', () => {
    const FROM_API: Paper = {
      ...PAPER,
      id: 'arxiv-2502-12345',
      arxivId: '2502.12345',
      aiSummary: 'FooNet uses sparse attention over landmark tokens to cut memory on long documents by 40% while matching dense attention.',
      aiKeywords: ['Sparse Attention', 'landmark tokens', 'KV cache', 'large language models', 'attention', 'LLMs'],
    };

    it('takes it as the TL;DR, with extracted key points and the keywords joined, and never asks the model', async () => {
      const cache = memoryCache();
      const summarizer = createSummarizer({ model, cache, log: log() });
      const summary = await summarizer.summarize(FROM_API);
      const extractive = summarizer.extractive(FROM_API);
      expect(summary.kind).toBe('source');
      expect(summary.tldr).toBe(FROM_API.aiSummary);
      expect(summary.keyPoints).toEqual(extractive.keyPoints);
      expect(summary.keyPoints.length).toBeGreaterThan(0);
      // Extracted and Hugging Face's keywords, once each, the most specific first, the generic ones last and cut.
      expect(summary.keywords).toEqual(['KV cache', 'FooNet', 'long documents', 'sparse attention', 'landmark tokens', 'large language models']);
      expect(extractive.keywords).toEqual(['long documents', 'sparse attention', 'FooNet']);
      expect(chat.requests).toHaveLength(0);
      expect(cache.rows.size).toBe(0);
    });

    it('drops an extracted key point that repeats it', async () => {
      const repeating = { ...FROM_API, aiSummary: 'FooNet matches dense attention on five benchmarks.' };
      const summarizer = createSummarizer({ cache: memoryCache(), log: log() });
      expect(summarizer.extractive(repeating).keyPoints).toContain('FooNet matches dense attention on five benchmarks.');
      const summary = await summarizer.summarize(repeating);
      expect(summary.kind).toBe('source');
      expect(summary.keyPoints).not.toContain('FooNet matches dense attention on five benchmarks.');
      expect(summary.keyPoints).toContain('Attention over long documents remains expensive.');
    });

    it('a summary with nothing to say is passed over: the model (or the abstract) answers', async () => {
      const junk = { ...FROM_API, aiSummary: ' \u0000 ?! ' };
      expect((await createSummarizer({ model, cache: memoryCache(), log: log() }).summarize(junk)).kind).toBe('model');
      expect(chat.requests).toHaveLength(1);
      const summarizer = createSummarizer({ cache: memoryCache(), log: log() });
      expect(await summarizer.summarize(junk)).toEqual(summarizer.extractive(junk));
    });
  });
});

describe('sourceTldr', () => {
  it('keeps a short summary as it is, cleaned, with a full stop', () => {
    expect(sourceTldr('  FooNet   makes attention\nsparse ')).toBe('FooNet makes attention sparse.');
    expect(sourceTldr('TL;DR: "FooNet makes attention sparse!"')).toBe('FooNet makes attention sparse!');
    expect(sourceTldr('\u202EFooNet\u202C makes attention sparse.')).toBe('FooNet makes attention sparse.');
  });

  it('cuts a long one after its last whole sentence that fits, not at an abbreviation', () => {
    const long =
      'FooNet introduces a sparse attention scheme over landmark tokens that cuts memory by 40% on 64k-token inputs. It matches dense attention on five benchmarks, e.g. LongBench and RULER, and runs twice as fast on one GPU without retraining.';
    expect(long.length).toBeGreaterThan(200);
    expect(sourceTldr(long)).toBe('FooNet introduces a sparse attention scheme over landmark tokens that cuts memory by 40% on 64k-token inputs.');
    const abbreviation = `We compare against strong baselines, e.g. ${'dense attention and sliding windows '.repeat(3)}on five benchmarks with long inputs and many tasks here.`;
    expect(sourceTldr(abbreviation)).not.toMatch(/e\.g\.$/);
  });

  it('else at its last clause boundary that fits, else after a whole word with an ellipsis', () => {
    const clauses =
      'FooNet introduces a sparse attention scheme over landmark tokens that cuts memory by 40% on 64k-token inputs, matching dense attention on five benchmarks including LongBench and RULER, and running twice as fast on a single GPU with no retraining';
    expect(sourceTldr(clauses)).toBe(
      'FooNet introduces a sparse attention scheme over landmark tokens that cuts memory by 40% on 64k-token inputs, matching dense attention on five benchmarks including LongBench and RULER.',
    );
    const words =
      'FooNet introduces a sparse attention scheme over landmark tokens that cuts memory by forty percent on very long inputs while matching dense attention on five benchmarks including LongBench and RULER and running twice as fast on one GPU';
    expect(sourceTldr(words)).toBe(
      'FooNet introduces a sparse attention scheme over landmark tokens that cuts memory by forty percent on very long inputs while matching dense attention on five benchmarks including LongBench and RULER…',
    );
  });

  it('has nothing for noise or one endless word', () => {
    for (const junk of ['', '!!', '  ', 'a b c', 'x'.repeat(300)]) expect(sourceTldr(junk), junk).toBeUndefined();
  });

  it('is at most 200 characters and never ends inside a word (property)', () => {
    const word = fc.stringMatching(/^[A-Za-z0-9%-]{1,14}$/);
    const separator = fc.constantFrom(' ', ' ', ' ', ', ', '; ', '. ', ': ', ' — ', ' (', ') ', ' e.g. ');
    const summaries = fc.array(fc.tuple(word, separator), { minLength: 1, maxLength: 80, size: 'max' }).map((parts) => parts.map(([w, s]) => w + s).join(''));
    // Words only: no sentence or clause to cut at, so the cut is after a whole word.
    let cut = 0;
    const plain = fc.array(fc.stringMatching(/^[A-Za-z]{1,12}$/), { minLength: 30, maxLength: 60 }).map((words) => words.join(' '));
    fc.assert(
      fc.property(fc.oneof(summaries, plain, fc.string({ maxLength: 400 })), (raw) => {
        const tldr = sourceTldr(raw);
        if (tldr === undefined) return;
        if (raw.length > 200) cut++;
        expect(tldr.length).toBeLessThanOrEqual(200);
        const clean = raw.replace(/\s+/g, ' ').trim();
        const body = tldr.replace(/[.…]$/u, '');
        // What is kept is the start of the summary, ending where a word ends.
        expect(
          clean.startsWith(body) ||
            clean
              .replace(/^(?:tl;?dr|summary)\s*[:\-—–]\s*/i, '')
              .replace(/^["“]/u, '')
              .startsWith(body),
        ).toBe(true);
        const next = clean.charAt(clean.indexOf(body) + body.length);
        expect(/[\p{L}\p{N}]/u.test(body.slice(-1)) && /[\p{L}\p{N}]/u.test(next)).toBe(false);
      }),
      { numRuns: 400 },
    );
    // Long summaries that had to be cut were reached, not only short ones.
    expect(cut).toBeGreaterThan(100);
  });
});

describe('mergeKeywords', () => {
  it('keeps each phrase once whatever its case, spacing or plural, and at most six', () => {
    expect(mergeKeywords(['sparse attention', 'FooNet'], ['Sparse  Attention', 'foonet', 'Landmark Tokens', 'landmark token'])).toEqual([
      'FooNet',
      'sparse attention',
      'Landmark Tokens',
    ]);
    const many = mergeKeywords(['alpha beta', 'gamma delta'], ['epsilon zeta', 'eta theta', 'iota kappa', 'lambda mu', 'nu xi']);
    expect(many).toHaveLength(6);
    expect(many.slice(0, 2)).toEqual(['alpha beta', 'gamma delta']);
  });

  it('puts names and longer phrases first and the names of whole fields last', () => {
    expect(mergeKeywords(['attention', 'retrieval'], ['large language models', 'GPT-4', 'sparse attention', 'long context retrieval'])).toEqual([
      'GPT-4',
      'long context retrieval',
      'sparse attention',
      'large language models',
    ]);
  });

  it('drops what is not a keyword', () => {
    expect(mergeKeywords(['FooNet'], ['', ' ', '!!', 'x', 42, null, 'y'.repeat(61), '*bold*'])).toEqual(['FooNet', 'bold']);
  });
});
