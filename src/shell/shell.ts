import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Runtime } from '../features/runtime.js';
import { actionKind, type ActionKind } from '../views/actions.js';
import type { Message } from '../views/message.js';
import { renderHelp } from '../views/help.js';
import { blocksToText } from './to-text.js';
import { homeView } from '../features/home.js';
import { handlePaperAction } from '../features/paper-actions.js';
import { handlePapersCommand } from '../features/papers.js';
import type { Requester, SeenMessage, Surface } from '../features/surface.js';
import { handleMention } from '../features/thread.js';

/** Who you are in the shell: one person in one channel of one workspace. */
export const SHELL_REQUESTER: Requester = { userId: 'ULOCAL', teamId: 'TLOCAL', channelId: 'CSHELL' };

export const SHELL_HELP = [
  'Type what you would type in Slack:',
  '  /papers <query>      search (also /papers trending, /papers saved, /papers help)',
  '  summarize N          the Summary button of result N (also: share N, save N, more N, remove N)',
  '  next                 the Next 5 button',
  '  @paperwire <query>   a mention: results in a thread; @paperwire summarize in a shared card’s thread',
  '  home                 your App Home',
  '  quit                 leave (Ctrl-D works too)',
].join('\n');

const VERBS: Record<string, ActionKind> = {
  summarize: 'summary',
  summarise: 'summary',
  summary: 'summary',
  tldr: 'summary',
  share: 'share',
  save: 'save',
  more: 'more',
  remove: 'remove',
};

interface Button {
  kind: ActionKind;
  value: string;
}

/** The numbered papers of the last list shown, and its Next button. */
function listIn(message: Message): { papers: string[]; next?: string } | undefined {
  const buttons: Button[] = [];
  for (const block of message.blocks) {
    if (block.type !== 'actions') continue;
    for (const el of block.elements) {
      if (el.type !== 'button' || !el.action_id || el.value === undefined) continue;
      const kind = actionKind(el.action_id);
      if (kind) buttons.push({ kind, value: el.value });
    }
  }
  const papers = buttons.filter((b) => b.kind === 'summary').map((b) => b.value);
  const next = buttons.find((b) => b.kind === 'next')?.value;
  return papers.length > 0 || next ? { papers, next } : undefined;
}

/**
 * The local shell: reads lines like a Slack user would type them and prints the answers rendered from
 * the same Block Kit the app sends, through the same handlers. Ends at `quit` or end of input.
 */
export async function runShell(rt: Runtime, io: { input: Readable; output: Writable; interactive: boolean }): Promise<void> {
  const write = (text: string) => io.output.write(text.endsWith('\n') ? text : text + '\n');
  const channel = new Map<string, SeenMessage>();
  let nextTs = 1;
  let list: { papers: string[]; next?: string } | undefined;
  let thread: string | undefined;

  const show = (label: string, message: Message) => {
    write(`\n${label}\n${blocksToText(message.blocks, message.text)}\n`);
    const found = listIn(message);
    if (found && found.papers.length > 0) {
      list = found;
      write(`   (summarize N · share N · save N · more N${found.next ? ' · next' : ''})`);
    } else if (found?.next && list) list.next = found.next;
  };

  const surface: Surface = {
    async respond(message) {
      show('(only visible to you)', message);
    },
    async post(ch, message, threadTs) {
      const ts = `${nextTs++}.000000`;
      channel.set(ts, { text: message.text, blocks: message.blocks, metadata: message.metadata });
      show(threadTs ? `#shell › thread ${threadTs}` : `#shell (message ${ts})`, message);
      if (!threadTs && message.metadata) thread = ts;
      return ts;
    },
    async threadParent(_ch, threadTs) {
      return channel.get(threadTs);
    },
  };

  const run = async (line: string): Promise<boolean> => {
    const text = line.trim();
    if (text === '') return true;
    const [head = '', ...rest] = text.split(/\s+/);
    const word = head.toLowerCase();
    if (word === 'quit' || word === 'exit') return false;
    if (word === 'help' && rest.length === 0) {
      show('paperwire', renderHelp());
      write(`\n${SHELL_HELP}`);
    } else if (word === '/papers') {
      await handlePapersCommand(rt, surface, SHELL_REQUESTER, rest.join(' '));
    } else if (word.startsWith('@paperwire')) {
      const ts = `${nextTs++}.000000`;
      channel.set(ts, { text });
      await handleMention(rt, surface, {
        text: text.slice('@paperwire'.length),
        channel: SHELL_REQUESTER.channelId,
        ts,
        threadTs: thread,
        actor: SHELL_REQUESTER,
      });
    } else if (word === 'next') {
      if (!list?.next) write('There is no "Next" to press: search with /papers first.');
      else await handlePaperAction(rt, surface, SHELL_REQUESTER, 'next', list.next);
    } else if (word === 'home') {
      show('App Home', { text: 'App Home', blocks: (await homeView(rt, SHELL_REQUESTER.teamId, SHELL_REQUESTER.userId)).blocks });
    } else if (VERBS[word]) {
      const n = Number(rest[0]);
      const id = Number.isInteger(n) && n >= 1 ? list?.papers[n - 1] : undefined;
      if (!id) write(list ? `Pick a result from 1 to ${list.papers.length}, e.g. "${word} 1".` : 'Search first with /papers, then pick a result by number.');
      else await handlePaperAction(rt, surface, SHELL_REQUESTER, VERBS[word]!, id);
    } else {
      write(`I don't know "${head}". ${SHELL_HELP}`);
    }
    return true;
  };

  write(`paperwire shell: ${rt.library().papers.length} papers. Type "help" for commands, "quit" to leave.`);
  const rl = createInterface({ input: io.input, output: io.interactive ? io.output : undefined, terminal: io.interactive });
  const prompt = () => io.interactive && rl.prompt();
  // In a terminal readline takes Ctrl-C for itself; make it leave the shell as it would anywhere else.
  rl.on('SIGINT', () => rl.close());
  rl.setPrompt('paperwire> ');
  prompt();
  for await (const line of rl) {
    try {
      if (!(await run(line))) break;
    } catch (error) {
      rt.log.error('the shell could not answer', { error });
      write('Sorry, something went wrong answering that; see the log above.');
    }
    prompt();
  }
  rl.close();
}
