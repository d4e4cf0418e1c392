import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SlackStandIn } from '../helpers/slack-stand-in.js';
import { tempDb } from '../digest/harness.js';
import { run, STACK_LINE } from './spawn.js';

let slack: SlackStandIn;
beforeEach(async () => {
  slack = await new SlackStandIn().start();
});
afterEach(() => slack.stop());

describe('npm start refuses to run on a bad setup, saying what to fix', () => {
  it('names every invalid variable and the fix, exits non-zero and connects to nothing', async () => {
    const { code, output } = await run('main', [], {
      SLACK_BOT_TOKEN: 'xoxp-canary-user-token-1234',
      SLACK_SIGNING_SECRET: 'not hex at all',
      SLACK_API_URL: slack.apiUrl,
      PORT: '99999',
      PAPERWIRE_DB: tempDb(),
    }).done;
    expect(code).toBe(2);
    expect(output).toContain('SLACK_BOT_TOKEN must be a bot token starting with "xoxb-"');
    expect(output).toContain('SLACK_SIGNING_SECRET must be the hex signing secret');
    expect(output).toContain('PORT must be a port number');
    expect(output).not.toContain('canary');
    expect(output).not.toMatch(STACK_LINE);
    expect(slack.calls).toEqual([]);
  });

  it('refuses the OAuth install without a valid encryption key, saying how to make one, and connects to nothing', async () => {
    const oauth = {
      SLACK_CLIENT_ID: '1111111111.2222222222',
      SLACK_CLIENT_SECRET: '0123456789abcdef0123456789abcdef',
      SLACK_STATE_SECRET: 'a-state-secret-of-our-own-choosing',
      SLACK_SIGNING_SECRET: 'abcdef0123456789abcdef0123456789',
      SLACK_API_URL: slack.apiUrl,
      PAPERWIRE_DB: tempDb(),
    };
    const missing = await run('main', [], oauth).done;
    expect(missing.code).toBe(2);
    expect(missing.output).toContain('PAPERWIRE_ENCRYPTION_KEY is missing');
    expect(missing.output).toContain('openssl rand -base64 32');
    const short = await run('main', [], { ...oauth, PAPERWIRE_ENCRYPTION_KEY: 'canaryc2hvcnQga2V5' }).done;
    expect(short.code).toBe(2);
    expect(short.output).toContain('PAPERWIRE_ENCRYPTION_KEY must be 32 random bytes');
    expect(short.output).not.toContain('canary');
    expect(short.output).not.toMatch(STACK_LINE);
    expect(slack.calls).toEqual([]);
  });

  it('explains a corrupt database in one line', async () => {
    const db = tempDb();
    writeFileSync(db, 'this is not sqlite '.repeat(500));
    const { code, output } = await run('main', [], { PAPERWIRE_DB: db }).done;
    expect(code).toBe(1);
    expect(output).toContain('is not a valid SQLite database or is corrupt');
    expect(output).not.toMatch(STACK_LINE);
  });

  it('explains a database it cannot write', async () => {
    const { code, output } = await run('main', [], { PAPERWIRE_DB: '/proc/self/paperwire.db' }).done;
    expect(code).toBe(1);
    expect(output).toContain('cannot be opened for writing');
    expect(output).toContain('PAPERWIRE_DB');
    expect(output).not.toMatch(STACK_LINE);
  });

  it('explains a database another process holds locked', async () => {
    const path = tempDb();
    const holder = new Database(path);
    holder.exec('CREATE TABLE t (x); BEGIN EXCLUSIVE; INSERT INTO t VALUES (1);');
    try {
      const { code, output } = await run('main', [], { PAPERWIRE_DB: path }).done;
      expect(code).toBe(1);
      expect(output).toContain('is locked by another process');
      expect(output).not.toMatch(STACK_LINE);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
  });
});
