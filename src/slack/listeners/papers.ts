import type { App, BlockAction, ButtonAction, SlackActionMiddlewareArgs, AllMiddlewareArgs } from '@slack/bolt';
import type { Runtime } from '../../features/runtime.js';
import { ACTIONS, actionPattern, SUMMARIZE_SHORTCUT, UNKNOWN_ACTION, type ActionKind } from '../../views/actions.js';
import { renderNotice, renderUnknownAction } from '../../views/notice.js';
import type { WebClient } from '@slack/web-api';
import { noRetryClients } from '../clients.js';
import { responder } from '../response-url.js';
import { handleHome } from './home.js';
import { handlePapersCommand } from '../../features/papers.js';
import { handlePaperAction } from '../../features/paper-actions.js';
import { handleMention, handleSummarizeShortcut } from '../../features/thread.js';
import { PostRefused, type Surface } from '../../features/surface.js';
import { StoreUnavailable } from '../../store/errors.js';
import { teamOf } from '../team.js';
import { boltSurface, type Origin } from './bolt-surface.js';
import type { SlackUsage } from './usage.js';

/** The Slack side of searching, summarising, sharing and saving papers. */
export const papersUsage: Partial<SlackUsage> = {
  commands: ['/papers'],
  events: ['app_mention', 'app_home_opened'],
  shortcuts: [{ callbackId: SUMMARIZE_SHORTCUT, type: 'message' }],
  methods: ['auth.test', 'chat.postMessage', 'conversations.replies', 'views.publish', 'views.open', 'views.push'],
  interactivity: true,
  appHome: true,
};

const SORRY = 'Sorry, something went wrong on my side while answering. Please try again in a moment.';
const NO_DATABASE = 'I can’t reach my database right now, so I can’t do that. Please try again in a minute.';

export function registerPapers(app: App, rt: Runtime): void {
  const clients = noRetryClients(rt.config, rt.log);
  const poster = (client: WebClient) => clients(client.token);
  app.command('/papers', async ({ ack, command, respond, client }) => {
    await ack();
    const surface = boltSurface(client, rt.log, { kind: 'ephemeral', respond: responder(command.response_url, respond) }, poster(client));
    await guarded(rt, surface, 'command /papers', () =>
      handlePapersCommand(rt, surface, { userId: command.user_id, teamId: command.team_id, channelId: command.channel_id }, command.text ?? ''),
    );
  });

  for (const kind of Object.keys(ACTIONS) as ActionKind[]) {
    app.action(actionPattern(kind), async (args) => {
      await args.ack();
      await onButton(rt, kind, args as SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs, poster(args.client));
    });
  }

  // A button we never sent (an old app version, a forged payload): a polite answer and a log line.
  app.action({ type: 'block_actions', action_id: UNKNOWN_ACTION }, async ({ ack, action, body, respond }) => {
    await ack();
    rt.log.warn('a button paperwire does not know was pressed', { actionId: (action as { action_id?: string }).action_id });
    await responder(
      body.response_url,
      respond,
    )({ ...renderUnknownAction(), response_type: 'ephemeral', replace_original: false }).catch((error: unknown) =>
      rt.log.warn('could not answer an unknown button', { error }),
    );
  });

  app.shortcut(SUMMARIZE_SHORTCUT, async ({ ack, shortcut, respond, client }) => {
    await ack();
    if (shortcut.type !== 'message_action') return;
    const surface = boltSurface(client, rt.log, { kind: 'ephemeral', respond: responder(shortcut.response_url, respond) }, poster(client));
    await guarded(rt, surface, 'shortcut summarize_paper', () =>
      handleSummarizeShortcut(rt, surface, shortcut.channel.id, shortcut.message as Parameters<typeof handleSummarizeShortcut>[3], {
        userId: shortcut.user.id,
        teamId: teamOf(shortcut),
      }),
    );
  });

  app.event('app_mention', async ({ event, body, client }) => {
    const surface = boltSurface(client, rt.log, { kind: 'event' }, poster(client));
    const actor = event.user ? { userId: event.user, teamId: teamOf(body) } : undefined;
    await guarded(rt, surface, 'app_mention', () =>
      handleMention(rt, surface, { text: event.text, channel: event.channel, ts: event.ts, threadTs: event.thread_ts, actor }),
    );
  });

  app.event('app_home_opened', async ({ event, body, client }) => {
    if (event.tab !== 'home') return;
    await handleHome(rt, client, teamOf(body), event.user);
  });
}

async function onButton(
  rt: Runtime,
  kind: ActionKind,
  args: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs,
  poster: WebClient,
): Promise<void> {
  const { body, action, client } = args;
  const respond = responder(body.response_url, args.respond);
  const container = body.container as { type?: string; is_ephemeral?: boolean } | undefined;
  const inView = container?.type === 'view';
  const onHome = inView && body.view?.type === 'home';
  const homeChange = onHome && (kind === 'save' || kind === 'remove');
  const origin: Origin = inView
    ? { kind: 'view', triggerId: body.trigger_id, inModal: body.view?.type === 'modal', quiet: homeChange }
    : { kind: container?.is_ephemeral ? 'ephemeral' : 'public', respond };
  const surface = boltSurface(client, rt.log, origin, poster);
  const teamId = teamOf(body);
  const channelId = body.channel?.id ?? '';
  await guarded(rt, surface, `button ${kind}`, async () => {
    await handlePaperAction(rt, surface, { userId: body.user.id, teamId, channelId }, kind, action.value);
    if (homeChange) await handleHome(rt, client, teamId, body.user.id);
  });
}

/** Runs a handler; an unexpected failure is logged with context and the person gets a plain apology. */
async function guarded(rt: Runtime, surface: Surface, what: string, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    const refused = error instanceof PostRefused;
    const noDatabase = error instanceof StoreUnavailable;
    if (noDatabase) rt.log.warn(`${what}: the database is not answering`, { reason: error.message });
    else if (!refused) rt.log.error(`${what} failed`, { error });
    try {
      await surface.respond(renderNotice(refused ? error.userMessage : noDatabase ? NO_DATABASE : SORRY));
    } catch (replyError) {
      rt.log.warn(`${what}: could not tell the user about the failure`, { error: replyError });
    }
  }
}
