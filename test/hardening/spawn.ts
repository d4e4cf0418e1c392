import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { CORPUS_DIR } from '../helpers/corpus.js';

const MAIN = fileURLToPath(new URL('../../dist/main.js', import.meta.url));
const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

export interface Finished {
  code: number | null;
  output: string;
}

/** Runs `npm start` (dist/main.js) or the CLI with exactly this environment; stdin is closed. */
export function run(what: 'main' | 'cli', args: string[], env: Record<string, string>, options: { input?: string; killAfterMs?: number } = {}) {
  const child = spawn(process.execPath, [what === 'main' ? MAIN : CLI, ...args], {
    env: { PATH: process.env.PATH ?? '', PAPERWIRE_CORPUS_DIR: CORPUS_DIR, PAPERWIRE_INGEST: 'off', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  child.stdin.end(options.input ?? '');
  const timer = options.killAfterMs ? setTimeout(() => child.kill('SIGKILL'), options.killAfterMs) : undefined;
  const done = new Promise<Finished>((resolve) =>
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    }),
  );
  return { child, done, output: () => output };
}

/** A stack trace line, which an operator should never have to read. */
export const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;
