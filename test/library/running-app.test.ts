import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CACHE_DIR } from '../../src/library/library.js';
import { fromPackageRoot } from '../../src/util/paths.js';
import { snapshotPath } from '../../src/library/snapshot.js';
import { tempCorpus } from '../helpers/corpus.js';
import { slashCommand } from '../helpers/signed-request.js';
import { startHarness, type Harness } from '../e2e/harness.js';
import { page, until } from './helpers.js';

let h: Harness;
let dir: string;

beforeAll(async () => {
  dir = tempCorpus({ 'a.txt': page('Mar 14', ['Alphanet']) });
  h = await startHarness({ PAPERWIRE_CORPUS_DIR: dir });
});

afterAll(async () => {
  await h?.stop();
  rmSync(snapshotPath(fromPackageRoot(DEFAULT_CACHE_DIR), dir), { force: true });
});

interface Health {
  papers: number;
  corpusVersion: string;
}

async function health(): Promise<Health> {
  return (await (await fetch(`${h.url}/healthz`)).json()) as Health;
}

describe('the running app in HTTP mode', () => {
  it('picks up a page dropped into the corpus directory: /healthz and /papers show it, and the log says so', async () => {
    const before = await health();
    expect(before.papers).toBe(1);
    expect(before.corpusVersion).toMatch(/^[0-9a-f]{16}$/);

    writeFileSync(join(dir, 'b.txt'), page('Mar 15', ['Zorblax']));
    let after = before;
    const poll = setInterval(() => void health().then((x) => (after = x)), 25);
    try {
      await until(() => after.corpusVersion !== before.corpusVersion, 'the new version on /healthz');
    } finally {
      clearInterval(poll);
    }
    expect(after.papers).toBe(2);
    expect(
      h.logs.some(
        (l) => l.includes('corpus swapped') && l.includes(`"version":"${after.corpusVersion}"`) && l.includes(`"previousVersion":"${before.corpusVersion}"`),
      ),
    ).toBe(true);

    const res = await slashCommand(`${h.url}/slack/events`, { text: 'zorblax', response_url: h.slack.responseUrl('live1') });
    expect(res.status).toBe(200);
    const [answer] = await h.slack.waitFor('respond:live1');
    expect(JSON.stringify(answer!.body.blocks)).toContain('Zorblax');
  });
});
