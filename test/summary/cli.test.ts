import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { openStore } from '../../src/store/sqlite.js';
import { CORPUS_DIR } from '../helpers/corpus.js';
import { ChatStandIn } from './chat-stand-in.js';

const LLM_VARS = ['PAPERWIRE_LLM_URL', 'PAPERWIRE_LLM_MODEL', 'PAPERWIRE_LLM_API_KEY', 'PAPERWIRE_LLM_TIMEOUT_MS', 'PAPERWIRE_DB'] as const;
const saved = Object.fromEntries(LLM_VARS.map((k) => [k, process.env[k]]));

describe('paperwire summarize', () => {
  // Whatever the developer's shell holds, these tests choose whether a model is configured.
  beforeEach(() => {
    for (const k of LLM_VARS) delete process.env[k];
  });
  afterEach(() => {
    for (const k of LLM_VARS) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  });

  it('summarises a paper by exact id as JSON with exactly the documented keys', async () => {
    const { code, out } = await cli('summarize', 'p-29f31821qmjv', '--corpus', CORPUS_DIR, '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual(['id', 'title', 'tldr', 'keyPoints', 'keywords', 'kind']);
    expect(json).toMatchObject({ id: 'p-29f31821qmjv', title: 'Pointer Networks', kind: 'extractive' });
    expect(json.tldr.length).toBeLessThanOrEqual(200);
    expect(json.keyPoints.length).toBeGreaterThanOrEqual(2);
    expect(json.keywords.length).toBeGreaterThanOrEqual(3);
  });

  it('finds a paper by title words and prints a readable summary', async () => {
    const { code, out, err } = await cli('summarize', 'pointer', 'networks', '--corpus', CORPUS_DIR);
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out.split('\n')[0]).toBe('Pointer Networks');
    expect(out).toMatch(/^TL;DR: /m);
    expect(out).toMatch(/^Key points:\n {2}• /m);
    expect(out).toMatch(/^Keywords: .+, .+, .+/m);
    expect(out).toContain('(extractive summary)');
  });

  it('says which paper it chose when the words match several about as well', async () => {
    const { code, out, err } = await cli('summarize', 'quantization', '--corpus', CORPUS_DIR, '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(err).toContain(`summarising the best match, ${json.id}`);
    expect(err).toMatch(/Also close:\n {2}p-[a-z0-9]+ {2}\S/);
  });

  it('exits 2 with a clear message when nothing matches or the usage is wrong', async () => {
    const none = await cli('summarize', 'zzqqxx', '--corpus', CORPUS_DIR);
    expect(none.code).toBe(2);
    expect(none.err).toBe('paperwire summarize: no paper matches "zzqqxx" among 204 papers; try other title words or a paper id');
    const empty = await cli('summarize', '--corpus', CORPUS_DIR);
    expect(empty.code).toBe(2);
    expect(empty.err).toContain('give a paper id');
    expect(empty.err).toContain('Usage: paperwire summarize');
    expect((await cli('summarize', 'x', '--bogus')).code).toBe(2);
  });

  describe('with a model configured', () => {
    let chat: ChatStandIn;
    beforeAll(async () => {
      chat = await new ChatStandIn().start();
    });
    afterAll(() => chat.stop());

    it('uses the model, caches its answer in PAPERWIRE_DB, and falls back when it fails', async () => {
      const db = join(mkdtempSync(join(tmpdir(), 'paperwire-summary-')), 'test.db');
      Object.assign(process.env, {
        PAPERWIRE_LLM_URL: chat.url,
        PAPERWIRE_LLM_MODEL: 'm1',
        PAPERWIRE_LLM_API_KEY: 'sk-cli-secret-000',
        PAPERWIRE_LLM_TIMEOUT_MS: '1000',
        PAPERWIRE_DB: db,
      });
      chat.reply = {
        body: ChatStandIn.completion(
          JSON.stringify({ tldr: 'Ptr-Nets point at input positions.', keyPoints: ['Attention as a pointer.', 'Solves convex hulls.'] }),
        ),
      };

      const first = await cli('summarize', 'p-29f31821qmjv', '--corpus', CORPUS_DIR, '--json');
      expect(first.code).toBe(0);
      expect(JSON.parse(first.out)).toMatchObject({
        tldr: 'Ptr-Nets point at input positions.',
        keyPoints: ['Attention as a pointer.', 'Solves convex hulls.'],
        kind: 'model',
      });
      const second = await cli('summarize', 'p-29f31821qmjv', '--corpus', CORPUS_DIR, '--json');
      expect(JSON.parse(second.out).kind).toBe('model');
      expect(chat.requests).toHaveLength(1);
      const store = openStore(db);
      expect((await store.summaries.get('p-29f31821qmjv', 'm1'))?.tldr).toBe('Ptr-Nets point at input positions.');
      await store.close();

      chat.reply = { status: 503, body: '{}' };
      const failed = await cli('summarize', 'p-1yz72xz10dkt', '--corpus', CORPUS_DIR, '--json');
      expect(failed.code).toBe(0);
      expect(JSON.parse(failed.out).kind).toBe('extractive');
      expect(failed.err).toContain('HTTP 503');
      expect(failed.err).not.toContain('sk-cli-secret-000');
    });
  });
});
