import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const MAIN = new URL('../../dist/main.js', import.meta.url).pathname;

/** `npm start` with no Slack variables (set empty, so a developer's .env cannot turn them on). */
function runMain(input: string, env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const db = join(mkdtempSync(join(tmpdir(), 'paperwire-shell-')), 'paperwire.db');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN], {
      env: {
        PATH: process.env.PATH ?? '',
        PAPERWIRE_DB: db,
        PAPERWIRE_INGEST: 'off',
        SLACK_BOT_TOKEN: '',
        SLACK_APP_TOKEN: '',
        SLACK_SIGNING_SECRET: '',
        ...env,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe('the local shell through stdin and stdout', () => {
  it('answers what a Slack user would type, from the same Block Kit, and exits at end of input', async () => {
    const { code, stdout } = await runMain(
      [
        '/papers attention',
        'summarize 2',
        'save 1',
        'next',
        '/papers saved',
        'share 1',
        '@paperwire summarize',
        'more 1',
        '@paperwire diffusion',
        '/papers trending',
        'home',
        '/papers <!channel>',
        'summarize 99',
        'frobnicate',
        'help',
      ].join('\n') + '\n',
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/paperwire shell: \d+ papers/);
    expect(stdout).toMatch(/\d+ results for “attention”/);
    expect(stdout).toContain('[Summary] [Share] [Save] [More like this]');
    expect(stdout).toContain('TL;DR');
    expect(stdout).toContain('Key points');
    expect(stdout).toContain('Saved: ');
    expect(stdout).toContain('6. ');
    expect(stdout).toContain('== Your saved papers (1) ==');
    expect(stdout).toContain('shared by @ULOCAL');
    expect(stdout).toMatch(/#shell › thread 1\.000000/);
    expect(stdout).toContain('Papers like');
    expect(stdout).toContain('== Trending now ==');
    expect(stdout).toContain('results for “<!channel>”');
    expect(stdout).toContain('Pick a result from 1 to');
    expect(stdout).toContain('I don\'t know "frobnicate"');
    expect(stdout).toContain('/papers <query>');
    // Readable text: no mrkdwn entities or zero-width fences leak into the terminal.
    expect(stdout).not.toMatch(/&lt;|&gt;|&amp;|\u200B/);
  });

  it('shows "Did you mean" as a line, and a title pasted with a spaced double hyphen is searched', async () => {
    const { code, stdout } = await runMain(
      '/papers speculative decodng\n/papers Spectra -- A Comprehensive Study of Ternary, Quantized, and FP16 Language Models\n',
    );
    expect(code).toBe(0);
    expect(stdout).toContain('Did you mean “speculative decoding”?');
    expect(stdout).toContain('[Search “speculative decoding”]');
    expect(stdout).toContain('1. Spectra: A Comprehensive Study');
    expect(stdout).not.toContain('leaves out nothing');
  });

  it('stops at quit', async () => {
    const { code, stdout } = await runMain('quit\n/papers attention\n');
    expect(code).toBe(0);
    expect(stdout).not.toContain('results for');
  });

  it('refuses to start on a bad variable, listing the problem without printing the secret', async () => {
    const { code, stderr, stdout } = await runMain('', { SLACK_BOT_TOKEN: 'xoxb-abc123', SLACK_APP_TOKEN: 'not-a-token-secret' });
    expect(code).toBe(2);
    expect(stderr).toContain('SLACK_APP_TOKEN');
    expect(stderr + stdout).not.toContain('not-a-token-secret');
    expect(stdout).not.toContain('paperwire shell');
  });
});
