#!/usr/bin/env node
import { runCli } from './cli/run.js';
import { loadDotEnv } from './config.js';

// `paperwire corpus --json | head` closes the pipe early; that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

loadDotEnv();
// A progress line on a terminal is rewritten in place, and cleared before anything else is printed.
let progressShown = false;
const clearProgress = () => {
  if (progressShown) process.stderr.write('\r\x1b[K');
  progressShown = false;
};
void runCli(process.argv.slice(2), {
  out: (text) => {
    clearProgress();
    process.stdout.write(text + '\n');
  },
  err: (text) => {
    clearProgress();
    process.stderr.write(text + '\n');
  },
  progress: process.stderr.isTTY
    ? (text) => {
        process.stderr.write(`\r\x1b[K${text.slice(0, Math.max(20, (process.stderr.columns || 80) - 1))}`);
        progressShown = true;
      }
    : undefined,
}).then((code) => {
  clearProgress();
  process.exitCode = code;
});
