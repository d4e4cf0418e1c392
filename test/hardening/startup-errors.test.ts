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
