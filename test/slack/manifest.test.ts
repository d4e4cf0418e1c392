import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { slackUsage } from '../../src/slack/listeners/index.js';
import { METHOD_SCOPES, scopesFor } from '../../src/slack/listeners/usage.js';

const manifest = parse(readFileSync(new URL('../../manifest/manifest.yml', import.meta.url), 'utf8'));
const SRC = new URL('../../src/', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [readFileSync(path, 'utf8')] : [];
  });
}
const code = sources(SRC).join('\n');

describe('manifest/manifest.yml', () => {
  it('declares exactly the slash commands the code handles', () => {
    expect(manifest.features.slash_commands.map((c: { command: string }) => c.command).sort()).toEqual(slackUsage.commands);
  });

  it('subscribes to exactly the bot events the code listens to', () => {
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(slackUsage.events);
  });

  it('declares exactly the shortcuts the code handles', () => {
    const declared = manifest.features.shortcuts.map((s: { callback_id: string; type: string }) => ({ callbackId: s.callback_id, type: s.type }));
    expect(declared).toEqual(slackUsage.shortcuts);
  });

  it('asks for the least scopes: exactly those the commands, events and Web API calls need', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(scopesFor(slackUsage));
  });

  it('turns on interactivity, the App Home tab and Socket Mode', () => {
    expect(manifest.settings.interactivity.is_enabled).toBe(slackUsage.interactivity);
    expect(manifest.features.app_home.home_tab_enabled).toBe(slackUsage.appHome);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });

  it('has what the OAuth install needs: the redirect URL the app serves, and the uninstall events it listens to', () => {
    const redirects: string[] = manifest.oauth_config.redirect_urls;
    expect(redirects).toHaveLength(1);
    expect(new URL(redirects[0]!).pathname).toBe('/slack/oauth_redirect');
    expect(code).toContain("redirectUriPath: '/slack/oauth_redirect'");
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(expect.arrayContaining(['app_uninstalled', 'tokens_revoked']));
  });

  it('the declared usage matches what the source really calls and registers', () => {
    const called = new Set([...code.matchAll(/\bclient\.([a-z]+)\.([a-zA-Z]+)\(/g)].map((m) => `${m[1]}.${m[2]}`));
    for (const method of called) expect(slackUsage.methods, `the code calls ${method}`).toContain(method);
    for (const method of slackUsage.methods) {
      // auth.test is called by Bolt at start; every other declared method must appear in the code.
      if (method !== 'auth.test') expect(called, `declared ${method} is never called`).toContain(method);
      expect(METHOD_SCOPES[method], `scope of ${method}`).toBeDefined();
    }
    const events = new Set([...code.matchAll(/\bapp\.event\('([a-z_]+)'/g)].map((m) => m[1]));
    expect([...events].sort()).toEqual(slackUsage.events);
    const commands = new Set([...code.matchAll(/\bapp\.command\('([^']+)'/g)].map((m) => m[1]));
    expect([...commands].sort()).toEqual(slackUsage.commands);
  });
});
