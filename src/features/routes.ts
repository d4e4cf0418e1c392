import type { Runtime } from './runtime.js';
import type { PapersRequest } from './command-text.js';
import type { Message } from '../views/message.js';
import type { Requester, Surface } from './surface.js';

export type DigestRequest = Extract<PapersRequest, { kind: `digest-${string}` }>;
export type DigestKind = DigestRequest['kind'];

/** Answers one kind of `/papers digest …` request; may also post to the channel through the surface. */
export type DigestHandler = (rt: Runtime, surface: Surface, requester: Requester, request: DigestRequest) => Promise<Message>;
