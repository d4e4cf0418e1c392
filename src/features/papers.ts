import type { Runtime } from './runtime.js';
import { parsePapersText, type PapersRequest } from './command-text.js';
import { renderHelp } from '../views/help.js';
import { renderNotice } from '../views/notice.js';
import { searchMessage } from './search.js';
import { savedMessage, trendingMessage } from './lists.js';
import { digestRoutes } from './digest.js';
import type { Requester, Surface } from './surface.js';

/** `/papers …` from Slack or the shell: parse, answer privately. */
export async function handlePapersCommand(rt: Runtime, surface: Surface, requester: Requester, text: string): Promise<void> {
  const request = parsePapersText(text);
  await surface.respond(await answer(rt, surface, requester, request));
}

async function answer(rt: Runtime, surface: Surface, requester: Requester, request: PapersRequest) {
  switch (request.kind) {
    case 'help':
      return renderHelp();
    case 'search':
      return searchMessage(rt, request.query);
    case 'trending':
      return trendingMessage(rt, requester);
    case 'saved':
      return savedMessage(rt, requester);
    case 'invalid':
      return renderNotice(request.message);
    default: {
      return digestRoutes[request.kind](rt, surface, requester, request);
    }
  }
}
